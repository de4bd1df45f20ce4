package cn.zhenxing.indexer.article;

import java.util.Optional;

/**
 * The rules for article ids. Ids appear in URLs ({@code /api/articles/{id}}) and in paragraph ids
 * ({@code articleId#12}), so characters that would break either are refused.
 */
public final class ArticleIds {

  public static final int MAX_LENGTH = 200;

  private ArticleIds() {}

  /** Empty when {@code id} is usable, otherwise why it is not. */
  public static Optional<String> problem(String id) {
    if (id == null || id.isBlank()) {
      return Optional.of("missing id");
    }
    if (id.equals(".") || id.equals("..")) {
      return Optional.of("id \"" + id + "\" is not allowed (browsers resolve it as a relative path)");
    }
    if (id.length() > MAX_LENGTH) {
      return Optional.of("id longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return Optional.of("id contains white space or a control character");
      }
      // Invisible: a zero-width space, a direction mark, a variation selector or a filler would make an id that
      // looks like another one.
      int cp = id.codePointAt(i);
      if (invisible(cp)) {
        return Optional.of(String.format("id contains the invisible character U+%04X", cp));
      }
      // A lone surrogate (\\ud800 in JSON) would be written as U+FFFD, and different ones would become one id.
      boolean unpaired = Character.isHighSurrogate(c) ? i + 1 >= id.length() || !Character.isLowSurrogate(id.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(id.charAt(i - 1)));
      if (unpaired || c == '\uFFFD') {
        return Optional.of("id contains an unpaired surrogate or U+FFFD, which are not text");
      }
      if (c == '#' || c == '/' || c == '?' || c == '\\' || c == '%') {
        return Optional.of("id contains '" + c + "' (not allowed: # / ? \\ %)");
      }
    }
    return Optional.empty();
  }

  /** Characters drawn as nothing. */
  static boolean invisible(int cp) {
    return Character.getType(cp) == Character.FORMAT || TextCleaner.isVariationSelector(cp)
        || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
  }

  /** An id derived from a file name: the name without its extension. */
  public static String fromFileName(String fileName) {
    String name = fileName;
    for (String ext : new String[] {".jsonl.gz", ".txt", ".html", ".htm", ".jsonl"}) {
      if (name.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
        name = name.substring(0, name.length() - ext.length());
        break;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(Character.isWhitespace(c) || Character.isSpaceChar(c) || invisible(c)
          || "#/?\\%".indexOf(c) >= 0 ? '-' : c);
    }
    return out.toString();
  }
}
