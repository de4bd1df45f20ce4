package cn.zhenxing.indexer.article;

import java.util.Objects;

/**
 * One raw article as it comes from an input (a text file, a JSON Lines record, a web page): metadata and the
 * unsplit body text. Fields other than {@code id} and {@code text} may be empty but never null.
 */
public record Article(String id, String title, String date, String source, String url, String text) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    title = Objects.requireNonNullElse(title, "");
    date = Objects.requireNonNullElse(date, "");
    source = Objects.requireNonNullElse(source, "");
    url = Objects.requireNonNullElse(url, "");
  }

  /**
   * Whether {@code url} may be an article's link: an absolute http or https address. Pages link it, so any
   * other scheme ({@code javascript:}, {@code data:}) would let uploaded data run script on the site.
   */
  public static boolean isWebAddress(String url) {
    try {
      java.net.URI uri = new java.net.URI(asciiHost(url));
      String scheme = uri.getScheme();
      return uri.getHost() != null && scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }

  private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#:@]+)");

  /** {@code url} with an internationalised host (例子.中国) in its ASCII form, which java.net.URI can parse. */
  private static String asciiHost(String url) {
    java.util.regex.Matcher m = HOST.matcher(url);
    if (!m.find() || m.group(2).chars().allMatch(c -> c < 128)) {
      return url;
    }
    return m.group(1) + java.net.IDN.toASCII(m.group(2), java.net.IDN.ALLOW_UNASSIGNED) + url.substring(m.end());
  }
}
