package cn.zhenxing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the query mix ({@code bench/query-mix.jsonl}: q and themes) into request paths for wrk and into
 * search requests for the in-process runner, so both send exactly the same searches.
 */
public final class QueryPaths {

  /** One search of the mix. */
  public record Search(String q, List<String> themes) {
    public String path() {
      StringBuilder sb = new StringBuilder("/api/search?q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
      for (String t : themes) {
        sb.append("&theme=").append(t);
      }
      return sb.append("&size=10").toString();
    }
  }

  private QueryPaths() {}

  public static List<Search> load(Path mix) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Search> out = new ArrayList<>();
    for (String line : Files.readAllLines(mix, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      List<String> themes = new ArrayList<>();
      n.path("themes").forEach(t -> themes.add(t.asText()));
      out.add(new Search(n.get("q").asText(), List.copyOf(themes)));
    }
    return out;
  }

  /** {@code java … QueryPaths bench/query-mix.jsonl OUT.txt}: writes one URL path per line for wrk. */
  public static void main(String[] args) throws Exception {
    List<String> paths = new ArrayList<>();
    for (Search s : load(Path.of(args[0]))) {
      paths.add(s.path());
    }
    Files.write(Path.of(args[1]), paths, StandardCharsets.UTF_8);
    System.out.println("wrote " + paths.size() + " paths");
  }
}
