package cn.zhenxing.server.search;

import cn.zhenxing.indexer.analysis.ChineseAnalyzers;
import cn.zhenxing.indexer.article.TextCleaner;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses search-box text into a {@link UserQuery}. Quotes may be ASCII ("…") or Chinese (“…” ＂…＂); a minus
 * (- or －) at the start of a word or quote excludes it, as does NOT before it, written apart in capitals as
 * other engines take it (营商环境 NOT 沈阳 had searched for the word NOT, found nothing, and proposed 营商环境 沈阳);
 * AND between words is dropped, every word being required anyway. An unbalanced quote is taken as plain text,
 * control characters and emoji as spaces: nothing a person can type is an error here.
 */
public final class UserQueryParser {

  private UserQueryParser() {}

  public static UserQuery parse(String raw) {
    String input = raw == null ? "" : sanitize(raw);
    List<String> text = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    int i = 0;
    int n = input.length();
    boolean not = false;
    while (i < n) {
      char c = input.charAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      boolean negate = not;
      not = false;
      if ((c == '-' || c == '－') && i + 1 < n && !isSpace(input.charAt(i + 1))) {
        negate = true;
        i++;
        c = input.charAt(i);
      }
      char close = closingQuote(c);
      if (close != 0) {
        int end = input.indexOf(close, i + 1);
        if (end > i) {
          String phrase = input.substring(i + 1, end).strip();
          if (!phrase.isEmpty()) {
            (negate ? excluded : phrases).add(phrase);
          }
          i = end + 1;
          continue;
        }
        i++; // unbalanced quote: drop it and read on as text
        if (i >= n || isSpace(input.charAt(i))) {
          continue;
        }
      }
      int start = i;
      while (i < n && !isSpace(input.charAt(i)) && closingQuote(input.charAt(i)) == 0) {
        i++;
      }
      String word = input.substring(start, i);
      boolean more = !input.substring(i).isBlank();
      if (!negate && more && word.equals("NOT")) {
        not = true;
      } else if (!negate && (word.equals("AND") || word.equals("NOT")) && !onlyOperators(input)) {
        continue; // AND anywhere, and a NOT with nothing after it, join or exclude nothing
      } else if (!word.isEmpty()) {
        (negate ? excluded : text).add(word);
      }
    }
    if (text.isEmpty() && phrases.isEmpty() && excluded.isEmpty() && raw != null && !raw.isBlank()) {
      // Only quote marks ("", “”) or characters that are no text (a NUL, a zero-width space): something was
      // typed, so this is a search for it (and finds nothing), not an empty box that lists every paragraph.
      text.add(input.strip());
    }
    return new UserQuery(raw == null ? "" : raw, text, phrases, excluded);
  }

  /** Typed only AND and NOT: searched for as words, rather than read as operators on nothing. */
  private static boolean onlyOperators(String input) {
    for (String w : input.strip().split("[\\s\u3000\u00A0]+")) {
      if (!w.equals("AND") && !w.equals("NOT")) {
        return false;
      }
    }
    return true;
  }

  private static char closingQuote(char c) {
    return switch (c) {
      case '"' -> '"';
      case '“' -> '”';
      case '＂' -> '＂';
      case '「' -> '」';
      default -> 0;
    };
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
  }

  /**
   * The typed text as the index saw its paragraphs: invisible characters that come along with pasted text
   * (zero-width spaces, direction marks) dropped as the indexer drops them, control characters as spaces, and
   * full-width letters and digits folded (ＰＭ２．５ → PM2.5) before words and Latin runs are told apart.
   */
  public static String sanitize(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    raw.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || isSymbol(c)) {
        sb.append(' ');
      } else if (!TextCleaner.isVariationSelector(c)) {
        sb.appendCodePoint(c);
      }
    });
    return ChineseAnalyzers.foldedLettersAndDigits(TextCleaner.clean(sb.toString()));
  }

  /**
   * Emoji and other pictographs (😀 ⭐ ™): no word of policy text, so they separate words as punctuation does.
   * Required as words, one had left 沈阳😀 with nothing found.
   */
  private static boolean isSymbol(int c) {
    int type = Character.getType(c);
    return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL;
  }
}
