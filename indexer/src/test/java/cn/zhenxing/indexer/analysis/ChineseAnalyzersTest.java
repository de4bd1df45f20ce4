package cn.zhenxing.indexer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** Pins the tokens our analyzers produce for real policy phrases, gaps included, so changes are deliberate. */
class ChineseAnalyzersTest {

  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void smartcn_segments_policy_phrases_as_measured() throws IOException {
    Analyzer words = ChineseAnalyzers.words();
    assertEquals(List.of("数字", "沈阳"), tokens(words, "数字沈阳"));
    assertEquals(List.of("东北", "振兴"), tokens(words, "东北振兴"));
    assertEquals(List.of("推动", "数字", "沈阳", "建设"), tokens(words, "推动数字沈阳建设"));
    // The known gaps the bigram field exists for:
    assertEquals(List.of("营", "商", "环境"), tokens(words, "营商环境"));
    assertEquals(List.of("十", "四", "五"), tokens(words, "十四五"));
    assertEquals(List.of("沈阳市"), tokens(words, "沈阳市"));
    assertEquals(List.of("辽宁省"), tokens(words, "辽宁省"));
    assertEquals(List.of("自", "贸", "试验区"), tokens(words, "自贸试验区"));
    assertEquals(List.of("5", "g", "网络"), tokens(words, "5G网络"));
  }

  @Test
  void smartcn_drops_punctuation_stems_english_and_folds_full_width() throws IOException {
    Analyzer words = ChineseAnalyzers.words();
    assertEquals(List.of("创新", "沈阳"), tokens(words, "“创新沈阳”。"));
    assertEquals(List.of("iphon"), tokens(words, "iPhone"));
    assertEquals(List.of("ai"), tokens(words, "ＡＩ"));
    assertEquals(tokens(words, "PM2.5浓度"), tokens(words, "ＰＭ２．５浓度"));
  }

  @Test
  void full_width_letters_and_digits_fold_but_sentence_punctuation_stays() {
    assertEquals("RCEP（区域）", ChineseAnalyzers.foldedWidths("ＲＣＥＰ（区域）"));
    assertEquals("PM2.5和R&D，推动2025年", ChineseAnalyzers.foldedWidths("ＰＭ２．５和Ｒ＆Ｄ，推动２０２５年"));
    assertEquals("沈阳，优化营商环境；（一）", ChineseAnalyzers.foldedWidths("沈阳，优化营商环境；（一）"));
    assertEquals("1,000吨", ChineseAnalyzers.foldedWidths("１，０００吨"));
    assertNull(ChineseAnalyzers.foldedWidths("ｶﾞｷﾞ"), "half-width katakana are CJKWidthCharFilter's");
  }

  @Test
  void words_segment_as_stock_smartchinese_does() throws IOException {
    // Our analyzer adds only folding, and sentence punctuation is not folded, so on text without full-width
    // letters or traditional characters it must segment exactly as SmartChineseAnalyzer. Folding the
    // punctuation too made some words split differently (（七）海域使用权； → 使用/权) and segmentation 40% slower.
    Analyzer stock = new SmartChineseAnalyzer();
    int compared = 0;
    try (var files = Files.list(Path.of("..", "seeds"))) {
      for (Path f : files.toList()) {
        for (String line : Files.readAllLines(f)) {
          if (ChineseAnalyzers.foldedWidths(line).equals(line) && TraditionalToSimplified.convert(line).equals(line)) {
            assertEquals(tokens(stock, line), tokens(ChineseAnalyzers.words(), line), line);
            compared++;
          }
        }
      }
    }
    assertTrue(compared >= 3, "seed lines compared: " + compared);
    for (String law : List.of("（七）海域使用权；", "（八）居住权；", "第二十七条 当事人采用书面形式订立居住权合同")) {
      assertEquals(tokens(stock, law), tokens(ChineseAnalyzers.words(), law), law);
    }
    assertEquals(List.of("七", "海域", "使用权"), tokens(ChineseAnalyzers.words(), "（七）海域使用权；"));
  }

  @Test
  void bigram_analyzer_emits_unigrams_and_overlapping_bigrams() throws IOException {
    assertEquals(List.of("沈", "沈阳", "阳", "阳市", "市"), tokens(ChineseAnalyzers.bigrams(), "沈阳市"));
    assertEquals(List.of("营", "营商", "商", "商环", "环", "环境", "境"), tokens(ChineseAnalyzers.bigrams(), "营商环境"));
    assertEquals(List.of("5g", "网", "网络", "络"), tokens(ChineseAnalyzers.bigrams(), "5G网络"));
  }

  @Test
  void query_bigrams_have_no_unigrams_except_a_lone_character() throws IOException {
    assertEquals(List.of("沈阳"), tokens(ChineseAnalyzers.queryBigrams(), "沈阳"));
    assertEquals(List.of("营商", "商环", "环境"), tokens(ChineseAnalyzers.queryBigrams(), "营商环境"));
    assertEquals(List.of("沈"), tokens(ChineseAnalyzers.queryBigrams(), "沈"));
  }

  @Test
  void bigram_offsets_point_at_the_original_characters() throws IOException {
    String text = "推动数字沈阳建设";
    List<String> spans = new ArrayList<>();
    try (TokenStream ts = ChineseAnalyzers.bigrams().tokenStream("text_bigrams", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.length() == 2) {
          spans.add(text.substring(offset.startOffset(), offset.endOffset()));
        }
      }
      ts.end();
    }
    assertEquals(List.of("推动", "动数", "数字", "字沈", "沈阳", "阳建", "建设"), spans);
  }

  @Test
  void foldedOrNull_folds_exactly_as_the_analyzers_normalise() throws Exception {
    Analyzer folding = ChineseAnalyzers.bigrams();
    List<String> texts = new ArrayList<>(List.of("", "推动数字沈阳建设，优化营商环境。", "5G网络 RCEP 2025年",
        "ＡＩ", "ＲＣＥＰ（区域）", "沈陽", "數字", "ｶﾞｷﾞ", "ガ", "Ωmega", "ǅ", "𠀀字", "全角！", "ａ", "·—“”《》（）"));
    // Every line of the seeds, and every character of the basic plane (surrogates aside), one at a time.
    Path seeds = Path.of("..", "seeds");
    try (var files = Files.list(seeds)) {
      for (Path f : files.toList()) {
        texts.addAll(Files.readAllLines(f));
      }
    }
    for (char c = 0x20; c < 0xD800; c++) {
      texts.add("沈阳" + c + "Ａ");
    }
    for (char c = 0xE000; c <= 0xFFEF; c++) {
      texts.add("沈阳" + c);
    }
    int quick = 0;
    for (String text : texts) {
      String folded = ChineseAnalyzers.foldedOrNull(text);
      if (folded != null) {
        quick++;
        assertEquals(folding.normalize("text_bigrams", text).utf8ToString(), folded, text);
      }
    }
    assertTrue(quick > texts.size() * 9 / 10, "quick for " + quick + " of " + texts.size());
    assertEquals("rcep（区域）", ChineseAnalyzers.foldedOrNull("ＲＣＥＰ（区域）"));
    for (String slow : List.of("沈陽", "ｶﾞ", "Ω", "𠀀")) {
      assertNull(ChineseAnalyzers.foldedOrNull(slow), slow);
    }
  }
}
