package cn.zhenxing.server.http;

import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.server.search.SearchRequest;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the query string of {@code GET /api/search} into a {@link SearchRequest}. Every mistake is a 400
 * naming the parameter; unknown parameters are refused too, so a typo such as {@code themes=} is noticed
 * rather than silently ignored (names starting with {@code _} are allowed, for cache busting).
 */
final class SearchParams {

  static final Set<String> KNOWN = Set.of("q", "theme", "page", "size");

  private SearchParams() {}

  static SearchRequest from(Context ctx, Taxonomy taxonomy) {
    Map<String, List<String>> params = ctx.queryParamMap();
    rejectUnknown(params, KNOWN);
    String q = single(params, "q");
    if (q != null && q.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw ApiException.badParameter("q",
          "q is " + q.length() + " characters long; the limit is " + SearchRequest.MAX_QUERY_LENGTH);
    }
    int page = integer(params, "page", 1, 1, SearchRequest.MAX_DEPTH);
    int size = integer(params, "size", SearchRequest.DEFAULT_SIZE, 1, SearchRequest.MAX_SIZE);
    if ((long) page * size > SearchRequest.MAX_DEPTH) {
      throw ApiException.badParameter("page",
          "page × size may not exceed " + SearchRequest.MAX_DEPTH + " (was " + page + " × " + size + ")");
    }
    Set<String> themes = new LinkedHashSet<>();
    for (String theme : params.getOrDefault("theme", List.of())) {
      String t = theme.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (!taxonomy.contains(t)) {
        List<String> known = new ArrayList<>();
        taxonomy.themes().forEach(x -> known.add(x.id()));
        throw ApiException.badParameter("theme", "unknown theme \"" + t + "\"; known themes: " + String.join(", ", known));
      }
      themes.add(t);
    }
    return new SearchRequest(q == null ? "" : q.strip(), List.copyOf(themes), page, size);
  }

  /**
   * Refuses a query string Javalin could not decode. Javalin drops a parameter whose %-escapes are broken
   * ({@code q=%} or {@code q=100%}), so without this {@code /api/search?q=%} would list every paragraph as if
   * nothing had been asked.
   */
  static void rejectUndecodable(String queryString) {
    if (queryString == null || queryString.indexOf('%') < 0) {
      return;
    }
    for (String pair : queryString.split("&")) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name = decodedOrNull(rawName);
      if (name == null) {
        throw ApiException.badParameter(abbreviate(rawName), "the parameter name \"" + abbreviate(rawName) + "\" " + BROKEN_ESCAPE);
      }
      if (eq >= 0 && decodedOrNull(pair.substring(eq + 1)) == null) {
        throw ApiException.badParameter(name, name + " " + BROKEN_ESCAPE);
      }
    }
  }

  private static final String BROKEN_ESCAPE =
      "is not valid URL encoding: each % must be followed by two hexadecimal digits (a literal % is written %25)";

  private static String decodedOrNull(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static void rejectUnknown(Map<String, List<String>> params, Set<String> known) {
    for (String name : params.keySet()) {
      if (!known.contains(name) && !name.startsWith("_")) {
        throw ApiException.badParameter(name,
            "unknown parameter \"" + name + "\"; this endpoint takes: " + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw ApiException.badParameter(name, name + " was given " + values.size() + " times; give it once");
    }
    return values.get(0);
  }

  static int integer(Map<String, List<String>> params, String name, int fallback, int min, int max) {
    String raw = single(params, name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, name + " must be a whole number, was \"" + abbreviate(raw) + "\"");
    }
    if (value < min || value > max) {
      throw ApiException.badParameter(name, name + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
