package cn.zhenxing.indexer.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.Seeds;
import cn.zhenxing.indexer.paragraph.ParsedArticle;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.indexer.theme.ThemeTagger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhraseCollectorTest {

  @Test
  void lead_ins_and_their_topics() {
    assertEquals("推动数字沈阳建设", PhraseCollector.leadIn("推动数字沈阳建设。沈阳市促进数字产业化"));
    assertEquals("持续优化营商环境", PhraseCollector.leadIn("持续优化营商环境。沈阳市坚持"));
    assertNull(PhraseCollector.leadIn("着眼“十四五”，聚焦东北振兴，辽宁省沈阳市立足新发展阶段，贯彻新发展理念。"));
    assertEquals(List.of("数字沈阳建设"), PhraseCollector.withoutOpeningWords("推动数字沈阳建设"));
    assertEquals(List.of("优化营商环境", "营商环境"), PhraseCollector.withoutOpeningWords("持续优化营商环境"));
  }

  @Test
  void collects_weighted_phrases_from_the_seeds_and_builds_a_suggester(@TempDir Path gen) throws Exception {
    PhraseCollector collector = new PhraseCollector();
    ThemeTagger tagger = new ThemeTagger(Taxonomy.defaults());
    for (ParsedArticle a : Seeds.articles()) {
      collector.collect(a, a.paragraphs().stream().map(p -> tagger.tag(p.text())).toList());
    }
    Map<String, Long> weights = collector.weights();
    assertTrue(weights.get("营商环境") > weights.get("数字沈阳建设"), "frequent key phrases weigh more");
    assertTrue(weights.containsKey("2026年辽宁省政府工作报告"));
    assertFalse(weights.keySet().stream().anyMatch(p -> p.contains("。")), "no sentences");
    SuggestIndex.build(gen, weights);
    try (SuggestIndex index = SuggestIndex.open(gen)) {
      List<String> s = index.lookup("数字", 8).stream().map(SuggestIndex.Suggestion::text).toList();
      assertTrue(s.contains("数字经济") && s.contains("数字沈阳建设"), s.toString());
    }
  }
}
