// 振兴搜索 search page: talks only to the public JSON API; the URL (?q=&theme=&page=) holds all state.
(function () {
  'use strict';

  const PAGE_SIZE = 10;
  const $ = (id) => document.getElementById(id);
  const form = $('search-form'), input = $('q'), chips = $('chips'), clear = $('clear-filters');
  const statusEl = $('status'), results = $('results'), empty = $('empty'), errorEl = $('error'), pager = $('pager');

  let themes = [];            // [{id,label}] from /api/themes
  let controller = null;      // aborts the request in flight when a newer one starts

  const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

  function readState() {
    const p = new URLSearchParams(location.search);
    const page = parseInt(p.get('page') || '1', 10);
    return { q: p.get('q') || '', themes: p.getAll('theme'), page: page > 0 ? page : 1 };
  }

  function urlFor(state) {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    state.themes.forEach((t) => p.append('theme', t));
    if (state.page > 1) p.set('page', String(state.page));
    const s = p.toString();
    return '/' + (s ? '?' + s : '');
  }

  function navigate(state, replace) {
    const url = urlFor(state);
    if (url !== location.pathname + location.search) {
      history[replace ? 'replaceState' : 'pushState'](null, '', url);
    }
    render(state);
  }

  async function render(state) {
    input.value = state.q;
    document.title = (state.q ? state.q + ' - ' : '') + '振兴搜索';
    if (controller) controller.abort();
    controller = new AbortController();
    const params = new URLSearchParams({ q: state.q, page: String(state.page), size: String(PAGE_SIZE) });
    state.themes.forEach((t) => params.append('theme', t));
    document.body.classList.add('loading');
    statusEl.textContent = '正在搜索…';
    errorEl.hidden = true;
    try {
      const res = await fetch('/api/search?' + params, { signal: controller.signal, headers: { Accept: 'application/json' } });
      const body = await res.json();
      if (!res.ok) throw new Error((body.error && body.error.message) || ('HTTP ' + res.status));
      showResults(state, body);
    } catch (e) {
      if (e.name === 'AbortError') return;
      showError(e.message);
    } finally {
      document.body.classList.remove('loading');
    }
  }

  function showResults(state, body) {
    renderChips(state, body.facets.theme);
    const from = (body.page - 1) * body.size + 1;
    const to = from + body.hits.length - 1;
    if (body.total === 0) {
      statusEl.textContent = state.q ? '没有找到与“' + state.q + '”相关的段落' : '没有段落';
    } else {
      statusEl.textContent = (state.q ? '找到 ' : '共 ') + body.total.toLocaleString('zh-CN') + ' 个段落' +
        (body.hits.length ? '，显示第 ' + from + '–' + to + ' 个' : '') + '（用时 ' + body.tookMs + ' 毫秒）';
    }
    results.innerHTML = body.hits.map(hitHtml).join('');
    showEmpty(state, body);
    renderPager(state, body.total);
  }

  function hitHtml(h) {
    const label = (id) => (themes.find((t) => t.id === id) || { label: id }).label;
    const meta = [h.section, h.date].filter(Boolean).map(escapeHtml).join(' · ');
    return '<li class="hit"><h3><a href="/articles/' + encodeURIComponent(h.articleId) + '#p' + h.paragraph + '">' +
      escapeHtml(h.title) + '</a></h3>' +
      (meta ? '<p class="meta">' + meta + '</p>' : '') +
      '<p class="snippet">' + h.highlight + '</p>' +   // already HTML-escaped by the API, except <mark>
      (h.themes.length ? '<div class="tags">' + h.themes.map((t) => '<span class="tag">' + escapeHtml(label(t)) + '</span>').join('') + '</div>' : '') +
      '</li>';
  }

  function showEmpty(state, body) {
    if (body.total > 0 || !state.q) { empty.hidden = true; return; }
    const tips = ['检查是否有错别字', '换一个更常用的说法，如“营商环境”“科技创新”', '减少关键词或去掉引号'];
    if (state.themes.length) tips.unshift('清除主题筛选后再试');
    empty.innerHTML = '<p><strong>没有结果。</strong>' + (body.notice ? escapeHtml(body.notice) : '') + '</p><p>可以试试：</p><ul>' +
      tips.map((t) => '<li>' + escapeHtml(t) + '</li>').join('') + '</ul>' +
      '<p>热门搜索：' + ['数字沈阳', '营商环境', '科技创新', '自贸试验区'].map((w) =>
        '<a href="' + urlFor({ q: w, themes: [], page: 1 }) + '" data-nav>' + w + '</a>').join('、') + '</p>';
    empty.hidden = false;
  }

  function showError(message) {
    results.innerHTML = '';
    pager.innerHTML = '';
    empty.hidden = true;
    statusEl.textContent = '';
    errorEl.innerHTML = '<p><strong>搜索出错了。</strong>' + escapeHtml(message) + '</p><p><button type="button" class="link" id="retry">重试</button></p>';
    errorEl.hidden = false;
    $('retry').addEventListener('click', () => render(readState()));
  }

  function renderChips(state, counts) {
    chips.innerHTML = counts.map((f) => {
      const on = state.themes.includes(f.value);
      return '<button type="button" class="chip" data-theme="' + escapeHtml(f.value) + '" aria-pressed="' + on + '"' +
        (f.count === 0 && !on ? ' disabled' : '') + '>' +
        '<span>' + escapeHtml(f.label) + '</span><span class="count" aria-label="' + f.count + ' 个段落">' + f.count + '</span></button>';
    }).join('');
    clear.hidden = state.themes.length === 0;
  }

  function renderPager(state, total) {
    const pages = Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(10000 / PAGE_SIZE));
    if (pages <= 1) { pager.innerHTML = ''; return; }
    const link = (p, text, label) => '<a href="' + urlFor({ ...state, page: p }) + '" data-nav' +
      (label ? ' aria-label="' + label + '"' : '') + (p === state.page ? ' aria-current="page"' : '') + '>' + text + '</a>';
    const parts = [];
    if (state.page > 1) parts.push(link(state.page - 1, '上一页', '上一页'));
    const shown = new Set([1, pages, state.page - 2, state.page - 1, state.page, state.page + 1, state.page + 2]);
    let last = 0;
    for (let p = 1; p <= pages; p++) {
      if (!shown.has(p)) continue;
      if (p - last > 1) parts.push('<span class="gap">…</span>');
      parts.push(link(p, String(p), '第 ' + p + ' 页'));
      last = p;
    }
    if (state.page < pages) parts.push(link(state.page + 1, '下一页', '下一页'));
    pager.innerHTML = parts.join('');
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate({ q: input.value.trim(), themes: readState().themes, page: 1 });
    results.focus({ preventScroll: true });
  });

  chips.addEventListener('click', (e) => {
    const chip = e.target.closest('.chip');
    if (!chip) return;
    const state = readState();
    const t = chip.dataset.theme;
    const next = state.themes.includes(t) ? state.themes.filter((x) => x !== t) : state.themes.concat(t);
    navigate({ q: state.q, themes: next, page: 1 });
  });

  clear.addEventListener('click', () => navigate({ q: readState().q, themes: [], page: 1 }));

  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-nav]');
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    render(readState());
    window.scrollTo(0, 0);
  });

  window.addEventListener('popstate', () => render(readState()));

  fetch('/api/themes').then((r) => r.json()).then((b) => { themes = b.themes; }).catch(() => {})
    .finally(() => render(readState()));
})();
