package cn.zhenxing.server.search;

import cn.zhenxing.indexer.index.IndexSchema;
import cn.zhenxing.indexer.index.ParagraphDocuments;
import cn.zhenxing.server.index.FacetedSearcher;
import cn.zhenxing.server.index.ThemeMasks;
import cn.zhenxing.indexer.index.ListedParagraph;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.indexer.theme.Theme;
import cn.zhenxing.server.index.IndexService;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/**
 * Runs paragraph searches: the query from {@link QueryBuilder}, theme filters as a drill-down, one page of
 * hits, highlighted snippets, and multi-select theme counts (each theme's count ignores the theme filter itself,
 * so choosing one theme keeps the others' counts visible). Searches that can match few paragraphs do all of it
 * in one pass; those that may match many rank a pruned top-k and count without scoring.
 */
public final class ParagraphSearcher {

  /** Document order: articles as they were loaded, then paragraphs in article order. */
  static final Sort DOCUMENT_ORDER =
      new Sort(
          new SortField(IndexSchema.ARTICLE_SEQ, SortField.Type.LONG),
          new SortField(IndexSchema.PARAGRAPH, SortField.Type.INT));

  /**
   * Searches that may match more paragraphs than this rank and count in two passes; below
   * it one pass is cheaper, as the second pass would look every query term up again. Measured on the 1M bench
   * index: two passes halve the time of 200k-hit searches and cost a few percent on 2k-hit ones.
   */
  static final long SEPARATE_COUNTING_ABOVE = 20_000;

  private final IndexService index;
  private final Taxonomy taxonomy;
  private final SynonymSource synonyms;
  private final QueryContext.Features features;
  private final long timeoutMillis;
  private final ResponseCache cache;
  private final SearchSlots slots;
  private final long separateCountingAbove;
  private final QueryBuilder queries = new QueryBuilder();
  private final DidYouMean didYouMean = new DidYouMean(queries);
  private final Highlighting highlighting = new Highlighting();
  private final FacetsConfig facetsConfig = IndexSchema.facetsConfig();

  /**
   * @param timeoutMillis a search still collecting after this stops and answers with the hits found so far,
   *     marked {@code partial}
   */
  public ParagraphSearcher(IndexService index, Taxonomy taxonomy, SynonymSource synonyms,
      QueryContext.Features features, long timeoutMillis) {
    this(index, taxonomy, synonyms, features, timeoutMillis, 0, 0);
  }

  /**
   * @param cacheEntries responses kept for repeated searches (0: none)
   * @param searchSlots searches run at once, the others wait their turn (0: no limit)
   */
  public ParagraphSearcher(IndexService index, Taxonomy taxonomy, SynonymSource synonyms,
      QueryContext.Features features, long timeoutMillis, int cacheEntries, int searchSlots) {
    this(index, taxonomy, synonyms, features, timeoutMillis, cacheEntries, searchSlots, SEPARATE_COUNTING_ABOVE);
  }

  /** @param separateCountingAbove see {@link #SEPARATE_COUNTING_ABOVE}; tests set it to force either way */
  ParagraphSearcher(IndexService index, Taxonomy taxonomy, SynonymSource synonyms,
      QueryContext.Features features, long timeoutMillis, int cacheEntries, int searchSlots,
      long separateCountingAbove) {
    this.slots = new SearchSlots(searchSlots);
    this.separateCountingAbove = separateCountingAbove;
    this.index = index;
    this.taxonomy = taxonomy;
    this.synonyms = synonyms;
    this.features = features;
    this.timeoutMillis = timeoutMillis;
    this.cache = new ResponseCache(cacheEntries);
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    try (IndexService.Lease lease = index.acquire()) {
      IndexReader reader = lease.searcher().getIndexReader();
      Synonyms rules = synonyms.current();
      SearchResponse cached = cache.get(reader, rules, request);
      if (cached != null) {
        return cached.withTookMs(millisSince(start));
      }
      SearchResponse response = slots.run(() -> search(request, lease, rules, start));
      cache.put(reader, rules, request, response);
      return response;
    }
  }

  /** Searches waiting for one of the search slots now (a gauge in /metrics). */
  public int waitingSearches() {
    return slots.waiting();
  }

  private SearchResponse search(SearchRequest request, IndexService.Lease lease, Synonyms rules, long start)
      throws IOException {
    UserQuery userQuery = UserQueryParser.parse(request.q());
    FacetedSearcher searcher = lease.searcher();
    DeadlineQuery.Deadline deadline = new DeadlineQuery.Deadline(timeoutMillis);
    // A query that finds nothing is built again for each proposal: each word is looked up once.
    Map<Term, Integer> docFreqs = new HashMap<>();
    QueryContext ctx = new QueryContext(rules, lease::pinyin,
        (field, term) -> docFreqs.computeIfAbsent(new Term(field, term), t -> docFreq(searcher, t)),
        searcher.getIndexReader().numDocs(), features);
    Optional<QueryBuilder.Built> built = queries.build(userQuery, ctx);
    if (built.isEmpty()) {
      return new SearchResponse(request.q(), 0, request.page(), request.size(), millisSince(start),
          List.of(), facets(Map.of()), "查询中没有可检索的文字", null, false);
    }
    if (userQuery.isEmpty()) {
      return browse(request, searcher, start);
    }
    Query query = new DeadlineQuery(built.get().query(), deadline);
    boolean browse = userQuery.onlyExclusions();
    DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, query);
    for (String theme : request.themes()) {
      drillDown.add(IndexSchema.THEME, theme);
    }
    int topN = request.page() * request.size();
    ThemeMasks themes = searcher.themes();
    TopDocs top;
    long total;
    Map<String, Long> counts;
    if (browse) {
      top = searcher.search(drillDown, new TopFieldCollectorManager(DOCUMENT_ORDER, topN, null, Integer.MAX_VALUE));
      total = top.totalHits.value;
      counts = searcher.search(query, ThemedHits.counting(themes, List.of())).counts();
    } else if (MatchEstimate.upperBound(built.get().query(), searcher.getIndexReader()) <= separateCountingAbove) {
      // One pass counts every hit's themes and scores the hits that pass the theme filter.
      ThemedHits.Result result = searcher.search(query, ThemedHits.ranking(themes, request.themes(), topN));
      top = result.top();
      total = result.total();
      counts = result.counts();
    } else {
      // Many hits: the page first, scoring only what can still reach it (Lucene skips blocks that cannot
      // compete), so that a search cut short by the deadline still has its best hits; then the counts, which
      // visit every hit but score none, so only the required words are matched.
      Query ranked = request.themes().isEmpty() ? query : drillDown;
      top = searcher.search(ranked, new TopScoreDocCollectorManager(topN, null, topN));
      ThemedHits.Result result = searcher.search(query, ThemedHits.counting(themes, request.themes()));
      counts = result.counts();
      // Past the deadline the counting pass stops early; the total never drops below what was ranked.
      total = Math.max(result.total(), top.totalHits.value);
    }
    ScoreDoc[] page = pageOf(top.scoreDocs, request);
    List<SearchResponse.Hit> hits = hits(searcher, built.get().highlight(), built.get().pieces(), page, browse);
    SearchResponse.DidYouMean proposal = null;
    if (!browse && !deadline.reached()) { // cut short, "nothing" or "few" is no reason to propose another query
      proposal = (total == 0
          ? didYouMean.propose(userQuery, request.themes(), searcher, lease.suggestions(), ctx, deadline)
          : didYouMean.respell(userQuery, total, request.themes(), searcher, lease.suggestions(), ctx, deadline))
          .map(p -> new SearchResponse.DidYouMean(p.query(), p.reason(), p.total())).orElse(null);
    }
    boolean partial = deadline.reached();
    return new SearchResponse(request.q(), total, request.page(), request.size(),
        millisSince(start), hits, facets(counts), notice(built.get(), partial), proposal, partial);
  }

  private static String notice(QueryBuilder.Built built, boolean partial) {
    List<String> remarks = new ArrayList<>(2);
    if (built.wordsLeftOut() > 0) {
      remarks.add("查询较长，只按前" + built.wordsUsed() + "个词检索，其余" + built.wordsLeftOut() + "个词未使用");
    }
    if (partial) {
      remarks.add("查询耗时过长，结果不完整");
    }
    return remarks.isEmpty() ? null : String.join("；", remarks);
  }

  /**
   * Everything in document order, optionally filtered by themes. The theme counts are those of all
   * paragraphs (cached per reader), which are also the multi-select counts when themes are chosen.
   */
  private SearchResponse browse(SearchRequest request, FacetedSearcher searcher, long start) throws IOException {
    Query filter = new MatchAllDocsQuery();
    if (!request.themes().isEmpty()) {
      DrillDownQuery drillDown = new DrillDownQuery(facetsConfig);
      request.themes().forEach(t -> drillDown.add(IndexSchema.THEME, t));
      filter = drillDown;
    }
    int topN = request.page() * request.size();
    TopDocs top = searcher.search(filter, new TopFieldCollectorManager(DOCUMENT_ORDER, topN, null, Integer.MAX_VALUE));
    Query all = new MatchAllDocsQuery();
    List<SearchResponse.Hit> hits = hits(searcher, all, all, pageOf(top.scoreDocs, request), true);
    return new SearchResponse(request.q(), top.totalHits.value, request.page(), request.size(), millisSince(start),
        hits, facets(searcher.themes().all()), null, null, false);
  }

  /**
   * The page's hits with snippets: marks of what was typed where it is written whole, or, in a paragraph that
   * writes none of it whole, of its words ({@code pieces}).
   */
  private List<SearchResponse.Hit> hits(
      IndexSearcher searcher, Query highlightQuery, Query pieces, ScoreDoc[] page, boolean browse)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    var storedFields = searcher.storedFields();
    ListedParagraph[] paragraphs = new ListedParagraph[page.length];
    String[] texts = new String[page.length];
    for (int i = 0; i < page.length; i++) {
      paragraphs[i] = ParagraphDocuments.listed(storedFields, page[i].doc);
      texts[i] = paragraphs[i].text();
    }
    String[] snippets = highlighting.snippets(searcher, highlightQuery, pieces, page, texts);
    List<SearchResponse.Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      ListedParagraph p = paragraphs[i];
      hits.add(new SearchResponse.Hit(p.id(), p.articleId(), p.title(), p.section(), p.paragraph(), p.date(),
          p.text(), snippets[i], p.themes(), browse ? null : (double) page[i].score));
    }
    return hits;
  }

  private static ScoreDoc[] pageOf(ScoreDoc[] all, SearchRequest request) {
    int from = (request.page() - 1) * request.size();
    if (from >= all.length) {
      return new ScoreDoc[0];
    }
    return Arrays.copyOfRange(all, from, Math.min(all.length, from + request.size()));
  }

  /** Every theme of the taxonomy, in taxonomy order, with its count (0 when absent). */
  private Map<String, List<SearchResponse.FacetValue>> facets(Map<String, Long> counts) {
    List<SearchResponse.FacetValue> values = new ArrayList<>();
    for (Theme t : taxonomy.themes()) {
      values.add(new SearchResponse.FacetValue(t.id(), t.label(), counts.getOrDefault(t.id(), 0L)));
    }
    return Map.of(IndexSchema.THEME, values);
  }

  private static int docFreq(IndexSearcher searcher, Term term) {
    try {
      return searcher.getIndexReader().docFreq(term);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
