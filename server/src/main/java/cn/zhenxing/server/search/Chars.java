package cn.zhenxing.server.search;

/** What kind of characters a query word or term is made of (query building and highlighting agree on it). */
final class Chars {

  private Chars() {}

  /** Non-empty and every character Han. */
  static boolean isHan(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isHan(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Some character Han. */
  static boolean hasHan(String s) {
    return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /** Non-empty and every character an ASCII letter or digit. */
  static boolean isAsciiAlnum(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isAsciiAlnum(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isAsciiAlnum(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }
}
