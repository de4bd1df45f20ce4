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
  void a_heading_is_cut_into_clauses_and_list_items_but_not_inside_a_joined_list() {
    assertEquals(List.of("坚持走可持续发展道路", "促进经济发展与人口、资源、环境相协调"),
        PhraseCollector.clauses("坚持走可持续发展道路，促进经济发展与人口、资源、环境相协调"));
    assertEquals(List.of("加快发展数字经济", "平台经济"), PhraseCollector.clauses("加快发展数字经济、平台经济"));
    assertEquals(List.of("推进科技创新与产业创新深度融合", "加快发展新质生产力"),
        PhraseCollector.clauses("推进科技创新与产业创新深度融合、加快发展新质生产力"));
  }

  @Test
  void quoted_terms_are_key_phrases() {
    assertEquals(List.of("千万工程", "人工智能+", "十五五"),
        PhraseCollector.quoted("学习运用“千万工程”经验，深化拓展“人工智能+”行动，谋划“十五五”，“好”，“推动高质量发展，是做好经济工作的根本要求”"));
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
    assertTrue(weights.containsKey("人工智能+"), "quoted in the Liaoning report");
    assertFalse(weights.keySet().stream().anyMatch(p -> p.contains("。")), "no sentences");
    SuggestIndex.build(gen, weights, Map.of());
    try (SuggestIndex index = SuggestIndex.open(gen)) {
      List<String> s = index.lookup("数字", 8).stream().map(SuggestIndex.Suggestion::text).toList();
      assertTrue(s.contains("数字经济") && s.contains("数字沈阳建设"), s.toString());
    }
  }

  @Test
  void words_of_the_text_are_suggested_too_and_one_form_of_traditional_and_simplified(@TempDir Path gen)
      throws Exception {
    SuggestIndex.build(gen, Map.of("东北亚经济合作", 9L, "東北亞經濟合作", 2L, "数字经济", 7L,
            "国内生产总值增长8%左右", 3L, "国内生产总值增长8％左右", 2L),
        Map.of("黑土地", 12L, "黑土层", 4L, "沈阳市", 40L));
    try (SuggestIndex index = SuggestIndex.open(gen)) {
      assertEquals(List.of("黑土地"), texts(index.lookup("黑土", 8)),
          "a word of 5 or more paragraphs; 黑土层 is in too few");
      assertEquals(List.of("沈阳市"), texts(index.lookup("沈阳", 8)));
      assertEquals(List.of("东北亚经济合作"), texts(index.lookup("东北亚", 8)), "the commoner form only");
      assertEquals(List.of("东北亚经济合作"), texts(index.lookup("東北亞", 8)));
      assertEquals("沈阳市", texts(index.lookup("瀋陽", 8)).get(0), "typed in traditional characters");
      assertEquals(List.of("国内生产总值增长8%左右"), texts(index.lookup("国内生产总值", 8)), "８％ and 8% are one");
    }
  }

  private static List<String> texts(List<SuggestIndex.Suggestion> suggestions) {
    return suggestions.stream().map(SuggestIndex.Suggestion::text).toList();
  }
}
