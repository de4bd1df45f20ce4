package cn.zhenxing.server.http;

import cn.zhenxing.indexer.article.StrictText;
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
public final class SearchParams {

  static final Set<String> KNOWN = Set.of("q", "theme", "page", "size");

  private SearchParams() {}

  static SearchRequest from(Context ctx, Taxonomy taxonomy) {
    Map<String, List<String>> params = ctx.queryParamMap();
    rejectUnknown(params, KNOWN);
    String q = single(params, "q");
    // Characters as people count them: an emoji or a rare character (𠀀) is one, not two UTF-16 units.
    int chars = q == null ? 0 : q.codePointCount(0, q.length());
    if (chars > SearchRequest.MAX_QUERY_LENGTH) {
      throw ApiException.badParameter("q",
          "q is " + chars + " characters long; the limit is " + SearchRequest.MAX_QUERY_LENGTH);
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
    int broken = brokenEscapeAt(queryString);
    if (broken < 0) {
      rejectMalformedUtf8(queryString);
      return;
    }
    PairAt pair = PairAt.of(queryString, broken);
    if (pair.inName()) {
      String rawName = abbreviate(pair.rawName());
      throw ApiException.badParameter(rawName, "the parameter name \"" + rawName + "\" " + BROKEN_ESCAPE);
    }
    // The first broken escape is in the value, so the name before it decodes.
    String name = URLDecoder.decode(pair.rawName(), StandardCharsets.UTF_8);
    throw ApiException.badParameter(name, name + " " + BROKEN_ESCAPE);
  }

  /** The name=value pair of a query string that holds the character at {@code at} (counted in the pair). */
  private record PairAt(String pair, int at) {
    static PairAt of(String queryString, int index) {
      int from = queryString.lastIndexOf('&', index) + 1;
      int to = queryString.indexOf('&', index);
      return new PairAt(queryString.substring(from, to < 0 ? queryString.length() : to), index - from);
    }

    boolean inName() {
      int eq = pair.indexOf('=');
      return eq < 0 || at < eq;
    }

    String rawName() {
      int eq = pair.indexOf('=');
      return eq < 0 ? pair : pair.substring(0, eq);
    }
  }

  /**
   * Refuses a parameter whose %-escapes decode to bytes that are not UTF-8 (a character cut short, %E6%B2, or
   * another encoding's bytes, as GBK's): the decoder would turn them into U+FFFD and search for that.
   */
  private static void rejectMalformedUtf8(String queryString) {
    if (queryString == null) {
      return;
    }
    // Raw bytes that are not UTF-8 (?q=\xff\xfe, sent unescaped) reach us already replaced by U+FFFD.
    int replaced = queryString.indexOf('\uFFFD');
    if (replaced >= 0) {
      PairAt pair = PairAt.of(queryString, replaced);
      String name = pair.inName() ? null : abbreviate(URLDecoder.decode(pair.rawName(), StandardCharsets.UTF_8));
      throw ApiException.badParameter(name, (name == null ? "a parameter name" : name)
          + " holds bytes that are not UTF-8; send UTF-8, %-escaped");
    }
    if (queryString.indexOf('%') < 0) {
      return;
    }
    var decoder = StrictText.decoder(StandardCharsets.UTF_8);
    for (String pair : queryString.split("&")) {
      if (pair.indexOf('%') < 0) {
        continue;
      }
      byte[] bytes = new byte[pair.length()];
      int n = 0;
      for (int i = 0; i < pair.length(); i++) {
        char c = pair.charAt(i);
        if (c == '%') {
          bytes[n++] = (byte) Integer.parseInt(pair, i + 1, i + 3, 16);
          i += 2;
        } else {
          bytes[n++] = c < 0x80 ? (byte) c : (byte) '_'; // a raw non-ASCII character is Jetty's to judge
        }
      }
      try {
        decoder.reset().decode(java.nio.ByteBuffer.wrap(bytes, 0, n));
      } catch (java.nio.charset.CharacterCodingException e) {
        String name = abbreviate(URLDecoder.decode(new PairAt(pair, 0).rawName(), StandardCharsets.UTF_8));
        throw ApiException.badParameter(name, name + " is not valid UTF-8 once its %-escapes are decoded (a "
            + "character cut short, as %E6%B2, or text in another encoding, as GBK); send UTF-8");
      }
    }
  }

  private static final String BROKEN_ESCAPE =
      "is not valid URL encoding: each % must be followed by two hexadecimal digits (a literal % is written %25)";

  /**
   * Where the first % is that URLDecoder (Javalin's) refuses, or -1: one scan, so a valid query string, which
   * every Chinese search's is, is not decoded a second time.
   */
  private static int brokenEscapeAt(String s) {
    if (s == null) {
      return -1;
    }
    for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
      if (i + 2 >= s.length() || !isEscape(s.charAt(i + 1), s.charAt(i + 2))) {
        return i;
      }
    }
    return -1;
  }

  /** Whether URLDecoder takes these two characters after a %: it reads them with Integer.parseInt, base 16. */
  private static boolean isEscape(char high, char low) {
    if (Character.digit(high, 16) >= 0 && Character.digit(low, 16) >= 0) {
      return true;
    }
    try {
      return Integer.parseInt(new String(new char[] {high, low}), 16) >= 0; // also "+1" and "-0"
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public static void rejectUnknown(Map<String, List<String>> params, Set<String> known) {
    for (String name : params.keySet()) {
      // "" is what a stray & leaves (?q=x&); _ starts a cache-buster (?_=1712…)
      if (!known.contains(name) && !name.isEmpty() && !name.startsWith("_")) {
        throw ApiException.badParameter(name, "unknown parameter \"" + name + "\"; " + (known.isEmpty()
            ? "this endpoint takes none" : "this endpoint takes: " + String.join(", ", new java.util.TreeSet<>(known))));
      }
    }
  }

  /** The one value of parameter {@code name}, or null; 400 when it is given more than once. */
  public static String single(Map<String, List<String>> params, String name) {
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
      if (raw.strip().matches("[+-]?[0-9]+")) { // a whole number, too large for an int
        throw ApiException.badParameter(name, name + " must be between " + min + " and " + max + ", was "
            + abbreviate(raw.strip()));
      }
      throw ApiException.badParameter(name, name + " must be a whole number, was \"" + abbreviate(raw) + "\"");
    }
    if (value < min || value > max) {
      throw ApiException.badParameter(name, name + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  public static String abbreviate(String s) {
    return s.codePointCount(0, s.length()) <= 40 ? s : s.substring(0, s.offsetByCodePoints(0, 40)) + "…";
  }
}
