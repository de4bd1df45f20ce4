package cn.zhenxing.indexer.article;

/**
 * Normalises raw text from any input before it is split: drops a byte-order mark, turns {@code \r\n} and
 * {@code \r} into {@code \n}, turns tabs and other odd spaces into plain spaces, and removes control and
 * zero-width characters and direction marks that would otherwise end up in the index and in HTML (a line of
 * nothing else disappears with its line break).
 */
public final class TextCleaner {

  private TextCleaner() {}

  public static String clean(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length());
    int lineStart = 0;
    boolean droppedOnLine = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '\uFEFF', '\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\u200E', '\u200F', '\u061C',
            '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069' -> {
          // BOM, zero-width characters and direction marks: invisible, but they split words in the index (and
          // in a query pasted from a web page).
          droppedOnLine = true;
        }
        case '\r', '\n', '\u2028', '\u2029', '\u0085' -> {
          if (c == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
            i++;
          }
          // A line of nothing but invisible characters is no line, and above all no blank line between
          // paragraphs: Wikisource cuts words that way (改 / U+200B / 革).
          if (!(droppedOnLine && out.length() == lineStart)) {
            out.append('\n');
          }
          lineStart = out.length();
          droppedOnLine = false;
        }
        case '\u3000' -> out.append(c);
        case '\t', '\u00A0', '\u2002', '\u2003', '\u2009', '\u202F', '\u205F', '\u000B', '\u000C' ->
            out.append(' ');
        default -> {
          if (!Character.isISOControl(c) && Character.getType(c) != Character.SURROGATE
              || Character.isSurrogate(c) && isPairedSurrogate(raw, i)) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Collapses runs of white space (half and full width) to one space and trims both ends. */
  public static String squeeze(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0') {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** True when {@code s} holds a control character other than tab and newline. */
  /** U+FE00–FE0F and the supplement (U+E0100…): they only choose how the character before is drawn. */
  public static boolean isVariationSelector(int c) {
    return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
  }

  public static boolean hasControlCharacters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
        return true;
      }
    }
    return false;
  }

  private static boolean isPairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
