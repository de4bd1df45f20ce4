package cn.zhenxing.indexer.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestIndexTest {

  @Test
  void what_is_typed_completes_phrases_where_it_stands_as_words_do(@TempDir Path gen) throws Exception {
    SuggestIndex.build(gen, Map.of("国营商业", 50L, "营商环境", 10L, "持续优化营商环境", 5L, "优化营商环境行动", 2L,
        "对外开放", 221L, "人工智能", 119L, "开放枢纽", 7L, "开放型经济", 31L, "教育家", 8L, "义务教育", 147L), Map.of());
    try (SuggestIndex index = SuggestIndex.open(gen)) {
      // 国营商业 contains 营商 only across its words 国营/商业: the heaviest phrase, yet no completion of it.
      assertEquals(List.of("营商环境", "持续优化营商环境", "优化营商环境行动"),
          index.lookup("营商", 8).stream().map(SuggestIndex.Suggestion::text).toList());
      assertEquals(List.of("国营商业"), index.lookup("国营", 8).stream().map(SuggestIndex.Suggestion::text).toList());
      // Inside one word (SmartChinese keeps 对外开放 and 人工智能 whole) it completes it.
      // Completions come first unless a phrase holding the words further in is far more used (4×).
      assertEquals(List.of("对外开放", "开放型经济", "开放枢纽"),
          index.lookup("开放", 8).stream().map(SuggestIndex.Suggestion::text).toList());
      assertEquals(List.of("义务教育", "教育家"), index.lookup("教育", 8).stream().map(SuggestIndex.Suggestion::text).toList());
      assertEquals(List.of("人工智能"), index.lookup("智能", 8).stream().map(SuggestIndex.Suggestion::text).toList());
    }
  }
}
