// 振兴搜索: the search page and the article view. Talks only to the public JSON API. The URL holds all
// state (/?q=&theme=&page= for results, /articles/{id}#p{n} for an article), so reload, share, back and
// forward all work.
(function () {
  'use strict';

  const PAGE_SIZE = 10;
  const TYPE_DELAY = 250;      // ms of quiet typing before searching
  const SUGGEST_DELAY = 120;
  const $ = (id) => document.getElementById(id);
  const form = $('search-form'), input = $('q'), list = $('suggestions');
  const searchView = $('search-view'), articleView = $('article-view');
  const chips = $('chips'), clear = $('clear-filters'), chart = $('chart'), chartBars = $('chart-bars');
  const statusEl = $('status'), respell = $('respell'), results = $('results'), empty = $('empty'), errorEl = $('error'), pager = $('pager');
  const articleBody = $('article-body'), backLink = $('back-link');

  let themes = [];               // [{id,label}] from /api/themes
  let searchController = null;   // aborts the search in flight when a newer one starts
  let suggestController = null;
  let typeTimer = 0, suggestTimer = 0;
  let typingEntry = false;       // the current history entry was pushed by typing: replace it while typing goes on
  let activeSuggestion = -1;
  let lastSearchUrl = '/';

  const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  // By characters, not UTF-16 units: an emoji or a rare character (𠀀) is never cut in half.
  const chars = (s) => Array.from(s);
  const shortened = (s) => { const c = chars(s); return c.length > 40 ? c.slice(0, 40).join('') + '…' : s; };
  const unescapeHtml = (s) => String(s).replace(/&(amp|lt|gt|quot|#39);/g, (m, e) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }[e]));
  const number = (n) => n.toLocaleString('zh-CN');
  const themeLabel = (id) => (themes.find((t) => t.id === id) || { label: id }).label;

  // ---- URL state ----------------------------------------------------------------------------------------

  function readSearchState(loc) {
    const p = new URLSearchParams((loc || location).search);
    const page = parseInt(p.get('page') || '1', 10);
    return { q: p.get('q') || '', themes: p.getAll('theme'), page: Number.isFinite(page) && page > 0 ? page : 1 };
  }

  function searchParams(state) {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    state.themes.forEach((t) => p.append('theme', t));
    if (state.page > 1) p.set('page', String(state.page));
    return p;
  }

  function searchUrl(state) {
    const s = searchParams(state).toString();
    return '/' + (s ? '?' + s : '');
  }

  function articleIdFromPath() {
    const m = location.pathname.match(/^\/articles\/(.+)$/);
    return m ? decodeURIComponent(m[1]) : null;
  }

  function go(url, how, entry) {
    if (url !== location.pathname + location.search + location.hash) {
      if (how === 'replace') history.replaceState(entry || null, '', url); else history.pushState(entry || null, '', url);
    }
    route();
  }

  function route() {
    const id = articleIdFromPath();
    if (id) { showArticle(id); } else { showSearch(readSearchState()); }
  }

  // ---- Search view ------------------------------------------------------------------------------------

  async function showSearch(state) {
    articleView.hidden = true;
    searchView.hidden = false;
    document.body.classList.remove('reading');
    if (document.activeElement !== input) input.value = state.q;
    document.title = (state.q ? shortened(state.q) + ' - ' : '') + '振兴搜索';
    lastSearchUrl = searchUrl(state);
    if (searchController) searchController.abort();
    const controller = searchController = new AbortController();
    const params = new URLSearchParams({ q: state.q, page: String(state.page), size: String(PAGE_SIZE) });
    state.themes.forEach((t) => params.append('theme', t));
    setLoading(true);
    try {
      const get = (p) => fetch('/api/search?' + p, { signal: controller.signal, headers: { Accept: 'application/json' } });
      let res = await get(params);
      let body = await res.json();
      if (res.status === 400 && body.error && body.error.parameter === 'page' && state.page > 1) {
        // Beyond the pages anyone may look at (an edited link): said like any page past the end, with a link
        // to this search's real last page, which page 1 tells.
        params.set('page', '1');
        const first = await get(params);
        if (first.ok) { res = first; body = { ...(await first.json()), page: state.page, hits: [] }; }
      }
      if (controller !== searchController) return;
      if (!res.ok) { renderError(apiProblem(res, body, state)); return; }
      renderResults(state, body);
    } catch (e) {
      if (e.name === 'AbortError' || controller !== searchController) return;
      renderError({ message: OFFLINE, retry: true });
    } finally {
      if (controller === searchController) setLoading(false);
    }
  }

  function setLoading(on) {
    results.setAttribute('aria-busy', String(on));
    if (on) {
      statusEl.textContent = '正在搜索…';
      errorEl.hidden = true;
      if (!results.children.length) results.innerHTML = '<li class="skeleton"></li><li class="skeleton"></li><li class="skeleton"></li>';
    }
  }

  const POPULAR = ['数字沈阳', '营商环境', '科技创新', '自贸试验区', '冰雪经济'];
  const searchLink = (w, themes) => '<a href="' + escapeHtml(searchUrl({ q: w, themes: themes || [], page: 1 })) + '" data-nav>' + escapeHtml(w) + '</a>';

  function renderResults(state, body) {
    renderChips(state, body.facets.theme);
    renderRespell(state, body);
    if (!state.q && !state.themes.length) {  // the start page: what to search for, not every paragraph in file order
      chart.hidden = true;
      statusEl.textContent = '输入关键词，在 ' + number(body.total) + ' 个段落中搜索，或选择主题浏览';
      results.innerHTML = '';
      pager.innerHTML = '';
      empty.innerHTML = '<p>热门搜索：' + POPULAR.map((w) => searchLink(w)).join('、') + '</p>';
      empty.hidden = false;
      return;
    }
    renderChart(body.facets.theme, body.total, state);
    const from = (body.page - 1) * body.size + 1;
    const to = from + body.hits.length - 1;
    if (body.total === 0 && body.partial) {
      statusEl.textContent = '搜索超时，还没有找到结果';
    } else if (body.total === 0) {
      statusEl.textContent = state.q ? '没有找到与“' + shortened(state.q) + '”相关的段落' : '没有段落';
    } else if (body.hits.length === 0) {
      statusEl.textContent = '共 ' + number(body.total) + ' 个段落，没有第 ' + number(state.page) + ' 页';
    } else {
      // A notice with results says they are partial, or that a long query's last words were left out.
      statusEl.textContent = (state.q ? '找到 ' : '共 ') + number(body.total) + ' 个段落，第 ' + number(from) +
        (to > from ? '–' + number(to) : '') + ' 个（' + (body.tookMs > 0 ? body.tookMs + ' 毫秒' : '不到 1 毫秒') + '）' +
        (body.notice ? '。' + body.notice : '');
    }
    results.innerHTML = body.hits.map((h) => hitHtml(h, state)).join('');
    renderEmpty(state, body);
    renderPager(state, body.total);
  }

  function hitHtml(h, state) {
    const meta = [h.section, h.date].filter(Boolean).map(escapeHtml).join(' · ');
    const marks = [...new Set([...h.highlight.matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((m) => unescapeHtml(m[1])))];
    const href = articleUrl(h.articleId, h.paragraph, state, marks);
    return '<li class="hit"><h3><a href="' + escapeHtml(href) + '" data-nav>' + escapeHtml(h.title || h.articleId) + '</a></h3>' +
      (meta ? '<p class="meta">' + meta + '</p>' : '') +
      '<p class="snippet">' + h.highlight + '</p>' +   // HTML-escaped by the API except for <mark>
      tagsHtml(h.themes) + '</li>';
  }

  function tagsHtml(ids, evidence) {
    if (!ids || !ids.length) return '';
    return '<div class="tags">' + ids.map((t) => {
      const why = evidence && evidence[t] && evidence[t].length ? ' title="' + escapeHtml('依据：' + evidence[t].join('、')) + '"' : '';
      return '<span class="tag"' + why + '>' + escapeHtml(themeLabel(t)) + '</span>';
    }).join('') + '</div>';
  }

  /**
   * An article's address from a result: the search to go back to, and the words the result's snippet marked
   * (mark=), so that the article marks them too when the link is opened in a new tab or shared.
   */
  function articleUrl(articleId, paragraph, state, marks) {
    const p = searchParams(state);
    marks.slice(0, 20).forEach((m) => p.append('mark', m));
    const s = p.toString();
    return '/articles/' + encodeURIComponent(articleId) + (s ? '?' + s : '') + '#p' + paragraph;
  }

  function renderChips(state, counts) {
    // Redrawing the chips would drop the keyboard focus of the one just pressed: give it back.
    const focused = document.activeElement;
    const refocus = focused && chips.contains(focused) ? focused.dataset.theme : (focused === clear ? '' : null);
    chips.innerHTML = counts.map((f) => {
      const on = state.themes.includes(f.value);
      return '<button type="button" class="chip" data-theme="' + escapeHtml(f.value) + '" aria-pressed="' + on + '"' +
        (f.count === 0 && !on ? ' disabled' : '') + ' aria-label="' + escapeHtml(f.label + '，' + f.count + ' 个段落') + '">' +
        '<span class="label">' + escapeHtml(f.label) + '</span><span class="count">' + f.count.toLocaleString('zh-CN') + '</span></button>';
    }).join('');
    clear.hidden = state.themes.length === 0;
    if (refocus !== null) {
      const chip = chips.querySelector('.chip[data-theme="' + CSS.escape(refocus) + '"]:not([disabled])') ||
        chips.querySelector('.chip:not([disabled])');
      if (chip) chip.focus();
    }
  }

  /** A few results, found by chance for a misspelt term: the fix, with its count, above them. */
  function renderRespell(state, body) {
    const proposal = body.total > 0 ? body.didYouMean : null;
    respell.hidden = !proposal;
    respell.innerHTML = proposal
      ? '您是不是要找：' + searchLink(proposal.query, state.themes) + '（' + number(proposal.total) + ' 个段落）' : '';
  }

  function renderChart(counts, total, state) {
    const max = Math.max(1, ...counts.map((f) => f.count));
    if (total === 0) { chart.hidden = true; return; }
    chart.hidden = false;
    chartBars.setAttribute('aria-label', '主题分布：' + counts.map((f) => f.label + ' ' + f.count).join('，'));
    chartBars.innerHTML = counts.map((f) =>
      '<div class="bar-row" data-theme="' + escapeHtml(f.value) + '"><span>' + escapeHtml(f.label) + '</span>' +
      '<span class="bar-track"><span class="bar-fill" style="width:' + (100 * f.count / max).toFixed(1) + '%;display:block"></span></span>' +
      '<span class="n">' + f.count + '</span></div>').join('');
    chart.querySelector('figcaption').textContent = state.themes.length ? '主题分布（多选计数）' : '当前结果的主题分布';
  }

  async function renderEmpty(state, body) {
    if (body.total > 0 && body.hits.length === 0) {  // a page past the end (an old link, a shortened list)
      const last = lastPage(body.total);
      empty.innerHTML = '<p>这一页之后没有更多结果。<a href="' + escapeHtml(searchUrl({ ...state, page: last })) +
        '" data-nav>转到最后一页（第 ' + last + ' 页）</a></p>';
      empty.hidden = false;
      return;
    }
    if (body.total > 0 || (!state.q && !state.themes.length)) { empty.hidden = true; return; }
    if (body.partial) {  // cut short by the server's time limit: nothing found yet is no "nothing exists"
      empty.innerHTML = '<p><strong>这次搜索超时了，还没有找到结果。</strong>服务器可能正忙，请稍后重试，或换用更具体的关键词。</p>' +
        '<p><button type="button" class="link" id="timeout-retry">重试</button></p>';
      empty.hidden = false;
      $('timeout-retry').addEventListener('click', route);
      return;
    }
    const tips = ['检查是否有错别字', '换一个更常用的说法，如“营商环境”“科技创新”', '减少关键词或去掉引号'];
    if (state.themes.length) tips.unshift('清除主题筛选后再试');
    // A proposal is for the same search: it keeps the theme filter (its count was taken within it).
    const link = searchLink;
    // The server's proposal, with its count, is shown at once; suggestions for what was typed join it after.
    const proposal = body.didYouMean;
    const offer = (words) => '<p>您是不是要找：' + words.map((w) => w === (proposal && proposal.query)
      ? link(w, state.themes) + '（' + number(proposal.total) + ' 个段落）' : link(w, state.themes)).join('、') + '</p>';
    empty.innerHTML = '<p><strong>没有找到结果。</strong>' + (body.notice ? escapeHtml(body.notice) : '') + '</p>' +
      '<div id="did-you-mean">' + (proposal ? offer([proposal.query]) : '') + '</div><p>可以试试：</p><ul>' +
      tips.map((t) => '<li>' + escapeHtml(t) + '</li>').join('') + '</ul>' +
      '<p>热门搜索：' + POPULAR.map((w) => link(w)).join('、') + '</p>';
    empty.hidden = false;
    if (state.q) {
      const shownFor = location.href;
      let alternatives = proposal ? [proposal.query] : [];
      try {
        const r = await fetch('/api/suggest?q=' + encodeURIComponent(chars(state.q).slice(0, 50).join('')) + '&size=5');
        const s = await r.json();
        alternatives = alternatives.concat((s.suggestions || []).map((x) => x.text));
      } catch (e) { /* suggestions are a bonus */ }
      const box = $('did-you-mean');
      // A newer search may have been shown meanwhile: these were for the old one.
      if (box && location.href === shownFor) {
        if (alternatives.length) box.innerHTML = offer([...new Set(alternatives)].slice(0, 5));
        box.dataset.complete = 'true';
      }
    }
  }

  const OFFLINE = '无法连接服务器，请检查网络后重试。';

  /**
   * What went wrong, said in Chinese, and the way out: a request the server refused is not worth repeating
   * as it is, so it gets a link that fixes it; a busy or unreachable server gets a retry. The API's own
   * message (English, for developers) is kept as a tooltip.
   */
  function apiProblem(res, body, state) {
    const error = body && body.error || {};
    const detail = error.message || 'HTTP ' + res.status;
    if (res.status === 429) {
      const wait = res.headers.get('Retry-After');
      return { message: '搜索太频繁了，请' + (wait ? ' ' + wait + ' 秒后' : '稍后') + '再试。', retry: true, detail };
    }
    if (res.status >= 500) return { message: '服务器暂时无法完成这次搜索，请稍后重试。', retry: true, detail };
    switch (error.parameter) {
      case 'theme':
        return { message: '链接里的主题筛选无效。', fix: ['去掉无效的主题筛选', { ...state, themes: state.themes.filter((t) => themes.some((k) => k.id === t)), page: 1 }], detail };
      case 'page': case 'size':
        return { message: '页码超出了可以查看的范围（最多 ' + lastPage(10000) + ' 页）。', fix: ['回到第 1 页', { ...state, page: 1 }], detail };
      case 'q':
        return { message: chars(state.q).length > 500 ? '搜索词太长了：最多 500 个字。' : '搜索词里有无法识别的字符。',
          fix: ['缩短后重新搜索', { ...state, q: chars(state.q).slice(0, 500).join(''), page: 1 }], detail };
      default:
        return { message: '这次搜索无法完成。', fix: ['重新开始搜索', { q: '', themes: [], page: 1 }], detail };
    }
  }

  function renderError(problem) {
    results.innerHTML = '';
    pager.innerHTML = '';
    chips.innerHTML = '';   // the theme counts were the previous search's
    clear.hidden = true;
    chart.hidden = true;
    empty.hidden = true;
    respell.hidden = true;
    statusEl.textContent = '搜索出错';
    const way = problem.fix
      ? '<a href="' + escapeHtml(searchUrl(problem.fix[1])) + '" data-nav>' + escapeHtml(problem.fix[0]) + '</a>'
      : '<button type="button" class="link" id="retry">重试</button>';
    errorEl.innerHTML = '<p' + (problem.detail ? ' title="' + escapeHtml(problem.detail) + '"' : '') + '><strong>搜索出错了。</strong>' +
      escapeHtml(problem.message) + '</p><p>' + way + '</p>';
    errorEl.hidden = false;
    if ($('retry')) $('retry').addEventListener('click', route);
  }

  function lastPage(total) {
    return Math.max(1, Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(10000 / PAGE_SIZE)));
  }

  function renderPager(state, total) {
    const pages = lastPage(total);
    if (pages <= 1 || state.page > pages) { pager.innerHTML = ''; return; }
    const link = (p, text, label) => '<a href="' + escapeHtml(searchUrl({ ...state, page: p })) + '" data-nav data-page="' + p + '"' +
      ' aria-label="' + label + '"' + (p === state.page ? ' aria-current="page"' : '') + '>' + text + '</a>';
    const parts = [];
    if (state.page > 1) parts.push(link(state.page - 1, '上一页', '上一页'));
    const shown = new Set([1, pages, state.page - 2, state.page - 1, state.page, state.page + 1, state.page + 2]);
    let last = 0;
    for (let p = 1; p <= pages; p++) {
      if (!shown.has(p)) continue;
      if (p - last > 1) parts.push('<span class="gap" aria-hidden="true">…</span>');
      parts.push(link(p, String(p), '第 ' + p + ' 页'));
      last = p;
    }
    if (state.page < pages) parts.push(link(state.page + 1, '下一页', '下一页'));
    pager.innerHTML = parts.join('');
  }

  // ---- Article view -----------------------------------------------------------------------------------

  async function showArticle(id) {
    searchView.hidden = true;
    articleView.hidden = false;
    document.body.classList.add('reading');
    closeSuggestions();
    const back = readSearchState();
    backLink.href = searchUrl(back);
    backLink.textContent = back.q ? '← 返回“' + shortened(back.q) + '”的搜索结果' : '← 返回搜索';
    if (document.activeElement !== input) input.value = back.q;
    articleBody.innerHTML = '<p class="status">正在加载文章…</p>';
    try {
      let res, a;
      try {
        res = await fetch('/api/articles/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } });
        a = await res.json();
      } catch (e) {
        throw Object.assign(new Error(OFFLINE), { retry: true });
      }
      if (res.status === 404) throw new Error('找不到这篇文章（编号：' + shortened(id) + '）。它可能已被删除，或链接有误。');
      if (!res.ok) throw Object.assign(new Error('服务器暂时无法打开这篇文章，请稍后重试。'), { retry: true });
      renderArticle(a, back.q);
    } catch (e) {
      document.title = '无法打开文章 - 振兴搜索';
      articleBody.innerHTML = '<div class="error" role="alert"><p><strong>无法打开文章。</strong>' + escapeHtml(e.message) + '</p>' +
        (e.retry ? '<p><button type="button" class="link" id="article-retry">重试</button></p>' : '') + '</div>';
      if ($('article-retry')) $('article-retry').addEventListener('click', route);
    }
  }

  /**
   * The words to mark in an article: the snippet marks of the result that was clicked, carried in its address
   * (they cover 沈阳 found in 沈阳市, or 營商環境 typed for 营商环境), and what was typed, without exclusions and
   * quote marks.
   */
  function marksFor(q) {
    const fromHit = new URLSearchParams(location.search).getAll('mark');
    const typed = [];
    const re = /-?"[^"]*"|-?“[^”]*”|\S+/g;
    for (const m of (q || '').matchAll(re)) {
      const word = m[0];
      if (!word.startsWith('-')) typed.push(word.replace(/["“”]/g, ''));
    }
    return [...new Set(fromHit.concat(typed).filter((w) => w.length > 0))].sort((x, y) => y.length - x.length);
  }

  /** {@code text} as HTML with every occurrence of the words marked (longest first, no overlaps). */
  function markedHtml(text, words) {
    if (!words.length) return escapeHtml(text);
    const lower = text.toLowerCase();
    const folded = lower.length === text.length ? lower : text;  // case folding only where it keeps offsets
    const keys = words.map((w) => (folded === lower ? w.toLowerCase() : w));
    let out = '', at = 0;
    while (at < text.length) {
      let best = -1, bestLen = 0;
      for (const k of keys) {
        const i = folded.indexOf(k, at);
        if (i >= 0 && (best < 0 || i < best || (i === best && k.length > bestLen))) { best = i; bestLen = k.length; }
      }
      if (best < 0) break;
      out += escapeHtml(text.slice(at, best)) + '<mark>' + escapeHtml(text.slice(best, best + bestLen)) + '</mark>';
      at = best + bestLen;
    }
    return out + escapeHtml(text.slice(at));
  }

  function renderArticle(a, q) {
    const words = marksFor(q);
    document.title = a.title + ' - 振兴搜索';
    // One 来源: the publisher the article names (辽宁日报) before the address its text was taken from.
    const named = a.metadata && a.metadata['来源'];
    const meta = [a.date, named ? '' : sourceText(a.source), named ? '来源：' + named : '']
      .filter(Boolean).map(escapeHtml).concat(named ? [] : sourceLink(a.source)).join(' · ');
    const parts = ['<h1 id="article-title">' + escapeHtml(a.title || a.id) + '</h1>'];
    if (a.subtitle) parts.push('<p class="subtitle">' + escapeHtml(a.subtitle) + '</p>');
    if (meta) parts.push('<p class="meta">' + meta + '</p>');
    for (const p of a.paragraphs) {
      for (const h of p.headings) parts.push('<h2>' + escapeHtml(h) + '</h2>');
      parts.push('<section class="para" id="p' + p.paragraph + '" tabindex="-1" aria-label="第 ' + p.paragraph + ' 段">' +
        '<p>' + markedHtml(p.text, words) + '</p>' + tagsHtml(p.themes, p.evidence) + '</section>');
    }
    // Only web addresses become links: an index written before the server refused other schemes may hold some.
    if (/^https?:\/\//i.test(a.url || '')) parts.push('<p class="meta">原文：<a href="' + escapeHtml(a.url) + '" rel="noopener noreferrer">' + escapeHtml(a.url) + '</a></p>');
    else if (a.url) parts.push('<p class="meta">原文：' + escapeHtml(a.url) + '</p>');
    articleBody.innerHTML = parts.join('');
    focusTarget();
  }

  // A source line such as "zh.wikisource.org via github:…jsonl | https://zh.wikisource.org/wiki/…" is
  // provenance for machines: shown as its site, linked to its web address.
  const SOURCE_URL = /https?:\/\/[^\s|]+/i;
  function sourceText(source) {
    return source && !/^github:/.test(source) && !SOURCE_URL.test(source) ? shortened(source) : '';
  }
  function sourceLink(source) {
    const url = source && source.match(SOURCE_URL);
    if (!url) return [];
    const named = source.replace(SOURCE_URL, '').split(/\s+via\s+|\s*\|\s*/)[0].trim();
    // A repository path (github:owner/repo@commit/…) is no site a reader knows: the address's host is.
    const site = named && !/^github:/.test(named) ? named : url[0].replace(/^https?:\/\//i, '').split(/[/:]/)[0];
    return ['来源：<a href="' + escapeHtml(url[0]) + '" rel="noopener noreferrer">' + escapeHtml(shortened(site)) + '</a>'];
  }

  function focusTarget() {
    articleBody.querySelectorAll('.para.target').forEach((el) => el.classList.remove('target'));
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target) {
      target.classList.add('target');
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    } else {
      window.scrollTo(0, 0);
      articleView.querySelector('h1') && $('main').focus({ preventScroll: true });
    }
  }

  // ---- Suggestions ------------------------------------------------------------------------------------

  async function loadSuggestions(text) {
    if (suggestController) suggestController.abort();
    const q = text.trim();
    // Nothing to complete in an exclusion (-沈阳): choosing 沈阳 would turn it into its opposite.
    if (!q || chars(q).length > 50 || /^[-－]/.test(q)) { closeSuggestions(); return; }
    const controller = suggestController = new AbortController();
    try {
      const res = await fetch('/api/suggest?q=' + encodeURIComponent(q) + '&size=8', { signal: controller.signal });
      const body = await res.json();
      if (controller !== suggestController || input.value.trim() !== q) return;
      renderSuggestions(q, res.ok ? body.suggestions : []);
    } catch (e) { if (e.name !== 'AbortError') closeSuggestions(); }
  }

  function renderSuggestions(q, items) {
    activeSuggestion = -1;
    input.removeAttribute('aria-activedescendant');
    if (!items.length || document.activeElement !== input) { closeSuggestions(); return; }
    list.innerHTML = items.map((s, i) => {
      const t = s.text, at = t.indexOf(q);
      const html = at < 0 ? escapeHtml(t) : escapeHtml(t.slice(0, at)) + '<mark>' + escapeHtml(q) + '</mark>' + escapeHtml(t.slice(at + q.length));
      return '<li role="option" id="sug-' + i + '" aria-selected="false" data-text="' + escapeHtml(t) + '">' + html + '</li>';
    }).join('');
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function closeSuggestions() {
    clearTimeout(suggestTimer);  // a request still waiting from typing would open the list again
    if (suggestController) suggestController.abort();
    list.hidden = true;
    list.innerHTML = '';
    activeSuggestion = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function moveSuggestion(delta) {
    const items = list.querySelectorAll('[role=option]');
    if (!items.length) return;
    if (activeSuggestion >= 0) items[activeSuggestion].setAttribute('aria-selected', 'false');
    // Positions 0..n: 0 is "back in the box", 1..n the options; arrows wrap around.
    const pos = (activeSuggestion + 1 + delta + items.length + 1) % (items.length + 1);
    activeSuggestion = pos - 1;
    if (activeSuggestion >= 0) {
      const el = items[activeSuggestion];
      el.setAttribute('aria-selected', 'true');
      el.scrollIntoView({ block: 'nearest' });
      input.setAttribute('aria-activedescendant', el.id);
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(text) {
    input.value = text;
    closeSuggestions();
    commitSearch();
  }

  // ---- Events -----------------------------------------------------------------------------------------

  function commitSearch() {
    clearTimeout(typeTimer);
    typingEntry = false;
    // From an article too, the theme filter of the search it was opened from stays (its address carries it).
    const state = { ...readSearchState(), q: input.value.trim(), page: 1 };
    go(searchUrl(state), 'push');
  }

  // While an input method is composing (营商 typed as y-i-n-g-s-h-a-n-g), the box holds pinyin letters, not
  // the query: search only when the characters are committed.
  function typed() {
    clearTimeout(typeTimer);
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(() => loadSuggestions(input.value), SUGGEST_DELAY);
    typeTimer = setTimeout(() => {
      if (articleIdFromPath()) return;  // in the article view, typing waits for Enter
      const state = { ...readSearchState(), q: input.value.trim(), page: 1 };
      if (state.q === readSearchState().q) return;
      go(searchUrl(state), typingEntry ? 'replace' : 'push');
      typingEntry = true;
    }, TYPE_DELAY);
  }

  input.addEventListener('input', (e) => { if (!e.isComposing) typed(); });
  input.addEventListener('compositionstart', () => { clearTimeout(typeTimer); clearTimeout(suggestTimer); });
  input.addEventListener('compositionend', typed);

  input.addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) return;  // Enter or arrows that pick the input method's candidates
    const open = !list.hidden;
    if (e.key === 'ArrowDown' && open) { e.preventDefault(); moveSuggestion(1); }
    // Closed (by Esc, say), ↓ opens the suggestions again, as a combobox does.
    else if (e.key === 'ArrowDown' && input.value.trim()) { e.preventDefault(); loadSuggestions(input.value); }
    else if (e.key === 'ArrowUp' && open) { e.preventDefault(); moveSuggestion(-1); }
    // Esc closes the suggestions and nothing else: the browser's own Esc would empty a search box, and with
    // it the results, the page and the filters.
    else if (e.key === 'Escape') { e.preventDefault(); if (open) closeSuggestions(); }
    else if (e.key === 'Enter' && open && activeSuggestion >= 0) {
      e.preventDefault();
      choose(list.querySelectorAll('[role=option]')[activeSuggestion].dataset.text);
    }
  });

  // Closed a moment after leaving the box (a click on an option lands first), unless focus came back meanwhile.
  input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) closeSuggestions(); }, 150));

  list.addEventListener('mousedown', (e) => {
    const li = e.target.closest('[role=option]');
    if (li) { e.preventDefault(); choose(li.dataset.text); }
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    closeSuggestions();
    commitSearch();
  });

  chips.addEventListener('click', (e) => {
    const chip = e.target.closest('.chip');
    if (!chip) return;
    const state = readSearchState();
    const t = chip.dataset.theme;
    const next = state.themes.includes(t) ? state.themes.filter((x) => x !== t) : state.themes.concat(t);
    typingEntry = false;
    go(searchUrl({ q: state.q, themes: next, page: 1 }), 'push');
  });

  clear.addEventListener('click', () => {
    typingEntry = false;
    go(searchUrl({ q: readSearchState().q, themes: [], page: 1 }), 'push');
  });

  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-nav]');
    if (!a || e.defaultPrevented || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    typingEntry = false;
    const toArticle = a.getAttribute('href').startsWith('/articles/');
    if (a === backLink && history.state && history.state.fromResults) {
      history.back();  // like the browser's back button: the same results, scrolled where they were
      return;
    }
    go(a.getAttribute('href'), 'push', toArticle && !articleIdFromPath() ? { fromResults: true } : null);
    if (!toArticle) { window.scrollTo(0, 0); if (a.dataset.page) results.focus && $('main').focus({ preventScroll: true }); }
  });

  window.addEventListener('popstate', () => {
    typingEntry = false;
    clearTimeout(typeTimer);
    closeSuggestions();
    input.value = readSearchState().q;  // history moved: the box shows that entry's query, even while focused
    route();
  });
  window.addEventListener('hashchange', () => { if (articleIdFromPath()) focusTarget(); });

  fetch('/api/themes').then((r) => r.json()).then((b) => { themes = b.themes; }).catch(() => {}).finally(route);
})();
