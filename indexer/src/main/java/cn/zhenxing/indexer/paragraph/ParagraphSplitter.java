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

  private static final Pattern PIECE_BREAK = Pattern.compile("\n|\u3000{2,}");

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
      if (LineKind.isCaption(piece)) {
        continue;
      }
      if (frontMatter && LineKind.isByline(piece)) {
        metadata.putIfAbsent("署名", piece);
        continue;
      }
      if (LineKind.isHeading(piece)) {
        section = LineKind.headingText(piece);
        pendingHeadings.add(section);
        continue;
      }
      String lead = LineKind.leadHeading(piece);
      if (lead != null) {
        section = lead;
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
   * The non-empty pieces of {@code text}, each with white space squeezed. A piece that starts with
   * punctuation which cannot begin a sentence (，、；：。 or a closing bracket) continues the previous piece: a
   * line break there is an artefact of the source (a link cut out of a sentence), not a new paragraph.
   */
  static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : PIECE_BREAK.split(TextCleaner.clean(text))) {
      String piece = LineKind.withoutMarkdownHeadingMarks(TextCleaner.squeeze(raw));
      if (piece.isEmpty()) {
        continue;
      }
      if (!out.isEmpty() && CONTINUATION.indexOf(piece.charAt(0)) >= 0) {
        out.set(out.size() - 1, out.get(out.size() - 1) + piece);
      } else {
        out.add(piece);
      }
    }
    return out;
  }

  private static final String CONTINUATION = "，、；：。！？）」』”》,;:.!?)";

  private static boolean sameText(String a, String b) {
    return a.replace(" ", "").equals(b.replace(" ", ""));
  }
}
