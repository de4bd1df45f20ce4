package cn.zhenxing.server.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relevance evaluation set: queries of several kinds, each with paragraphs graded by reading (3 highly
 * relevant, 2 relevant, 1 marginal; unlisted paragraphs are not relevant). One JSON object per line.
 */
public final class Judgments {

  /** One judged query. */
  public record Query(String id, String kind, String query, String intent, Map<String, Integer> relevant) {}

  private Judgments() {}

  public static List<Query> load(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Query> out = new ArrayList<>();
    int line = 0;
    for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(text);
      Map<String, Integer> relevant = new LinkedHashMap<>();
      n.get("relevant").fields().forEachRemaining(e -> relevant.put(e.getKey(), e.getValue().asInt()));
      if (relevant.isEmpty()) {
        throw new IllegalArgumentException(file + ":" + line + ": query has no relevant paragraphs");
      }
      out.add(new Query(n.get("id").asText(), n.get("kind").asText(), n.get("query").asText(),
          n.path("intent").asText(""), Collections.unmodifiableMap(relevant)));
    }
    return out;
  }
}
