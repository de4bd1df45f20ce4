package cn.zhenxing.indexer.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesArticleReaderTest {

  static List<ArticleInput> read(String jsonl) throws Exception {
    List<ArticleInput> out = new ArrayList<>();
    try (JsonLinesArticleReader r = new JsonLinesArticleReader(
        new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "body")) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void good_and_bad_lines_are_reported_with_line_numbers() throws Exception {
    String jsonl = String.join("\n",
        "{\"id\":\"a1\",\"title\":\"标题\",\"date\":\"2026-01-01\",\"source\":\"s\",\"text\":\"正文。\",\"url\":\"http://x\"}",
        "",
        "{not json",
        "{\"title\":\"no id\",\"text\":\"正文\"}",
        "{\"id\":\"a2\",\"title\":\"no text\"}",
        "{\"id\":\"a3\",\"text\":\"  \\u200b \\r\\n \"}",
        "[1,2]",
        "{\"id\":\"bad/id\",\"text\":\"正文\"}",
        "{\"id\":\"a4\",\"text\":\"第二篇\"}");
    List<ArticleInput> items = read(jsonl);
    assertEquals(8, items.size());
    ArticleInput.Ok first = (ArticleInput.Ok) items.get(0);
    assertEquals("a1", first.article().id());
    assertEquals("http://x", first.article().url());
    assertEquals(1, first.line());
    assertEquals("body:3: invalid JSON", prefix(items.get(1), 20));
    assertEquals("body:4: missing id", ((ArticleInput.Bad) items.get(2)).problem().toString());
    assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), items.subList(1, 7).stream().map(ArticleInput::line).toList());
    assertEquals("missing text", ((ArticleInput.Bad) items.get(3)).problem().reason());
    assertEquals("text is empty after cleaning", ((ArticleInput.Bad) items.get(4)).problem().reason());
    assertEquals("not a JSON object", ((ArticleInput.Bad) items.get(5)).problem().reason());
    assertEquals("id contains '/' (not allowed: # / ? \\ %)", ((ArticleInput.Bad) items.get(6)).problem().reason());
    assertEquals(9, items.get(7).line());
  }

  @Test
  void only_web_addresses_are_kept_as_links_and_fields_must_be_strings() throws Exception {
    List<ArticleInput> items = read(String.join("\n",
        "{\"id\":\"a\",\"text\":\"正文\",\"url\":\"javascript:alert(document.domain)\"}",
        "{\"id\":\"b\",\"text\":\"正文\",\"url\":\" JavaScript:alert(1)\"}",
        "{\"id\":\"c\",\"text\":\"正文\",\"url\":\"data:text/html,<script>alert(1)</script>\"}",
        "{\"id\":\"d\",\"text\":\"正文\",\"url\":\"//evil.example/x\"}",
        "{\"id\":\"e\",\"text\":\"正文\",\"title\":{\"a\":1}}",
        "{\"id\":[\"x\"],\"text\":\"正文\"}",
        "{\"id\":\"..\",\"text\":\"正文\"}",
        "{\"id\":\"f\",\"text\":\"正文\",\"url\":\"HTTPS://www.ln.gov.cn/a?b=1#c\",\"date\":2026}",
        "{\"id\":\"g\",\"text\":\"正文\"} {\"id\":\"h\"}",
        "{\"id\":\"i\",\"text\":\"正文\",\"date\":\"2026-13-45\"}",
        "{\"id\":\"j\",\"text\":\"正文\",\"date\":\"2025-02-29\"}",
        "{\"id\":\"k\",\"text\":\"正文\",\"date\":\"2024-02-29T10:00:00+08:00\"}",
        "{\"id\":\"l\",\"text\":\"正文\",\"date\":\"2026年2月9日\"}",
        "{\"id\":\"m\",\"text\":\"正文\",\"date\":\"近日\"}",
        "{\"id\":\"n\",\"text\":\"正文\",\"date\":\"2026-02-09T25:99:00Z\"}",
        "{\"id\":\"o\",\"text\":\"正文\",\"date\":\"2026-02-09 23:59\"}",
        "{\"id\":\"p\",\"text\":\"正文\",\"url\":\"https://例子.中国/振兴?a=1\"}",
        "{\"id\":\"q\",\"text\":\"正文\",\"url\":\"javascript://例子.中国/%0Aalert(1)\"}",
        "{\"id\":\"r\\ud800\",\"text\":\"正文\"}",
        "{\"id\":\"s\\ud83d\\ude00\",\"text\":\"正文\"}"));
    assertEquals("id contains an unpaired surrogate or U+FFFD, which are not text",
        ((ArticleInput.Bad) items.get(18)).problem().reason(), "a lone surrogate would be stored as U+FFFD");
    assertTrue(items.get(19) instanceof ArticleInput.Ok, "a pair (an emoji) is text");
    assertEquals("https://例子.中国/振兴?a=1", ((ArticleInput.Ok) items.get(16)).article().url(), "a Chinese domain name");
    assertTrue(items.get(17) instanceof ArticleInput.Bad, "any host, no scheme but http(s)");
    assertEquals("date \"2026-02-09T25:99:00Z\" is not a calendar date", ((ArticleInput.Bad) items.get(14)).problem().reason());
    assertTrue(items.get(15) instanceof ArticleInput.Ok);
    assertEquals("date \"2026-13-45\" is not a calendar date", ((ArticleInput.Bad) items.get(9)).problem().reason());
    assertEquals("date \"2025-02-29\" is not a calendar date", ((ArticleInput.Bad) items.get(10)).problem().reason());
    for (int i = 11; i <= 13; i++) {
      assertTrue(items.get(i) instanceof ArticleInput.Ok, items.get(i).toString());
    }
    assertTrue(((ArticleInput.Bad) items.get(8)).problem().reason().startsWith("invalid JSON: Trailing token"),
        ((ArticleInput.Bad) items.get(8)).problem().reason());
    List<String> reasons = items.subList(0, 7).stream().map(i -> ((ArticleInput.Bad) i).problem().reason()).toList();
    assertEquals(List.of("url is not an http or https address", "url is not an http or https address",
        "url is not an http or https address", "url is not an http or https address", "title is not a string",
        "id is not a string", "id \"..\" is not allowed (browsers resolve it as a relative path)"), reasons);
    ArticleInput.Ok ok = (ArticleInput.Ok) items.get(7);
    assertEquals("HTTPS://www.ln.gov.cn/a?b=1#c", ok.article().url());
    assertEquals("2026", ok.article().date());
  }

  @Test
  void a_line_over_the_limit_is_refused_without_holding_it() throws Exception {
    String big = "{\"id\":\"big\",\"text\":\"" + "字".repeat(5000) + "\"}";
    List<ArticleInput> out = new ArrayList<>();
    try (JsonLinesArticleReader r = new JsonLinesArticleReader(new ByteArrayInputStream(
        (big + "\n{\"id\":\"ok\",\"text\":\"正文\"}\n").getBytes(StandardCharsets.UTF_8)), "body", 1000)) {
      r.forEachRemaining(out::add);
    }
    assertEquals(2, out.size());
    assertEquals("body:1: line longer than the limit of 1000 characters", ((ArticleInput.Bad) out.get(0)).problem().toString());
    assertEquals("ok", ((ArticleInput.Ok) out.get(1)).article().id());
  }

  private static String prefix(ArticleInput in, int n) {
    String s = ((ArticleInput.Bad) in).problem().toString();
    return s.substring(0, Math.min(n, s.length()));
  }
}
