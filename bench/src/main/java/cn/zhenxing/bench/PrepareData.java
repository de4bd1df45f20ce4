package cn.zhenxing.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Builds the benchmark corpus: all three files of the shared corpus (laws, national and provincial work
 * reports), written {@code copies} times under new article ids ({@code id~c2}, {@code id~c3}) to reach at
 * least a million paragraphs. Each copy is identical text, so the figures are about scale, not variety.
 *
 * <pre>java -cp bench/target/zhenxing-bench.jar cn.zhenxing.bench.PrepareData ../shared/corpus 3 bench/data/corpus.jsonl</pre>
 */
public final class PrepareData {

  static final List<String> FILES =
      List.of("laws.jsonl.gz", "national-work-reports.jsonl", "provincial-work-reports-2026.jsonl");

  private PrepareData() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: PrepareData CORPUS_DIR COPIES OUT.jsonl");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    int copies = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    ObjectMapper json = new ObjectMapper();
    long articles = 0;
    long pieces = 0;
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
      for (int c = 1; c <= copies; c++) {
        for (String name : FILES) {
          try (BufferedReader r = reader(corpus.resolve(name))) {
            String line;
            while ((line = r.readLine()) != null) {
              if (line.isBlank()) {
                continue;
              }
              ObjectNode node = (ObjectNode) json.readTree(line);
              if (c > 1) {
                node.put("id", node.get("id").asText() + "~c" + c);
              }
              w.write(json.writeValueAsString(node));
              w.write('\n');
              articles++;
              pieces += node.get("text").asText().lines().filter(l -> !l.isBlank()).count();
            }
          }
        }
      }
    }
    System.out.printf("wrote %,d articles (%,d non-empty lines) to %s%n", articles, pieces, out);
  }

  private static BufferedReader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 20);
  }
}
