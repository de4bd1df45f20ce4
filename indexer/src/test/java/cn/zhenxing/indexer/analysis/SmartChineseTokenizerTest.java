package cn.zhenxing.indexer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/** Our SmartChinese tokenizer must give exactly Lucene's tokens: terms, offsets and types, in order. */
class SmartChineseTokenizerTest {

  private final Tokenizer lucene = new HMMChineseTokenizer();
  private final Tokenizer ours = new SmartChineseTokenizer();

  @Test
  void every_line_of_the_seeds_segments_as_lucene_does() throws IOException {
    long chars = 0;
    try (var files = Files.list(Path.of("..", "seeds"))) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        assertSame(text); // whole files: many sentences, buffer refills, offsets far from 0
        for (String line : text.split("\n")) {
          assertSame(line);
          chars += line.length();
        }
      }
    }
    assertTrue(chars > 50_000, "seed characters compared: " + chars);
  }

  @Test
  void edge_cases_segment_as_lucene_does() throws IOException {
    for (String text : List.of(
        "",
        " ",
        "　\t\r\n",
        "。",
        "沈阳",
        "中 国 人民",
        "中　华人　民共和国成立了",
        "5G网络和iPhone、ＡＩ（人工智能）与ＰＭ２．５，R&D投入2025年增长３.５％",
        "ＡＢＣdef１２３ＸＹＺ",
        "𠀀𠀁沈阳\uD840",
        "\uDC00孤立的低代理项",
        "カタカナとひらがな한국어混在",
        "价格为￥100元～200元，“十四五”规划《纲要》",
        "第一条　为了规范海域使用管理，维护国家海域所有权和海域使用权人的合法权益，促进海域的合理开发和可持续利用，制定本法。",
        "沈阳".repeat(700),
        "振兴东北老工业基地".repeat(200) + "。" + "数字沈阳".repeat(300))) {
      assertSame(text);
    }
  }

  @Test
  void random_mixtures_of_every_character_class_segment_as_lucene_does() throws IOException {
    String alphabet = "沈阳市辽宁省振兴东北全面营商环境数字经济创新服务开放发展建设改革中国人民共和国使用权海域"
        + "的了和是在有与及对为" + "，。、；：？！“”《》（）【】—…·" + ",.;:!?()[]-_/\\'\"@#%&*+=<>"
        + "  　\t\n" + "abcXYZ" + "0123456789" + "ＡＢＣａｂｃ" + "０１２３" + "ｶﾞ" + "€©®" + "\uD840\uDC00";
    Random random = new Random(20261127);
    for (int round = 0; round < 3000; round++) {
      int length = random.nextInt(round < 2900 ? 60 : 3000);
      StringBuilder sb = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertSame(sb.toString());
    }
  }

  @Test
  void sentences_of_every_length_around_the_buffer_sizes_segment_as_lucene_does() throws IOException {
    String words = "振兴东北老工业基地，数字沈阳建设与营商环境优化 5G ＡＩ ２０２５年";
    for (int length = 1; length < 1100; length++) {
      StringBuilder sb = new StringBuilder(length);
      while (sb.length() < length) {
        sb.append(words, 0, Math.min(words.length(), length - sb.length()));
      }
      assertSame(sb.toString());
      assertSame(sb.toString().replace('，', '的')); // one sentence of the whole length
    }
  }

  @Test
  void a_reused_tokenizer_starts_fresh() throws IOException {
    assertSame("数字沈阳建设");
    assertSame("");
    assertSame("开放");
  }

  private void assertSame(String text) throws IOException {
    assertEquals(tokens(lucene, text), tokens(ours, text), text.length() > 200 ? text.substring(0, 200) : text);
  }

  static List<String> tokens(Tokenizer tokenizer, String text) throws IOException {
    tokenizer.setReader(new StringReader(text));
    CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
    TypeAttribute type = tokenizer.addAttribute(TypeAttribute.class);
    List<String> out = new ArrayList<>();
    tokenizer.reset();
    while (tokenizer.incrementToken()) {
      out.add(term + "/" + offset.startOffset() + "-" + offset.endOffset() + "/" + type.type());
    }
    tokenizer.end();
    out.add("end " + offset.startOffset() + "-" + offset.endOffset());
    tokenizer.close();
    return out;
  }
}
