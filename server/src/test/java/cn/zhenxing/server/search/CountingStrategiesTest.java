package cn.zhenxing.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.server.index.IndexService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large searches rank a pruned top-k and count separately; small ones do both in one DrillSideways pass. The
 * seed index is small, so both ways are forced here, and every answer must be the same either way.
 */
class CountingStrategiesTest {

  private static final List<SearchRequest> SEARCHES = List.of(
      new SearchRequest("沈阳", List.of(), 1, 10),
      new SearchRequest("发展", List.of(), 1, 10),
      new SearchRequest("发展", List.of(), 3, 10),
      new SearchRequest("建设", List.of("services", "openness"), 1, 10),
      new SearchRequest("营商环境", List.of("services"), 1, 5),
      new SearchRequest("沈阳如何推动制造业高质量发展", List.of(), 1, 10),
      new SearchRequest("数字 沈阳", List.of("digital"), 1, 10),
      new SearchRequest("\"数字沈阳\"", List.of(), 1, 10),
      new SearchRequest("创新 -沈阳", List.of(), 1, 10),
      new SearchRequest("-沈阳", List.of("innovation"), 1, 10),
      new SearchRequest("zimaoqu", List.of(), 1, 10),
      new SearchRequest("没有这样的词汇组合", List.of(), 1, 10));

  @Test
  void one_pass_and_two_passes_answer_alike(@TempDir Path dir) throws Exception {
    Taxonomy taxonomy = Taxonomy.defaults();
    try (IndexService index = SeedIndex.open(dir)) {
      SynonymSource synonyms = new SynonymSource(null);
      ParagraphSearcher onePass =
          new ParagraphSearcher(index, taxonomy, synonyms, QueryContext.Features.ALL, 10_000, 0, 0, Long.MAX_VALUE);
      ParagraphSearcher twoPasses =
          new ParagraphSearcher(index, taxonomy, synonyms, QueryContext.Features.ALL, 10_000, 0, 0, -1);
      long withHits = 0;
      for (SearchRequest request : SEARCHES) {
        SearchResponse a = onePass.search(request);
        SearchResponse b = twoPasses.search(request);
        assertEquals(a.total(), b.total(), "total of " + request);
        assertEquals(a.facets(), b.facets(), "theme counts of " + request);
        assertEquals(a.hits(), b.hits(), "hits of " + request);
        assertEquals(a.didYouMean(), b.didYouMean(), "proposal of " + request);
        withHits += a.total() > 0 ? 1 : 0;
      }
      assertTrue(withHits >= 9, "most of these searches find something in the seeds: " + withHits);
    }
  }
}
