package cn.zhenxing.bench.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * Makes a small paragraphs file for trying the benchmark: splits the "text" of corpus documents
 * (JSONL, optionally .gz) on newlines; ids "articleId#n"; 0–2 random themes from
 * innovation/digital/services/openness (seeded, reproducible). When the inputs run out before
 * {@code count} lines, they are read again and numbering continues (ids stay unique).
 *
 * <pre>
 * java -cp zhenxing-bench-solr.jar cn.zhenxing.bench.solr.MakeSample OUT.jsonl COUNT IN.jsonl[.gz]...
 * </pre>
 */
public final class MakeSample {
  private static final String[] THEMES = {"innovation", "digital", "services", "openness"};

  private MakeSample() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: MakeSample OUT.jsonl COUNT IN.jsonl[.gz]...");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    long count = Long.parseLong(args[1]);
    List<Path> inputs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      inputs.add(Path.of(args[i]));
    }
    ObjectMapper json = new ObjectMapper();
    Random rnd = new Random(20261126L);
    Map<String, Integer> next = new HashMap<>();
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      while (written < count) {
        long before = written;
        for (Path in : inputs) {
          try (BufferedReader r = open(in)) {
            String line;
            while (written < count && (line = r.readLine()) != null) {
              if (line.isBlank()) {
                continue;
              }
              JsonNode doc = json.readTree(line);
              String id = doc.path("id").asText();
              for (String para : doc.path("text").asText("").split("\n")) {
                if (written >= count) {
                  break;
                }
                para = para.strip();
                if (para.isEmpty()) {
                  continue;
                }
                int n = next.merge(id, 1, Integer::sum);
                ObjectNode o = json.createObjectNode();
                o.put("id", id + "#" + n);
                o.put("text", para);
                var themes = o.putArray("themes");
                int k = rnd.nextInt(3);
                int first = rnd.nextInt(THEMES.length);
                for (int j = 0; j < k; j++) {
                  themes.add(THEMES[(first + j) % THEMES.length]);
                }
                w.write(json.writeValueAsString(o));
                w.write('\n');
                written++;
              }
            }
          }
        }
        if (written == before) {
          throw new IOException("inputs contain no paragraphs");
        }
      }
    }
    System.err.printf("wrote %,d paragraphs to %s%n", written, out);
  }

  private static BufferedReader open(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    if (p.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 20);
  }
}
