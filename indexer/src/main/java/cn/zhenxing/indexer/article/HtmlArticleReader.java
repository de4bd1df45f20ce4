package cn.zhenxing.indexer.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a saved web page as an article with jsoup: the title from {@code og:title}, the first {@code <h1>} or
 * {@code <title>}; the date, source and address from the usual meta tags; and the text of the page's block
 * elements (paragraphs, headings, list items) from its main content, with navigation, headers, footers,
 * scripts, styles and forms dropped. Each block becomes one line, so the splitter sees real paragraphs.
 */
public final class HtmlArticleReader {

  private static final String DROP =
      "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, select,"
          + " [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], .nav, .navbar, .menu,"
          + " .breadcrumb, .footer, .header, .sidebar, .share, .comment, .comments";
  private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, dd, dt";

  private HtmlArticleReader() {}

  /** Parses {@code html}; {@code name} is used in problems, {@code id} becomes the article id. */
  public static ArticleInput read(String id, String html, String name) {
    return read(id, Jsoup.parse(html), name);
  }

  /**
   * A page as bytes whose encoding nobody declared: read as the page's BOM or {@code <meta charset>} says,
   * UTF-8 when it says nothing. Bytes that are not text in that encoding (a GBK page without a meta tag, or
   * with a wrong one) are refused rather than stored as U+FFFD.
   */
  public static ArticleInput read(String id, byte[] html, String name) throws java.io.IOException {
    Document doc = Jsoup.parse(new java.io.ByteArrayInputStream(html), null, "");
    try {
      StrictText.decode(html, doc.charset());
    } catch (java.nio.charset.CharacterCodingException e) {
      return new ArticleInput.Bad(new InputProblem(name, 0, "the page is not " + doc.charset().name()
          + " text; declare its encoding in a <meta charset> tag (or, uploading it, in the Content-Type)"));
    }
    return read(id, doc, name);
  }

  /** Reads a saved page from disk, as {@link #read(String, byte[], String)} reads one sent as bytes. */
  public static ArticleInput read(java.nio.file.Path file) throws java.io.IOException {
    return read(ArticleIds.fromFileName(file.getFileName().toString()), java.nio.file.Files.readAllBytes(file),
        file.toString());
  }

  static ArticleInput read(String id, Document doc, String name) {
    Optional<String> idProblem = ArticleIds.problem(id);
    if (idProblem.isPresent()) {
      return new ArticleInput.Bad(new InputProblem(name, 0, idProblem.get()));
    }
    String title = firstNonBlank(
        meta(doc, "meta[property=og:title]"),
        doc.selectFirst("h1") == null ? "" : doc.selectFirst("h1").text(),
        doc.title());
    String date = firstNonBlank(
        meta(doc, "meta[property=article:published_time]"),
        meta(doc, "meta[name=pubdate]"),
        meta(doc, "meta[name=publishdate]"),
        meta(doc, "meta[name=date]"),
        doc.selectFirst("time[datetime]") == null ? "" : doc.selectFirst("time[datetime]").attr("datetime"));
    String source = firstNonBlank(meta(doc, "meta[property=og:site_name]"), meta(doc, "meta[name=source]"));
    String url = firstNonBlank(
        doc.selectFirst("link[rel=canonical]") == null ? "" : doc.selectFirst("link[rel=canonical]").attr("href"),
        meta(doc, "meta[property=og:url]")).strip();
    if (!Article.isWebAddress(url)) {
      url = ""; // a page's own claim about its address; one that is no web address is not kept as a link
    }

    Element root = mainContent(doc);
    root.select(DROP).remove();
    List<String> lines = new ArrayList<>();
    for (Element block : root.select(BLOCKS)) {
      if (!block.select(BLOCKS).isEmpty() && block.select(BLOCKS).size() > 1) {
        continue; // a container of other blocks: its children are taken one by one
      }
      String text = TextCleaner.squeeze(TextCleaner.clean(block.text()));
      if (!text.isEmpty()) {
        lines.add(text);
      }
    }
    if (lines.isEmpty()) {
      String all = TextCleaner.clean(root.wholeText());
      lines.add(all);
    }
    String text = String.join("\n", lines);
    if (TextCleaner.squeeze(text).isEmpty()) {
      return new ArticleInput.Bad(new InputProblem(name, 0, "the page has no text"));
    }
    return new ArticleInput.Ok(
        new Article(id, TextCleaner.squeeze(TextCleaner.clean(title)), date.strip(), source.strip(), url.strip(), text),
        name, 0);
  }

  /** The element most likely to hold the article: {@code <article>}, {@code <main>}, or the body. */
  private static Element mainContent(Document doc) {
    for (String selector : List.of("article", "main", "[role=main]", "#content", ".content", ".article")) {
      Element e = doc.selectFirst(selector);
      if (e != null && e.text().length() > 50) {
        return e;
      }
    }
    return doc.body() == null ? doc : doc.body();
  }

  private static String meta(Document doc, String selector) {
    Element e = doc.selectFirst(selector);
    return e == null ? "" : e.attr("content");
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }
}
