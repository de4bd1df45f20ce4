package cn.zhenxing.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.index.IndexSchema;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.server.index.FacetedSearcher;
import cn.zhenxing.server.index.IndexService;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Theme counts from theme masks must be exactly Lucene's facet counts from doc values, and the filtered hits
 * exactly those of a drill-down, for every query and every theme filter tried on the seed index.
 */
class ThemedHitsTest {

  @Test
  void counts_and_ranks_as_lucene_facets_and_drill_down_do(@TempDir Path dir) throws Exception {
    Taxonomy taxonomy = Taxonomy.defaults();
    try (IndexService index = SeedIndex.open(dir);
        IndexService.Lease lease = index.acquire()) {
      FacetedSearcher searcher = lease.searcher();
      FacetsConfig config = IndexSchema.facetsConfig();
      var state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), config);
      assertEquals(taxonomy.themes().size(), searcher.themes().themes().size(), "every theme is in the seeds");

      List<Query> queries = List.of(new MatchAllDocsQuery(), new TermQuery(new Term(IndexSchema.TEXT, "创新")),
          new TermQuery(new Term(IndexSchema.TEXT_BIGRAMS, "沈阳")), new TermQuery(new Term(IndexSchema.TEXT, "服务")),
          new TermQuery(new Term(IndexSchema.TEXT, "没有这个词")));
      List<List<String>> filters = List.of(List.of(), List.of("digital"), List.of("services", "openness"),
          List.of("innovation", "digital", "services", "openness"), List.of("no-such-theme"));
      int withCounts = 0;
      for (Query query : queries) {
        FacetsCollector matches = searcher.search(query, new FacetsCollectorManager());
        Map<String, Long> expected = new HashMap<>();
        if (matches.getMatchingDocs().stream().anyMatch(m -> m.totalHits > 0)) {
          FacetResult result = new SortedSetDocValuesFacetCounts(state, matches).getTopChildren(100, IndexSchema.THEME);
          for (LabelAndValue lv : result.labelValues) {
            expected.put(lv.label, lv.value.longValue());
          }
        }
        withCounts += expected.isEmpty() ? 0 : 1;
        if (query instanceof MatchAllDocsQuery) {
          assertEquals(expected, searcher.themes().all(), "counts over all paragraphs");
        }
        for (List<String> chosen : filters) {
          DrillDownQuery drillDown = new DrillDownQuery(config, query);
          chosen.forEach(t -> drillDown.add(IndexSchema.THEME, t));
          TopDocs drilled = searcher.search(drillDown, new TopScoreDocCollectorManager(7, null, Integer.MAX_VALUE));
          String what = query + " " + chosen;

          ThemedHits.Result counted = searcher.search(query, ThemedHits.counting(searcher.themes(), chosen));
          assertEquals(expected, counted.counts(), "theme counts of " + what);
          assertEquals(drilled.totalHits.value, counted.total(), "total of " + what);

          ThemedHits.Result ranked = searcher.search(query, ThemedHits.ranking(searcher.themes(), chosen, 7));
          assertEquals(expected, ranked.counts(), "theme counts of " + what);
          assertEquals(drilled.totalHits.value, ranked.total(), "total of " + what);
          assertEquals(Arrays.toString(drilled.scoreDocs), Arrays.toString(ranked.top().scoreDocs), "hits of " + what);
        }
      }
      assertTrue(withCounts >= 4, "most queries match themed paragraphs: " + withCounts);
    }
  }
}
