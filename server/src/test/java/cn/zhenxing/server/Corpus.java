package cn.zhenxing.server;

import cn.zhenxing.indexer.article.ArticleInput;
import cn.zhenxing.indexer.article.FileArticleSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real articles for admin tests: the seeds as JSON Lines, optionally copied under new ids to make bulk. */
final class Corpus {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Corpus() {}

  static List<Map<String, String>> seedArticles() {
    List<Map<String, String>> out = new ArrayList<>();
    try {
      FileArticleSource.of(List.of(TestServer.seeds().toString())).read(in -> {
        var a = ((ArticleInput.Ok) in).article();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("date", a.date());
        m.put("source", a.source());
        m.put("text", a.text());
        out.add(m);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The seed articles {@code copies} times, each copy under ids suffixed {@code -copyN}. */
  static String seedsAsJsonLines(int copies) {
    StringBuilder sb = new StringBuilder();
    List<Map<String, String>> seeds = seedArticles();
    for (int c = 0; c < copies; c++) {
      for (Map<String, String> a : seeds) {
        Map<String, String> copy = new LinkedHashMap<>(a);
        copy.put("id", a.get("id") + (c == 0 ? "" : "-copy" + c));
        sb.append(json(copy)).append('\n');
      }
    }
    return sb.toString();
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
