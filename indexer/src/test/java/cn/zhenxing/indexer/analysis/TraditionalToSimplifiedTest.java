package cn.zhenxing.indexer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class TraditionalToSimplifiedTest {

  @Test
  void converts_with_phrases_before_characters() {
    assertEquals("国务院关于发展经济的报告，台湾，东北振兴，数字沈阳，营商环境",
        TraditionalToSimplified.convert("國務院關於發展經濟的報告，臺灣，東北振興，數字瀋陽，營商環境"));
    assertEquals("乾隆皇帝 乾坤 干干净净 一目了然 头发", TraditionalToSimplified.convert("乾隆皇帝 乾坤 乾乾淨淨 一目瞭然 頭髮"));
    assertEquals("数字沈阳", TraditionalToSimplified.convert("数字沈阳"), "simplified text is unchanged");
  }

  @Test
  void analysis_sees_simplified_words_at_the_traditional_offsets() throws Exception {
    String text = "數字瀋陽建設";
    List<String> out = new ArrayList<>();
    try (TokenStream ts = ChineseAnalyzers.words().tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "=" + text.substring(offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    }
    assertEquals(List.of("数字=數字", "沈阳=瀋陽", "建设=建設"), out);
  }
}
