package cn.zhenxing.indexer.theme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The theme taxonomy, loaded from a JSON data file so admins can change it and reindex without touching code.
 * The file holds {@code themes}: objects with {@code id}, {@code label}, {@code labelEn}, {@code threshold}
 * and {@code terms} (term → weight). A default ships inside the indexer jar.
 */
public final class Taxonomy {

  private static final String DEFAULT_RESOURCE = "/cn/zhenxing/indexer/themes.json";
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  private final List<Theme> themes;
  private final Map<String, Theme> byId;

  public Taxonomy(List<Theme> themes) {
    this.themes = List.copyOf(themes);
    Map<String, Theme> map = new LinkedHashMap<>();
    for (Theme t : themes) {
      map.put(t.id(), t);
    }
    this.byId = map;
  }

  /** The taxonomy shipped with the indexer. */
  public static Taxonomy defaults() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(in.readAllBytes(), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a taxonomy file; a malformed file fails with a message naming the file and the problem. */
  public static Taxonomy load(Path file) {
    try {
      return parse(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read taxonomy " + file + ": " + e.getMessage(), e);
    }
  }

  static Taxonomy parse(byte[] json, String name) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("taxonomy " + name + " is not valid JSON: " + e.getMessage(), e);
    }
    JsonNode list = root == null ? null : root.get("themes");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("taxonomy " + name + " has no \"themes\" list");
    }
    List<Theme> themes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode t : list) {
      String id = t.path("id").asText("");
      String where = "taxonomy " + name + ", theme \"" + id + "\"";
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(where + ": id must match " + ID.pattern());
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(where + ": duplicate id");
      }
      JsonNode terms = t.get("terms");
      if (terms == null || !terms.isObject() || terms.isEmpty()) {
        throw new IllegalArgumentException(where + ": \"terms\" must be a non-empty object of term → weight");
      }
      Map<String, Double> weights = new LinkedHashMap<>();
      for (var it = terms.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!e.getValue().isNumber() || e.getValue().asDouble() < 0 || e.getKey().isBlank()) {
          throw new IllegalArgumentException(where + ": term \"" + e.getKey() + "\" needs a weight of 0 or more");
        }
        weights.put(e.getKey().strip(), e.getValue().asDouble());
      }
      double threshold = t.path("threshold").asDouble(2.0);
      if (threshold <= 0) {
        throw new IllegalArgumentException(where + ": threshold must be positive");
      }
      themes.add(
          new Theme(id, t.path("label").asText(id), t.path("labelEn").asText(id), threshold, weights));
    }
    return new Taxonomy(themes);
  }

  public List<Theme> themes() {
    return themes;
  }

  public Optional<Theme> theme(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }
}
