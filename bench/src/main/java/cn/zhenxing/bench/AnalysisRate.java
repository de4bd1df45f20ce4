package cn.zhenxing.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The indexing ceiling: how many characters per second stock SmartChineseAnalyzer analyses on one thread,
 * over the paragraphs of the benchmark corpus. Indexing can at best reach this rate times the cores.
 *
 * <pre>java -cp bench/target/zhenxing-bench.jar cn.zhenxing.bench.AnalysisRate bench/data/corpus.jsonl [seconds]</pre>
 */
public final class AnalysisRate {

  private AnalysisRate() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    boolean ours = args.length > 3 && args[3].equals("ours");
    List<String> texts = sample(file, 40_000_000);
    Analyzer analyzer = ours ? cn.zhenxing.indexer.analysis.ChineseAnalyzers.words() : new SmartChineseAnalyzer();
    analyze(analyzer, texts, 3); // warm up
    java.util.concurrent.atomic.AtomicLong chars = new java.util.concurrent.atomic.AtomicLong();
    long start = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * texts.size() / threads;
      Thread w = new Thread(() -> {
        int i = offset;
        long local = 0;
        try {
          while (System.nanoTime() - start < seconds * 1e9) {
            String text = texts.get(i++ % texts.size());
            consume(analyzer, text);
            local += text.length();
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        chars.addAndGet(local);
      });
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    double rate = chars.get() / ((System.nanoTime() - start) / 1e9);
    System.out.printf(Locale.ROOT, "{\"analyzer\": \"%s\", \"threads\": %d, \"charsPerSecond\": %.0f}%n",
        ours ? "zhenxing-words" : "SmartChineseAnalyzer", threads, rate);
  }

  /** Paragraph-sized pieces of the corpus's text, up to {@code maxChars} in all. */
  static List<String> sample(Path file, long maxChars) throws IOException {
    List<String> out = new ArrayList<>();
    long total = 0;
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null && total < maxChars) {
        for (String p : json.readTree(line).get("text").asText().split("\n")) {
          if (!p.isBlank()) {
            out.add(p.strip());
            total += p.length();
          }
        }
      }
    }
    return out;
  }

  private static void analyze(Analyzer a, List<String> texts, int rounds) throws IOException {
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < Math.min(texts.size(), 20_000); i++) {
        consume(a, texts.get(i));
      }
    }
  }

  static void consume(Analyzer a, String text) throws IOException {
    try (TokenStream ts = a.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        term.length();
      }
      ts.end();
    }
  }
}
