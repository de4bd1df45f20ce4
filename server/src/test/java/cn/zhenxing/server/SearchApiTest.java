package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public search API, over HTTP, against a server that built its index from the real seeds. */
class SearchApiTest {

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir.resolve("index"));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static List<String> ids(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  static long facetCount(JsonNode body, String theme) {
    for (JsonNode f : body.get("facets").get("theme")) {
      if (f.get("value").asText().equals(theme)) {
        return f.get("count").asLong();
      }
    }
    throw new AssertionError("no facet " + theme);
  }

  @Test
  void digital_shenyang_finds_the_digital_shenyang_paragraph_first_highlighted() throws Exception {
    JsonNode body = server.search("数字沈阳", "").json();
    assertEquals("数字沈阳", body.get("query").asText());
    assertEquals(3, body.get("total").asLong());
    JsonNode first = body.get("hits").get(0);
    assertEquals("shenyang-revitalization#12", first.get("id").asText());
    assertEquals("shenyang-revitalization", first.get("articleId").asText());
    assertEquals(12, first.get("paragraph").asInt());
    assertEquals("贯彻新发展理念，加快新旧动能转换", first.get("section").asText());
    assertEquals("阔步新征程 担当新使命沈阳：全面振兴全方位振兴实现新突破", first.get("title").asText());
    // What was typed is marked where it is written whole; its words alone only in a paragraph that never writes
    // it whole (every 沈阳 and 数字 had been marked too).
    assertTrue(first.get("highlight").asText().startsWith("推动<mark>数字沈阳</mark>建设。沈阳市"),
        first.get("highlight").asText());
    for (JsonNode hit : body.get("hits")) {
      String marked = hit.get("highlight").asText();
      assertTrue(marked.contains("<mark>"), marked);
      assertTrue(!marked.contains("<mark>数字沈阳</mark>") || !marked.contains("<mark>沈阳</mark>"), marked);
    }
    // Pinyin is marked as the characters it reads as.
    for (JsonNode hit : server.search("yingshanghuanjing", "size=50").json().get("hits")) {
      String marked = hit.get("highlight").asText();
      assertTrue(!marked.contains("<mark>营商环境</mark>") || !marked.contains("<mark>环境</mark>"), marked);
    }
    assertEquals(List.of("digital"), List.of(first.get("themes").get(0).asText()));
    assertTrue(first.get("score").asDouble() > body.get("hits").get(1).get("score").asDouble());
    assertEquals(4, body.get("facets").get("theme").size());
    assertEquals("数字沈阳", body.get("facets").get("theme").get(1).get("label").asText());
  }

  @Test
  void business_environment_with_services_theme_matches_the_contract() throws Exception {
    JsonNode body = server.search("营商环境", "theme=services").json();
    for (String field : List.of("query", "total", "page", "size", "tookMs", "hits", "facets")) {
      assertTrue(body.has(field), "response has " + field);
    }
    assertEquals(15, body.get("total").asLong(), "every paragraph with 营商环境 is tagged services");
    assertEquals(10, body.get("hits").size());
    for (JsonNode hit : body.get("hits")) {
      Set<String> themes = new HashSet<>();
      hit.get("themes").forEach(t -> themes.add(t.asText()));
      assertTrue(themes.contains("services"), hit.get("id").asText());
      assertTrue(hit.get("text").asText().contains("营商环境"), hit.get("id").asText());
      assertTrue(hit.get("highlight").asText().contains("<mark>营商环境</mark>"), hit.get("id").asText());
      for (String field : List.of("id", "articleId", "title", "section", "paragraph", "text", "highlight", "themes", "score")) {
        assertTrue(hit.has(field), "hit has " + field);
      }
    }
  }

  /** How many seed paragraphs contain {@code text}, counted from the articles themselves. */
  static long paragraphsContaining(String text) throws Exception {
    long n = 0;
    for (String id : List.of("shenyang-revitalization", "prov-gwr-2026-辽宁省", "prov-gwr-2026-吉林省",
        "prov-gwr-2026-黑龙江省", "prov-gwr-2026-内蒙古自治区")) {
      for (JsonNode p : server.get("/api/articles/" + java.net.URLEncoder.encode(id, "UTF-8")).json().get("paragraphs")) {
        if (p.get("text").asText().contains(text)) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void every_paragraph_containing_the_characters_in_sequence_is_found() throws Exception {
    // 营商环境 is segmented 营/商/环境 and 沈阳 hides inside 沈阳市: the bigram field finds them all.
    assertEquals(15, paragraphsContaining("营商环境"));
    assertEquals(paragraphsContaining("营商环境"), server.search("营商环境", "").json().get("total").asLong());
    long exact = paragraphsContaining("数字经济");
    JsonNode digital = server.search("数字经济", "size=20").json();
    assertTrue(digital.get("total").asLong() >= exact, "paragraphs with both words apart are found too");
    for (int i = 0; i < exact; i++) {
      assertTrue(digital.get("hits").get(i).get("text").asText().contains("数字经济"), "the exact sequence ranks first");
    }
    JsonNode shenyang = server.search("沈阳", "size=100").json();
    assertEquals(31, shenyang.get("total").asLong());
    for (JsonNode hit : shenyang.get("hits")) {
      String text = hit.get("text").asText() + hit.get("title").asText() + hit.get("section").asText();
      assertTrue(text.contains("沈阳"), hit.get("id").asText());
    }
  }

  @Test
  void whole_word_matches_rank_above_matches_inside_longer_words() throws Exception {
    // 振兴 as a word vs. only inside 振兴区 etc.: the first hits contain the word itself.
    JsonNode body = server.search("沈阳", "size=5").json();
    String top = body.get("hits").get(0).get("text").asText();
    assertTrue(top.replace("沈阳市", "").contains("沈阳"), "top hit has 沈阳 as a word: " + top);
  }

  @Test
  void multi_select_theme_counts_keep_other_themes_visible() throws Exception {
    JsonNode all = server.search("营商环境", "").json();
    JsonNode services = server.search("营商环境", "theme=services").json();
    assertEquals(facetCount(all, "services"), services.get("total").asLong());
    assertEquals(facetCount(all, "digital"), facetCount(services, "digital"), "sideways count for digital unchanged");
    assertEquals(facetCount(all, "services"), facetCount(services, "services"));
    JsonNode two = server.search("营商环境", "theme=services&theme=openness").json();
    assertTrue(two.get("total").asLong() >= services.get("total").asLong());
    assertTrue(two.get("total").asLong() <= facetCount(all, "services") + facetCount(all, "openness"));
  }

  @Test
  void empty_query_browses_everything_in_document_order_with_counts() throws Exception {
    JsonNode body = server.search("", "size=3").json();
    assertEquals(295, body.get("total").asLong());
    assertEquals(3, body.get("hits").size());
    assertTrue(body.get("hits").get(0).get("score").isNull());
    JsonNode p2 = server.search("", "size=3&page=2").json();
    assertFalse(ids(body).contains(ids(p2).get(0)));
    long sum = 0;
    for (JsonNode f : body.get("facets").get("theme")) {
      sum += f.get("count").asLong();
    }
    assertTrue(sum > 0);
  }

  @Test
  void paging_walks_through_all_hits_without_repeats() throws Exception {
    Set<String> seen = new HashSet<>();
    long total = server.search("沈阳", "size=7").json().get("total").asLong();
    for (int page = 1; page <= (total + 6) / 7; page++) {
      JsonNode body = server.search("沈阳", "size=7&page=" + page).json();
      assertEquals(page, body.get("page").asInt());
      for (String id : ids(body)) {
        assertTrue(seen.add(id), "repeated " + id);
      }
    }
    assertEquals(total, seen.size());
    assertEquals(0, server.search("沈阳", "size=7&page=50").json().get("hits").size());
  }

  @Test
  void quoted_phrase_and_exclusion() throws Exception {
    JsonNode phrase = server.search("\"数字经济\"", "size=50").json();
    assertTrue(phrase.get("total").asLong() > 0);
    phrase.get("hits").forEach(h -> assertTrue(h.get("text").asText().contains("数字经济")));
    JsonNode excluded = server.search("营商环境 -沈阳", "size=50").json();
    assertTrue(excluded.get("total").asLong() > 0);
    excluded.get("hits").forEach(h -> assertFalse(h.get("text").asText().contains("沈阳"), h.get("id").asText()));
    JsonNode chineseQuotes = server.search("“数字经济”", "").json();
    assertEquals(phrase.get("total").asLong(), chineseQuotes.get("total").asLong());
    // NOT and AND as other engines take them: 营商环境 NOT 沈阳 had searched for the word NOT and found nothing.
    assertEquals(excluded.get("total"), server.search("营商环境 NOT 沈阳", "").json().get("total"));
    assertEquals(server.search("营商环境 沈阳", "").json().get("total"),
        server.search("营商环境 AND 沈阳", "").json().get("total"));
    assertEquals(server.search("数字经济 -\"数字沈阳\"", "").json().get("total"),
        server.search("数字经济 NOT \"数字沈阳\"", "").json().get("total"));
    long alone = server.search("营商环境", "").json().get("total").asLong();
    for (String q : List.of("AND 营商环境", "营商环境 AND", "营商环境 NOT")) {
      assertEquals(alone, server.search(q, "").json().get("total").asLong(), q + ": an operator on nothing is dropped");
    }
  }

  @Test
  void all_words_matter() throws Exception {
    long both = server.search("数字 沈阳", "").json().get("total").asLong();
    long digital = server.search("数字", "").json().get("total").asLong();
    assertTrue(both < digital, "adding a word narrows the results");
    assertEquals(0, server.search("数字沈阳 月球基地", "").json().get("total").asLong());
  }

  @Test
  void highlight_escapes_everything_but_mark() throws Exception {
    JsonNode body = server.search("<script>营商环境", "").json();
    for (JsonNode hit : body.get("hits")) {
      String h = hit.get("highlight").asText();
      assertFalse(h.replace("<mark>", "").replace("</mark>", "").contains("<"), h);
    }
  }

  @Test
  void lucene_syntax_is_plain_text() throws Exception {
    for (String q : List.of("*:*", "text:沈阳", "/沈.*/", "沈阳 AND 大连", "沈阳~2", "title:[a TO z]", "\\", "((", "\"", "\"沈阳")) {
      TestServer.Response r = server.search(q, "");
      assertEquals(200, r.status(), q + " → " + r.body());
    }
    assertEquals(0, server.search("*:*", "").json().get("total").asLong(), "*:* is not match-all");
    assertEquals(server.search("沈阳", "").json().get("total").asLong(), server.search("\"沈阳", "").json().get("total").asLong(),
        "an unbalanced quote is ignored");
  }

  @Test
  void bad_parameters_get_400_naming_the_parameter() throws Exception {
    record Case(String query, String parameter) {}
    for (Case c : List.of(
        new Case("q=x&theme=space", "theme"),
        new Case("q=x&page=0", "page"),
        new Case("q=x&page=abc", "page"),
        new Case("q=x&size=500", "size"),
        new Case("q=x&size=-1", "size"),
        new Case("q=x&page=200&size=100", "page"),
        new Case("q=" + "沈".repeat(10_000), "q"),
        new Case("q=a&q=b", "q"),
        new Case("q=x&themes=digital", "themes"),
        new Case("q=x&page=99999999999999999999", "page"))) {
      TestServer.Response r = server.get("/api/search?" + c.query());
      assertEquals(400, r.status(), c.query() + " → " + r.body());
      assertEquals(c.parameter(), r.json().get("error").get("parameter").asText(), r.body());
      assertFalse(r.json().get("error").get("message").asText().isBlank());
    }
  }

  @Test
  void a_quoted_phrase_spanning_punctuation_matches_and_is_marked_whole() throws Exception {
    // The seeds say “亲商、安商、富商” and “抓招商、推项目、促落地”; the 、 used to break the phrase's positions.
    TestServer.Response slogan = server.search("“亲商、安商、富商”", "");
    assertEquals(1, slogan.json().get("total").asInt(), slogan.body());
    assertTrue(slogan.json().get("hits").get(0).get("highlight").asText().contains("<mark>亲商、安商、富商</mark>"),
        slogan.body());
    assertTrue(server.search("\"抓招商、推项目、促落地\"", "").json().get("total").asInt() >= 1);
    assertEquals(0, server.search("\"安商、亲商\"", "").json().get("total").asInt(), "the order still matters");
  }

  @Test
  void a_pasted_paragraph_finds_itself_and_says_which_words_were_left_out() throws Exception {
    JsonNode paragraph = server.paragraphOfAtLeast("prov-gwr-2026-辽宁省", 500);
    String id = paragraph.get("id").asText();
    String text = paragraph.get("text").asText().substring(0, 500);
    TestServer.Response r = server.search(text, "");
    assertEquals(200, r.status(), r.body()); // 300 characters of running text used to exceed Lucene's clause limit
    assertEquals(id, r.json().get("hits").get(0).get("id").asText());
    assertTrue(r.json().get("notice").asText().contains("前64个词"), r.body());

    TestServer.Response repeated = server.search("中央八".repeat(166), "");
    assertEquals(200, repeated.status(), repeated.body());
    assertEquals(server.search("中央八", "").json().get("total"), repeated.json().get("total"), "a repeated word counts once");
    assertTrue(repeated.json().get("notice").isNull(), repeated.body());
  }

  @Test
  void malformed_urls_get_400s_that_say_what_is_wrong() throws Exception {
    record Case(String target, String parameter, String says) {}
    for (Case c : List.of(
        new Case("/api/search?q=100%", "q", "%25"), // would otherwise list every paragraph, as if q were empty
        new Case("/api/search?q=x&size=%2", "size", "%25"),
        new Case("/api/search?q%ZZ=1", "q%ZZ", "parameter name"),
        new Case("/api/suggest?q=%E6%B2%88%", "q", "%25"),
        new Case("/api/articles/a%00b", null, "%00"),
        new Case("/api/articles/%ED%A0%80", null, "UTF-8"),
        // bytes that are not UTF-8 would otherwise be searched for as U+FFFD
        new Case("/api/search?q=%E6%B2", "q", "not valid UTF-8"),
        new Case("/api/search?q=%E6%B2%88%E9%98%B3&theme=%FF%FE", "theme", "not valid UTF-8"),
        new Case("/api/search?q=%C9%F2%D1%F4", "q", "GBK"), // 沈阳 in GBK
        new Case("/api/suggest?q=%E6%B2", "q", "not valid UTF-8"),
        new Case("/api/search?q=\u00ff\u00fe", "q", "not UTF-8"))) { // raw bytes FF FE, unescaped
      TestServer.Response r = server.getVerbatim(c.target());
      assertEquals(400, r.status(), c.target() + " → " + r.body());
      JsonNode error = r.json().get("error");
      assertEquals(c.parameter(), error.has("parameter") ? error.get("parameter").asText() : null, r.body());
      assertTrue(error.get("message").asText().contains(c.says()), r.body());
      assertEquals("*", r.header("Access-Control-Allow-Origin"), c.target() + ": other sites see why");
    }
    for (String method : List.of("DELETE", "PUT", "PATCH", "OPTIONS")) { // Jetty's default: a bare 400 for these
      TestServer.Response r = server.verbatim(method, "/api/articles/%FF");
      assertEquals(400, r.status(), method + " → " + r.body());
      assertTrue(r.json().get("error").get("message").asText().contains("not valid UTF-8"), method + " → " + r.body());
      assertEquals("*", r.header("Access-Control-Allow-Origin"), method);
    }
    TestServer.Response tooLong = server.getVerbatim("/api/search?q=" + "%E6%B2%88".repeat(30_000));
    assertEquals(414, tooLong.status());
    assertEquals("*", tooLong.header("Access-Control-Allow-Origin"));
    TestServer.Response percent = server.getVerbatim("/api/search?q=100%25");
    assertEquals(200, percent.status(), percent.body());
    assertEquals("100%", percent.json().get("query").asText());
  }

  @Test
  void stray_ampersands_and_cache_busters_are_not_parameters() throws Exception {
    long expected = server.search("沈阳", "").json().get("total").asLong();
    for (String target : List.of("/api/search?q=%E6%B2%88%E9%98%B3&", "/api/search?&q=%E6%B2%88%E9%98%B3",
        "/api/search?q=%E6%B2%88%E9%98%B3&&_=1712345")) {
      TestServer.Response r = server.getVerbatim(target);
      assertEquals(200, r.status(), target + " → " + r.body());
      assertEquals(expected, r.json().get("total").asLong());
    }
    TestServer.Response themes = server.get("/api/themes?x=1");
    assertEquals(400, themes.status());
    assertEquals("unknown parameter \"x\"; this endpoint takes none", themes.json().get("error").get("message").asText());
  }

  @Test
  void pasted_invisible_characters_and_full_width_letters_search_as_typed_plainly() throws Exception {
    long shenyang = server.search("沈阳", "").json().get("total").asLong();
    assertTrue(shenyang > 0);
    for (String pasted : List.of("\u200b沈阳", "沈\u200d阳", "\u200f沈阳\u200e", "\ufeff沈阳")) {
      assertEquals(shenyang, server.search(pasted, "").json().get("total").asLong(), pasted);
    }
    for (String[] pair : new String[][] {{"ＰＭ２．５", "PM2.5"}, {"５Ｇ", "5G"}, {"ＧＤＰ", "GDP"}}) {
      JsonNode fullWidth = server.search(pair[0], "").json();
      JsonNode ascii = server.search(pair[1], "").json();
      assertTrue(ascii.get("total").asLong() > 0, pair[1]);
      assertEquals(ascii.get("total").asLong(), fullWidth.get("total").asLong(), pair[0]);
      assertEquals(ids(ascii), ids(fullWidth), pair[0]);
    }
  }

  @Test
  void emoji_separate_words_and_characters_are_counted_as_people_count_them() throws Exception {
    long shenyang = server.search("沈阳", "").json().get("total").asLong();
    assertEquals(shenyang, server.search("沈阳😀", "").json().get("total").asLong(), "an emoji is no word to require");
    assertEquals(shenyang, server.search("⭐沈阳\uFE0F", "").json().get("total").asLong());
    JsonNode emojiOnly = server.search("😀", "").json();
    assertEquals(0, emojiOnly.get("total").asLong());
    assertEquals("查询中没有可检索的文字", emojiOnly.get("notice").asText());
    assertEquals(200, server.search("a" + "😀".repeat(300), "").status(), "301 characters, not 601 UTF-16 units");
    TestServer.Response tooLong = server.search("😀".repeat(501), "");
    assertEquals(400, tooLong.status());
    assertEquals("q is 501 characters long; the limit is 500", tooLong.json().get("error").get("message").asText());
  }

  @Test
  void control_characters_are_treated_as_spaces() throws Exception {
    TestServer.Response r = server.get("/api/search?q=%E6%95%B0%E5%AD%97%00%01%E6%B2%88%E9%98%B3");
    assertEquals(200, r.status(), r.body());
    assertEquals(server.search("数字 沈阳", "").json().get("total").asLong(), r.json().get("total").asLong());
  }

  @Test
  void head_answers_with_the_status_and_headers_of_get() throws Exception {
    java.util.function.Function<String, TestServer.Response> head = target -> {
      try {
        return server.send(server.request(target).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
    TestServer.Response found = head.apply("/api/search?q=" + java.net.URLEncoder.encode("沈阳", java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(200, found.status());
    assertEquals("", found.body());
    assertEquals("*", found.header("Access-Control-Allow-Origin"));
    assertEquals(404, head.apply("/api/articles/no-such-article").status());
    assertEquals(200, head.apply("/api/articles/shenyang-revitalization").status());
    assertEquals(400, head.apply("/api/search?page=abc").status());
    assertEquals(400, head.apply("/api/suggest?size=0").status());
    assertEquals(200, head.apply("/health").status());
  }

  @Test
  void cors_is_open_for_read_endpoints() throws Exception {
    TestServer.Response r = server.send(server.request("/api/search?q=x").header("Origin", "https://example.org").GET().build());
    assertEquals("*", r.header("Access-Control-Allow-Origin"));
    TestServer.Response pre = server.send(server.request("/api/search")
        .header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET")
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(204, pre.status());
    assertEquals("*", pre.header("Access-Control-Allow-Origin"));
    assertTrue(pre.header("Access-Control-Allow-Methods").contains("GET"));
    assertEquals("Retry-After", r.header("Access-Control-Expose-Headers"), "a 429's Retry-After is readable cross-site");
    assertEquals("Accept-Encoding", r.header("Vary"), "gzipped or not by Accept-Encoding: shared caches keep both");
    TestServer.Response custom = server.send(server.request("/api/search")
        .header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "x-requested-with")
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    assertEquals("x-requested-with", custom.header("Access-Control-Allow-Headers"));
  }

  @Test
  void article_endpoint_returns_the_whole_article_with_evidence() throws Exception {
    TestServer.Response r = server.get("/api/articles/shenyang-revitalization");
    assertEquals(200, r.status());
    JsonNode a = r.json();
    assertEquals("shenyang-revitalization", a.get("id").asText());
    assertEquals("中共沈阳市委宣传部", a.get("source").asText());
    assertEquals(15, a.get("paragraphs").size());
    JsonNode p12 = null;
    for (JsonNode p : a.get("paragraphs")) {
      if (p.get("paragraph").asInt() == 12) {
        p12 = p;
      }
    }
    assertEquals("shenyang-revitalization#12", p12.get("id").asText());
    assertEquals("digital", p12.get("themes").get(0).asText());
    assertEquals("数字沈阳", p12.get("evidence").get("digital").get(0).asText());
    JsonNode report = server.get("/api/articles/" + java.net.URLEncoder.encode("prov-gwr-2026-辽宁省", "UTF-8")).json();
    assertEquals("辽宁日报", report.get("metadata").get("来源").asText());
    assertEquals(85, report.get("paragraphs").size());
  }

  @Test
  void unknown_article_and_unknown_endpoint_are_json_404s() throws Exception {
    TestServer.Response missing = server.get("/api/articles/no-such-article");
    assertEquals(404, missing.status());
    assertEquals("id", missing.json().get("error").get("parameter").asText());
    TestServer.Response endpoint = server.get("/api/nothing-here");
    assertEquals(404, endpoint.status());
    assertTrue(endpoint.json().get("error").get("message").asText().contains("/api/nothing-here"));
    TestServer.Response page = server.send(server.request("/no-such-page").header("Accept", "text/html,*/*").GET().build());
    assertEquals(404, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
    assertTrue(page.body().contains("页面不存在") && page.body().contains("href=\"/\""), page.body());
    TestServer.Response api = server.send(server.request("/api/nothing-here").header("Accept", "text/html").GET().build());
    assertEquals(404, api.status());
    assertTrue(api.header("Content-Type").startsWith("application/json"), "the API answers JSON to anyone");
    TestServer.Response post = server.send(server.request("/api/search?q=x")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("q=x")).build());
    assertEquals(405, post.status(), post.body());
    assertEquals("GET, HEAD", post.header("Allow"));
    assertEquals("POST /api/search is not supported; use GET or HEAD", post.json().get("error").get("message").asText());
    assertEquals("*", post.header("Access-Control-Allow-Origin"));
  }

  @Test
  void themes_and_health() throws Exception {
    JsonNode themes = server.get("/api/themes").json().get("themes");
    assertEquals(4, themes.size());
    assertEquals("innovation", themes.get(0).get("id").asText());
    assertTrue(themes.get(0).get("terms").has("科技创新"));
    JsonNode health = server.get("/health").json();
    assertEquals("ready", health.get("status").asText());
    assertEquals(295, health.get("paragraphs").asInt());
    // Fields come in one documented order on every start, not in a hash order that a restart reshuffles.
    List<String> fields = new java.util.ArrayList<>();
    health.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("status", "paragraphs", "generation"), fields);
    fields.clear();
    server.get("/api/suggest?q=" + java.net.URLEncoder.encode("沈阳", java.nio.charset.StandardCharsets.UTF_8)).json().fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("query", "suggestions"), fields);
  }

  @Test
  void the_search_page_is_served() throws Exception {
    TestServer.Response page = server.get("/");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("振兴搜索"));
    assertEquals("text/html;charset=utf-8", page.header("Content-Type"));
    TestServer.Response script = server.get("/app.js");
    assertTrue(script.body().contains("/api/search"));
    assertEquals("text/javascript;charset=utf-8", script.header("Content-Type"));
    assertEquals("text/css;charset=utf-8", server.get("/style.css").header("Content-Type"));
    // A browser revalidates with the ETag and gets a bodyless 304 while the file is unchanged.
    String etag = script.header("ETag");
    assertNotNull(etag);
    TestServer.Response again = server.send(server.request("/app.js").header("If-None-Match", etag).GET().build());
    assertEquals(304, again.status());
    assertEquals("", again.body());
    // The article view is the same page, answered 404 when there is no such article (the page says so).
    TestServer.Response missing = server.get("/articles/some-article");
    assertTrue(missing.body().contains("振兴搜索"));
    assertEquals(404, missing.status());
    String id = server.search("沈阳", "").json().get("hits").get(0).get("articleId").asText();
    TestServer.Response article = server.get("/articles/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(200, article.status());
    assertTrue(article.body().contains("振兴搜索"));
    assertEquals(404, server.get("/articles/a/b").status(), "ids have no slash: no article");
    for (String noId : List.of("/articles", "/articles/")) {
      TestServer.Response r = server.get(noId);
      assertEquals(302, r.status(), noId);
      assertEquals("/", r.header("Location"), noId);
    }
  }

  @Test
  void the_page_folder_cannot_be_left_for_other_classpath_files() throws Exception {
    assertTrue(getClass().getResource("/cn/zhenxing/server/Server.class") != null, "the class the test asks for exists");
    for (String target : List.of("/../cn/zhenxing/server/Server.class", "/%2e%2e/cn/zhenxing/server/Server.class",
        "/..%2fcn/zhenxing/server/Server.class", "/.%2e/cn/zhenxing/server/Server.class",
        "/..;/cn/zhenxing/server/Server.class", "/%5c..%5ccn/zhenxing/server/Server.class",
        "/web/../cn/zhenxing/server/Server.class", "/cn/zhenxing/server/Server.class")) {
      TestServer.Response r = server.getVerbatim(target);
      assertTrue(r.status() == 400 || r.status() == 404, target + " answered " + r.status());
      assertTrue(r.body().startsWith("{"), target + " answered with a JSON error: " + r.body());
    }
  }

  @Test
  void notice_when_the_query_has_nothing_searchable() throws Exception {
    JsonNode body = server.search("？！。", "").json();
    assertEquals(0, body.get("total").asLong());
    assertFalse(body.get("notice").isNull());
    // typed, though nothing in it: not an empty box that lists everything
    for (String quotes : List.of("\"", "\"\"", "“”", "-\"\"", "\u0000", "\u200b")) {
      JsonNode quoted = server.search(quotes, "").json();
      assertEquals(0, quoted.get("total").asLong(), quotes);
      assertEquals(body.get("notice"), quoted.get("notice"), quotes);
    }
    assertNull(server.search("沈阳", "").json().get("notice").textValue());
  }
}
