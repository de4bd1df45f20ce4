package cn.zhenxing.indexer.paragraph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises what a piece of article text is: a heading, a metadata line, a subtitle, a byline, a photo
 * caption or an ordinary paragraph. The rules follow how Chinese policy documents and news articles are laid
 * out; each one is written as a small predicate so it can be tested on real lines.
 */
final class LineKind {

  /** Longest unnumbered line that may still be a heading. Real headings are 4–30 characters. */
  static final int MAX_PLAIN_HEADING = 40;

  /** Longest numbered line (一、… （一）… 第一章…) that may be a heading on its own. */
  static final int MAX_NUMBERED_HEADING = 60;

  private static final Pattern NUMBERED =
      Pattern.compile(
          "^(第[一二三四五六七八九十百零〇]+(章|节|篇|编|部分)(?=[ 　：:]|$)|[一二三四五六七八九十]+[、．]|（[一二三四五六七八九十]+）|\\([一二三四五六七八九十]+\\))");

  private static final Pattern NUMBER_ONLY =
      Pattern.compile("[一二三四五六七八九十]+[、．]|（[一二三四五六七八九十]+）|\\([一二三四五六七八九十]+\\)");

  private static final Pattern METADATA =
      Pattern.compile("^(数据来源|来源|时间|发布时间|日期|作者|编辑|责任编辑|相关报道|相关链接)\\s*[：:]\\s*(.{0,80})$");

  /** 省长 王新伟, 本报记者 张三 李四: a role and up to three names. */
  private static final Pattern BYLINE = Pattern.compile("^[\\p{IsHan}]{2,14}([ ]+[\\p{IsHan}]{2,4}){1,3}$");

  /** 图为……（记者 王五 摄）: a photo's caption ends with its photographer, in brackets or not. */
  private static final Pattern CAPTION = Pattern.compile("(记者|摄影).{0,20}[ ]摄[）)]?$|[ ]摄[）)]?$");

  /** 2026-04-02 来源：辽宁日报 or 2026年4月2日 10:30 来源：…: a date before a metadata line. */
  private static final Pattern LEADING_DATE = Pattern.compile(
      "^(\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?)\\s+(.+)$");

  private static final String SENTENCE_END = "。！？；!?;";

  /**
   * The licence footer Wikisource puts under every government work report (本作品是中华人民共和国的法律、法规…属于
   * 公有领域。 / 注：中文维基文库社群认为… / Public domain / false): no part of the article.
   */
  private static final Pattern SITE_FOOTER = Pattern.compile(
      "^(本作品(是|在|来自|依据|根据).{0,300}(公有领域|著作权法).*|本模板所指的.*|注：中文维基文库.*|((Public domain|false|true) ?)+)$");

  private LineKind() {}

  /** A metadata line such as 来源：辽宁日报; group 1 is the label, group 2 the value. */
  static Matcher metadata(String line) {
    Matcher m = METADATA.matcher(line);
    return m.matches() ? m : null;
  }

  private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");

  /** "## 第一章 总则" → "第一章 总则": some corpora mark headings the Markdown way. */
  static String withoutMarkdownHeadingMarks(String line) {
    return line.startsWith("#") ? MARKDOWN_HEADING.matcher(line).replaceFirst("") : line;
  }

  /** A first line that can serve as a title: not too long, and not a sentence. */
  static boolean isTitleLike(String line) {
    return line.length() <= 80 && !hasSentenceEnd(line.substring(0, line.length() - 1))
        && SENTENCE_END.indexOf(line.charAt(line.length() - 1)) < 0;
  }

  static boolean isSubtitle(String line) {
    return (line.startsWith("——") || line.startsWith("--")) && line.length() <= 80 && !hasSentenceEnd(line);
  }

  /** A byline; 第一章 总则 has its shape but is a heading. */
  static boolean isByline(String line) {
    return BYLINE.matcher(line).matches() && !isNumbered(line);
  }

  /** A metadata line with a date before it: group 1 the date, group 2 the metadata line; else null. */
  static Matcher datedMetadata(String line) {
    Matcher m = LEADING_DATE.matcher(line);
    return m.matches() && metadata(m.group(2)) != null ? m : null;
  }

  static boolean isSiteFooter(String line) {
    return SITE_FOOTER.matcher(line).matches();
  }

  static boolean isCaption(String line) {
    return line.length() <= 80 && CAPTION.matcher(line).find();
  }

  static boolean isNumbered(String line) {
    return NUMBERED.matcher(line).find();
  }

  /** A list number with nothing after it: （一） 一、 (二) on a line of their own, as some old reports set them. */
  static boolean isNumberOnly(String line) {
    return NUMBER_ONLY.matcher(line).matches();
  }

  /**
   * A heading standing alone: a numbered line that is a single short sentence, or a short line with no
   * sentence punctuation at all (a line ending in a colon introduces what follows and is not a heading).
   */
  static boolean isHeading(String line) {
    if (countHan(line) < 2) {
      return false;
    }
    if (isNumbered(line)) {
      int end = firstSentenceEnd(line);
      return line.length() <= MAX_NUMBERED_HEADING && (end < 0 || end == line.length() - 1);
    }
    if (line.length() > MAX_PLAIN_HEADING || hasSentenceEnd(line)) {
      return false;
    }
    char last = line.charAt(line.length() - 1);
    return "：:，,、".indexOf(last) < 0;
  }

  /**
   * The lead sentence of a numbered paragraph such as （一）加强精神家园建设。坚持…, which acts as the heading of
   * that paragraph and of those after it; null when the line has no such lead.
   */
  static String leadHeading(String line) {
    if (!isNumbered(line)) {
      return null;
    }
    int end = firstSentenceEnd(line);
    if (end <= 0 || end > MAX_PLAIN_HEADING) {
      return null;
    }
    return line.substring(0, end);
  }

  /** Strips the sentence punctuation a heading may end with. */
  static String headingText(String line) {
    int n = line.length();
    while (n > 0 && SENTENCE_END.indexOf(line.charAt(n - 1)) >= 0) {
      n--;
    }
    return line.substring(0, n);
  }

  /** The line ends a sentence (。！？；, also inside closing quotes or brackets: 。” or 。）). */
  static boolean endsSentence(String line) {
    int n = line.length();
    while (n > 0 && "”’」』）)\"".indexOf(line.charAt(n - 1)) >= 0) {
      n--;
    }
    return n > 0 && (SENTENCE_END.indexOf(line.charAt(n - 1)) >= 0 || line.charAt(n - 1) == '…');
  }

  /** More brackets or book-title marks opened than closed: the line stops inside them. */
  static boolean opensBracket(String line) {
    int round = 0;
    int title = 0;
    for (int i = 0; i < line.length(); i++) {
      switch (line.charAt(i)) {
        case '（', '(' -> round++;
        case '）', ')' -> round--;
        case '《' -> title++;
        case '》' -> title--;
        default -> { }
      }
    }
    return round > 0 || title > 0;
  }

  private static boolean hasSentenceEnd(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (SENTENCE_END.indexOf(line.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int firstSentenceEnd(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (SENTENCE_END.indexOf(line.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static int countHan(String line) {
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      if (Character.UnicodeScript.of(line.charAt(i)) == Character.UnicodeScript.HAN) {
        n++;
      }
    }
    return n;
  }
}
