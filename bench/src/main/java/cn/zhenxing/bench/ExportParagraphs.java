package cn.zhenxing.bench;

import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.index.ParagraphDocuments;
import cn.zhenxing.indexer.index.StoredParagraph;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Writes every paragraph of a built index as JSON Lines ({@code id}, {@code text}, {@code themes}), so a
 * peer engine is loaded with exactly the paragraphs and theme tags ours serves.
 *
 * <pre>java -cp bench/target/zhenxing-bench.jar cn.zhenxing.bench.ExportParagraphs INDEX_DIR OUT.jsonl</pre>
 */
public final class ExportParagraphs {

  private ExportParagraphs() {}

  public static void main(String[] args) throws Exception {
    Path generation = new IndexLayout(Path.of(args[0])).current()
        .orElseThrow(() -> new IllegalArgumentException("no index in " + args[0]));
    ObjectMapper json = new ObjectMapper();
    long n = 0;
    try (FSDirectory dir = FSDirectory.open(generation);
        DirectoryReader reader = DirectoryReader.open(dir);
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(args[1])),
            StandardCharsets.UTF_8), 1 << 20)) {
      Bits live = MultiBits.getLiveDocs(reader);
      var stored = reader.storedFields();
      for (int d = 0; d < reader.maxDoc(); d++) {
        if (live != null && !live.get(d)) {
          continue;
        }
        StoredParagraph p = ParagraphDocuments.fromDocument(stored.document(d));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("text", p.text());
        m.put("themes", p.themes());
        w.write(json.writeValueAsString(m));
        w.write('\n');
        n++;
      }
    }
    System.out.printf("exported %,d paragraphs%n", n);
  }
}
