package cn.zhenxing.indexer.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Streams articles from JSON Lines: one object per line with {@code id}, {@code title}, {@code date},
 * {@code source}, {@code text} and optional {@code url}. Reads lazily, one line at a time, so a stream of any
 * size is read in constant memory. Blank lines are ignored; every other unusable line becomes an
 * {@link ArticleInput.Bad} naming the line number and what was wrong.
 */
public final class JsonLinesArticleReader implements Iterator<ArticleInput>, AutoCloseable {

  /** One line longer than this is refused rather than held in memory (an article of ~60 MB). */
  public static final int DEFAULT_MAX_LINE_CHARS = 32 * 1024 * 1024;

  /**
   * Refuses a line with more after its object ({"id":"a"} garbage), which Jackson would otherwise ignore, and an
   * object naming a field twice ({"text":"a","text":"b"}), which would keep the last without a word.
   */
  public static final ObjectMapper JSON =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * What is wrong with a JSON text, for the person who sent it: Jackson's reason without the class and setting
   * names it quotes (bound as `com.fasterxml…JsonNode`, from `StreamReadConstraints…`).
   */
  public static String problem(JsonProcessingException e) {
    String reason = e.getOriginalMessage()
        .replaceAll(" ?\\(bound as `[^`]*`\\)", "")
        .replaceAll(",? from `[^`]*`", "")
        .replaceAll(": not allowed as per `[^`]*`", "")
        .replaceAll(" ?\\(start marker at \\[Source: [^\\]]*\\][^)]*\\)", "")
        .replaceAll(" ?at \\[Source: [^\\]]*\\][^)]*", "")
        .replace("`", "");
    com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
    return "invalid JSON: " + reason.lines().findFirst().orElse("").strip()
        + (at == null || at.getColumnNr() < 1 ? ""
            : at.getLineNr() > 1 ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"
            : " (column " + at.getColumnNr() + ")");
  }

  private final BoundedLineReader lines;
  private final String name;
  private final int maxLineChars;
  private long lineNumber;
  private ArticleInput next;
  private boolean done;
  /** A read failed: the item reporting it is the last one. */
  private boolean unreadable;

  public JsonLinesArticleReader(InputStream in, String name) {
    this(in, name, DEFAULT_MAX_LINE_CHARS);
  }

  public JsonLinesArticleReader(InputStream in, String name, int maxLineChars) {
    // Each line decoded strictly on its own: bytes of another encoding (GBK) are a bad line to report, not
    // U+FFFD characters to index.
    this.lines = new BoundedLineReader(in, maxLineChars);
    this.name = name;
    this.maxLineChars = maxLineChars;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done && !unreadable) {
      next = advance();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public ArticleInput next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ArticleInput result = next;
    next = null;
    return result;
  }

  private ArticleInput advance() {
    try {
      String line;
      while ((line = lines.readLine()) != null) {
        lineNumber++;
        if (line == BoundedLineReader.OVERSIZED) {
          return bad("line longer than the limit of " + maxLineChars + " characters");
        }
        if (line == BoundedLineReader.NOT_UTF8) {
          return bad("not UTF-8 text (save the file as UTF-8)");
        }
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        return parse(line);
      }
      return null;
    } catch (IOException e) {
      // A stream cannot be read on past such a fault (damaged gzip data): the lines before it stand, and the
      // rest is reported from the first line not delivered.
      unreadable = true;
      lineNumber++;
      return bad(unreadable(e) + "; the rest of this input is skipped");
    }
  }

  /** True when the stream broke off (damaged or cut-short gzip data): the lines after the fault were never read. */
  public boolean brokeOff() {
    return unreadable;
  }

  private static String unreadable(IOException e) {
    if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
      return "the gzip data is damaged or cut short" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
    return "cannot be read (" + e + ")";
  }

  private ArticleInput parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return bad(problem(e));
    }
    return fromJson(node, name, lineNumber);
  }

  /**
   * One article from a parsed JSON object, or the reason it is unusable. Shared by JSON Lines streams and the
   * admin API's single-article upload, so both accept exactly the same records.
   */
  public static ArticleInput fromJson(JsonNode node, String name, long line) {
    if (node == null || !node.isObject()) {
      return new ArticleInput.Bad(new InputProblem(name, line, "not a JSON object"));
    }
    for (String field : new String[] {"id", "title", "date", "source", "url"}) {
      if (node.hasNonNull(field) && !node.get(field).isValueNode()) {
        return new ArticleInput.Bad(new InputProblem(name, line, field + " is not a string"));
      }
    }
    Optional<String> idProblem = ArticleIds.problem(text(node, "id"));
    if (idProblem.isPresent()) {
      return new ArticleInput.Bad(new InputProblem(name, line, idProblem.get()));
    }
    if (!node.hasNonNull("text")) {
      return new ArticleInput.Bad(new InputProblem(name, line, "missing text"));
    }
    if (!node.get("text").isTextual()) {
      return new ArticleInput.Bad(new InputProblem(name, line, "text is not a string"));
    }
    String date = TextCleaner.squeeze(TextCleaner.clean(text(node, "date")));
    if (!isCalendarDateIfNumeric(date)) {
      return new ArticleInput.Bad(new InputProblem(name, line, "date \"" + date + "\" is not a calendar date"));
    }
    String url = TextCleaner.squeeze(TextCleaner.clean(text(node, "url")));
    if (!url.isEmpty() && !Article.isWebAddress(url)) {
      return new ArticleInput.Bad(new InputProblem(name, line, "url is not an http or https address"));
    }
    Article article =
        new Article(
            text(node, "id"),
            TextCleaner.squeeze(TextCleaner.clean(text(node, "title"))),
            date,
            TextCleaner.squeeze(TextCleaner.clean(text(node, "source"))),
            url,
            TextCleaner.clean(node.get("text").asText()));
    if (TextCleaner.squeeze(article.text()).isEmpty()) {
      return new ArticleInput.Bad(new InputProblem(name, line, "text is empty after cleaning"));
    }
    return new ArticleInput.Ok(article, name, line);
  }

  private static final java.util.regex.Pattern NUMERIC_DATE =
      java.util.regex.Pattern.compile(
          "^(\\d{4})[-/.年](\\d{1,2})(?:[-/.月](\\d{1,2})日?(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?)?");

  /**
   * Dates are shown as given ("2025", "2026-02-09T10:00:00+08:00", "近日"), but one written with numbers must
   * exist: 2026-13-45 is a typo to report, not a date to show.
   */
  private static boolean isCalendarDateIfNumeric(String date) {
    java.util.regex.Matcher m = NUMERIC_DATE.matcher(date);
    if (!m.find()) {
      return true;
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) {
      return false;
    }
    if (m.group(3) == null) {
      return true;
    }
    int day = Integer.parseInt(m.group(3));
    if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return false;
    }
    return m.group(4) == null || (Integer.parseInt(m.group(4)) <= 23 && Integer.parseInt(m.group(5)) <= 59
        && (m.group(6) == null || Integer.parseInt(m.group(6)) <= 60));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    return value.asText();
  }

  private ArticleInput bad(String reason) {
    return new ArticleInput.Bad(new InputProblem(name, lineNumber, reason));
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
