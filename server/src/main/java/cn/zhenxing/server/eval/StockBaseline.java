package cn.zhenxing.server.eval;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * What people get from a stock setup: the same paragraphs in one field analysed by SmartChineseAnalyzer,
 * searched with Lucene's classic QueryParser (default OR) — as Elasticsearch's or Solr's default query over
 * a smartcn field would do. Quotes keep their meaning; other query syntax characters are escaped so a
 * question mark or plus sign cannot fail the parse.
 */
final class StockBaseline implements Closeable {

  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();
  private final DirectoryReader reader;

  /** @param paragraphs paragraph id → text */
  StockBaseline(Map<String, String> paragraphs) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (Map.Entry<String, String> p : paragraphs.entrySet()) {
        Document d = new Document();
        d.add(new StringField("id", p.getKey(), Field.Store.YES));
        d.add(new TextField("text", p.getValue(), Field.Store.NO));
        w.addDocument(d);
      }
    }
    reader = DirectoryReader.open(dir);
  }

  List<String> search(String q, int n) throws IOException {
    QueryParser parser = new QueryParser("text", analyzer);
    List<String> ids = new ArrayList<>();
    try {
      IndexSearcher searcher = new IndexSearcher(reader);
      var stored = searcher.storedFields();
      for (ScoreDoc sd : searcher.search(parser.parse(escapeAllButQuotes(q)), n).scoreDocs) {
        ids.add(stored.document(sd.doc).get("id"));
      }
    } catch (ParseException e) {
      return ids;
    }
    return ids;
  }

  /** Escapes the classic syntax characters except double quotes (unbalanced quotes are dropped). */
  static String escapeAllButQuotes(String q) {
    StringBuilder sb = new StringBuilder(q.length() + 8);
    int quotes = 0;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '"') {
        quotes++;
      } else if ("\\+-!():^[]{}~*?|&/".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    String s = sb.toString();
    return quotes % 2 == 1 ? s.replace("\"", "") : s;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
