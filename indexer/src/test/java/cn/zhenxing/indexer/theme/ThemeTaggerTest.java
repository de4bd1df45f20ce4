package cn.zhenxing.indexer.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTaggerTest {

  private final ThemeTagger tagger = new ThemeTagger(Taxonomy.defaults());

  @Test
  void digital_shenyang_paragraph_is_digital_with_its_evidence() {
    ThemeTags tags = tagger.tag("推动数字沈阳建设。沈阳市促进数字产业化和产业数字化，加快数字经济发展，全面推进工业互联网普及应用。");
    assertEquals(List.of("digital"), tags.themes());
    assertEquals(List.of("数字沈阳", "数字产业化", "产业数字化", "数字经济", "工业互联网"), tags.evidence().get("digital"));
  }

  @Test
  void traditional_text_is_tagged_and_the_evidence_keeps_its_spelling() {
    ThemeTags tags = tagger.tag("推動數字瀋陽建設，加快數字經濟發展。");
    assertEquals(List.of("digital"), tags.themes());
    assertEquals(List.of("數字瀋陽", "數字經濟"), tags.evidence().get("digital"));
  }

  @Test
  void a_word_inside_a_longer_matched_term_is_not_counted_twice() {
    // 创新 (weight 1) inside 科技创新 (2) adds nothing: 2 < threshold 3.
    assertEquals(List.of(), tagger.tag("推进科技创新。").themes());
  }

  @Test
  void a_word_counts_where_it_also_stands_outside_the_longer_term() {
    // 创新 inside 科技创新 adds nothing, but the later 创新 of its own does: 2 + 1 reaches the threshold 3.
    ThemeTags tags = tagger.tag("推进科技创新，鼓励创新。");
    assertEquals(List.of("innovation"), tags.themes());
    assertEquals(List.of("科技创新", "创新"), tags.evidence().get("innovation"));
  }

  @Test
  void terms_sharing_their_first_characters_and_themes_sharing_a_term_are_all_found() {
    Taxonomy t = new Taxonomy(List.of(
        new Theme("a", "A", "A", 2, Map.of("数字", 1.0, "数据", 1.0)),
        new Theme("b", "B", "B", 1, Map.of("数据", 1.0))));
    ThemeTags tags = new ThemeTagger(t).tag("数据和数字");
    assertEquals(List.of("a", "b"), tags.themes());
    assertEquals(List.of("数据", "数字"), tags.evidence().get("a"));
  }

  @Test
  void weight_zero_terms_block_misleading_uses() {
    assertEquals(List.of(), tagger.tag("以制度创新为牵引，坚持改革创新，提升创新力。").themes());
    assertEquals(List.of(), tagger.tag("防范化解金融风险，服务国家大局。").themes());
  }

  @Test
  void latin_terms_match_whole_words_only() {
    Taxonomy t = new Taxonomy(List.of(new Theme("x", "X", "X", 2, Map.of("AI", 2.0))));
    assertEquals(List.of("x"), new ThemeTagger(t).tag("发展AI产业").themes());
    assertEquals(List.of(), new ThemeTagger(t).tag("email details").themes());
  }

  @Test
  void taxonomy_file_errors_name_the_file_and_the_problem(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("themes.json");
    Files.writeString(bad, "{\"themes\":[{\"id\":\"Bad Id\",\"terms\":{\"a\":1}}]}", StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Taxonomy.load(bad));
    assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("id must match"), e.getMessage());
    Files.writeString(bad, "{\"themes\":[{\"id\":\"a\",\"terms\":{\"x\":-1}}]}", StandardCharsets.UTF_8);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Taxonomy.load(bad)).getMessage().contains("weight"));
    Files.writeString(bad, "not json", StandardCharsets.UTF_8);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Taxonomy.load(bad)).getMessage().contains("not valid JSON"));
  }

  @Test
  void default_taxonomy_has_the_four_themes_with_chinese_labels() {
    assertEquals(List.of("innovation", "digital", "services", "openness"),
        Taxonomy.defaults().themes().stream().map(Theme::id).toList());
    assertEquals(List.of("创新沈阳", "数字沈阳", "服务", "开放合作"),
        Taxonomy.defaults().themes().stream().map(Theme::label).toList());
  }
}
