package cn.zhenxing.indexer.paragraph;

import cn.zhenxing.indexer.article.Article;
import cn.zhenxing.indexer.article.TextCleaner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an {@link Article} into a {@link ParsedArticle}: splits the text into pieces on newlines, blank lines
 * and the full-width double space 　　, then decides what each piece is. An article without a title takes its
 * first piece as the title when that piece reads like one. The title, headings and metadata lines
 * are not paragraphs: headings become the {@code section} of the paragraphs under them and metadata goes into
 * article fields. This is the only class that knows how articles are laid out.
 */
public final class ParagraphSplitter {

  /** Characters from which a paragraph written again in the same article is left out as a repeat. */
  static final int MIN_REPEATED = 20;

  /** Splits {@code article}; the result has no paragraphs when the text held only headings or metadata. */
  public ParsedArticle split(Article article) {
    List<String> pieces = pieces(article.text());
    String title = article.title();
    int start = 0;
    if (title.isEmpty() && !pieces.isEmpty() && LineKind.isTitleLike(pieces.get(0))) {
      title = pieces.get(0);
      start = 1;
    } else if (!pieces.isEmpty() && sameText(pieces.get(0), title)) {
      start = 1;
    }

    Map<String, String> metadata = new LinkedHashMap<>();
    List<String> related = new ArrayList<>();
    List<Paragraph> paragraphs = new ArrayList<>();
    java.util.Set<String> written = new java.util.HashSet<>();
    List<String> pendingHeadings = new ArrayList<>();
    String subtitle = "";
    String section = "";
    boolean inRelated = false;

    for (int i = start; i < pieces.size(); i++) {
      String piece = pieces.get(i);
      boolean frontMatter = paragraphs.isEmpty() && pendingHeadings.isEmpty();
      if (inRelated) {
        related.add(piece);
        continue;
      }
      // A number on a line of its own begins the line after it (the 1986 report sets （一） that way): with a
      // title it is a heading (一、 / 总体要求), with sentences a list item, a paragraph of its section however short.
      boolean listItem = false;
      if (LineKind.isNumberOnly(piece) && i + 1 < pieces.size() && !LineKind.isNumbered(pieces.get(i + 1))) {
        String next = pieces.get(++i);
        listItem = !LineKind.isTitleLike(next);
        piece = piece + next;
      }
      Matcher dated = LineKind.datedMetadata(piece);
      if (dated != null) {
        metadata.putIfAbsent("时间", dated.group(1));
        piece = dated.group(2);
      }
      Matcher meta = LineKind.metadata(piece);
      if (meta != null) {
        String label = meta.group(1);
        if (label.startsWith("相关")) {
          inRelated = true;
          if (!meta.group(2).isBlank()) {
            related.add(meta.group(2).trim());
          }
        } else {
          metadata.putIfAbsent(label, meta.group(2).trim());
        }
        continue;
      }
      if (frontMatter && subtitle.isEmpty() && LineKind.isSubtitle(piece)) {
        subtitle = piece.replaceFirst("^(——|--)\\s*", "");
        continue;
      }
      if (LineKind.isCaption(piece) || LineKind.isSiteFooter(piece)) {
        continue;
      }
      if (frontMatter && LineKind.isByline(piece)) {
        metadata.putIfAbsent("署名", piece);
        continue;
      }
      if (!listItem && LineKind.isHeading(piece)) {
        section = LineKind.headingText(piece);
        pendingHeadings.add(section);
        continue;
      }
      String lead = listItem ? null : LineKind.leadHeading(piece);
      if (lead != null) {
        section = lead;
      }
      // A source that repeats a block word for word (the 1991 report holds 54 paragraphs twice) would list each
      // twice among the results; a short line (同志们：) may well recur.
      if (piece.length() >= MIN_REPEATED && !written.add(piece)) {
        continue;
      }
      paragraphs.add(new Paragraph(article.id(), i, section, pendingHeadings, piece));
      pendingHeadings.clear();
    }

    String date = article.date().isEmpty() ? metadata.getOrDefault("时间", metadata.getOrDefault("发布时间", "")) : article.date();
    String source = article.source();
    if (source.isEmpty()) {
      source = metadata.getOrDefault("来源", metadata.getOrDefault("数据来源", ""));
    }
    return new ParsedArticle(
        article.id(), title, subtitle, date, source, article.url(), metadata, related, paragraphs);
  }

  /**
   * The non-empty pieces of {@code text}, each with white space squeezed. A line break is not always a new
   * paragraph; the piece after it continues the one before when
   * <ul>
   *   <li>it starts with punctuation that cannot begin a sentence (，、；：。 or a closing bracket): a link cut out
   *       of a sentence by the source;
   *   <li>the line before stops inside brackets without ending a sentence (细颗粒物（PM / 2.5 / ）);
   *   <li>the text separates its paragraphs by blank lines, and this single line break follows a line that ends
   *       no sentence: Wikisource's government work reports put every linked term on a line of its own (本作品是
   *       中华人民共和国的 / 法律 / 、…), and those lines had become paragraphs and section headings.
   * </ul>
   * Numbered headings, Markdown table rows and lines starting with a digit (dates of a law's history) never
   * continue a line that way.
   */
  static List<String> pieces(String text) {
    String[] lines = TextCleaner.clean(text).split("\n", -1);
    boolean blankLineParagraphs = separatesParagraphsByBlankLines(lines);
    List<String> out = new ArrayList<>();
    boolean afterBlankLine = true;
    for (String line : lines) {
      String[] parts = WIDE_SPACES.split(line);
      boolean empty = true;
      for (int k = 0; k < parts.length; k++) {
        String piece = LineKind.withoutMarkdownHeadingMarks(TextCleaner.squeeze(parts[k]));
        if (piece.isEmpty()) {
          continue;
        }
        boolean lineBreakOnly = k == 0 && !afterBlankLine;
        String previous = out.isEmpty() ? null : out.get(out.size() - 1);
        if (previous != null && continues(previous, piece, lineBreakOnly, blankLineParagraphs)) {
          out.set(out.size() - 1, joined(previous, piece));
        } else {
          out.add(piece);
        }
        empty = false;
        afterBlankLine = false;
      }
      if (empty) {
        afterBlankLine = true; // blank, or only invisible characters
      }
    }
    return out;
  }

  private static final Pattern WIDE_SPACES = Pattern.compile("\u3000{2,}");
  private static final String CONTINUATION = "，、；：。！？）」』”》,;:.!?)";

  private static boolean continues(String previous, String piece, boolean lineBreakOnly, boolean blankLineParagraphs) {
    if (CONTINUATION.indexOf(piece.charAt(0)) >= 0) {
      return true;
    }
    if (!lineBreakOnly || LineKind.endsSentence(previous) || isTableOrMarkup(previous) || isTableOrMarkup(piece)) {
      return false;
    }
    if (LineKind.opensBracket(previous)) {
      return true;
    }
    return blankLineParagraphs && !LineKind.isNumbered(previous) && !LineKind.isNumbered(piece)
        && !Character.isDigit(piece.charAt(0)) && LineKind.metadata(piece) == null;
  }

  private static boolean isTableOrMarkup(String piece) {
    return piece.startsWith("|") || piece.endsWith("|") || piece.startsWith("<!--");
  }

  /** Two words cut apart keep a space between them; Chinese needs none, nor PM and its subscript 2.5. */
  private static String joined(String previous, String piece) {
    boolean words = isLatinLetter(previous.charAt(previous.length() - 1)) && isLatinLetter(piece.charAt(0));
    return words ? previous + " " + piece : previous + piece;
  }

  private static boolean isLatinLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * True when at least three blank lines and a fifth of the text's line breaks separate paragraphs: then a
   * single line break inside a block is a wrapped line. Texts with one paragraph per line (most of the
   * corpus) have no blank lines; laws have nothing but blank lines between paragraphs.
   */
  private static boolean separatesParagraphsByBlankLines(String[] lines) {
    int blank = 0;
    int breaks = 0;
    boolean previousBlank = false;
    for (String line : lines) {
      boolean isBlank = line.isBlank();
      if (isBlank && !previousBlank) {
        blank++;
      } else if (!isBlank && !previousBlank) {
        breaks++;
      }
      previousBlank = isBlank;
    }
    return blank >= 3 && blank * 5 >= blank + breaks;
  }

  private static boolean sameText(String a, String b) {
    return a.replace(" ", "").equals(b.replace(" ", ""));
  }
}
