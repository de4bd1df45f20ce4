package cn.zhenxing.bench;

import cn.zhenxing.indexer.analysis.SmartChineseTokenizer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Checks that our SmartChinese tokenizer gives Lucene's tokens (term and offsets) on every paragraph of the
 * corpus, and times both on one thread over the same paragraphs, alternating rounds.
 *
 * <pre>java -cp bench/target/zhenxing-bench.jar cn.zhenxing.bench.TokenizerAgreement bench/data/corpus.jsonl [rounds] [max chars]</pre>
 */
public final class TokenizerAgreement {

  private TokenizerAgreement() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long maxChars = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
    List<String> texts = AnalysisRate.sample(Path.of(args[0]), maxChars);
    Tokenizer lucene = new HMMChineseTokenizer();
    Tokenizer ours = new SmartChineseTokenizer();
    long chars = 0;
    long tokens = 0;
    int differing = 0;
    for (String text : texts) {
      List<String> expected = tokens(lucene, text);
      List<String> actual = tokens(ours, text);
      chars += text.length();
      tokens += expected.size();
      if (!expected.equals(actual)) {
        if (differing++ < 5) {
          System.out.println("DIFFERENT: " + text + "\n  lucene " + expected + "\n  ours   " + actual);
        }
      }
    }
    System.out.printf(Locale.ROOT, "{\"paragraphs\": %d, \"characters\": %d, \"tokens\": %d, \"differing\": %d}%n",
        texts.size(), chars, tokens, differing);
    for (int r = 0; r < rounds; r++) {
      double luceneRate = rate(lucene, texts, chars);
      double ourRate = rate(ours, texts, chars);
      System.out.printf(Locale.ROOT,
          "{\"round\": %d, \"luceneCharsPerSecond\": %.0f, \"oursCharsPerSecond\": %.0f, \"ratio\": %.2f}%n",
          r + 1, luceneRate, ourRate, ourRate / luceneRate);
    }
  }

  private static double rate(Tokenizer tokenizer, List<String> texts, long chars) throws IOException {
    CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    long start = System.nanoTime();
    for (String text : texts) {
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        term.length();
      }
      tokenizer.end();
      tokenizer.close();
    }
    return chars / ((System.nanoTime() - start) / 1e9);
  }

  private static List<String> tokens(Tokenizer tokenizer, String text) throws IOException {
    CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
    List<String> out = new java.util.ArrayList<>();
    tokenizer.setReader(new StringReader(text));
    tokenizer.reset();
    while (tokenizer.incrementToken()) {
      out.add(term + "/" + offset.startOffset() + "-" + offset.endOffset());
    }
    tokenizer.end();
    tokenizer.close();
    return out;
  }
}
