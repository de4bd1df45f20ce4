package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suggestions, the OpenSearch description, and the article page route. */
class SuggestApiTest {

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

  static List<String> suggest(String q) throws Exception {
    JsonNode body = server.get("/api/suggest?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json();
    List<String> out = new ArrayList<>();
    body.get("suggestions").forEach(s -> out.add(s.get("text").asText()));
    return out;
  }

  @Test
  void digital_suggests_digital_shenyang_construction_and_the_digital_economy() throws Exception {
    List<String> s = suggest("数字");
    assertTrue(s.contains("数字沈阳建设"), s.toString());
    assertTrue(s.contains("数字经济"), s.toString());
    s.forEach(x -> assertTrue(x.startsWith("数字"), "prefix matches come first: " + s));
  }

  @Test
  void a_quote_being_typed_is_completed_and_an_exclusion_is_not() throws Exception {
    assertEquals(suggest("营商"), suggest("\"营商"));
    assertEquals(suggest("营商"), suggest("“营商"));
    assertEquals(suggest("营商"), suggest("'营商"));
    assertTrue(suggest("-沈阳").isEmpty(), "choosing 沈阳市 would turn -沈阳 into its opposite");
  }

  @Test
  void suggestions_match_inside_phrases_and_come_from_headings_and_titles() throws Exception {
    List<String> s = suggest("营商");
    assertEquals("营商环境", s.get(0), s.toString());
    assertTrue(s.contains("优化营商环境"), s.toString());
    assertTrue(suggest("政府工作").stream().anyMatch(x -> x.endsWith("政府工作报告")), "article titles");
    assertTrue(suggest("创新沈阳").stream().anyMatch(x -> x.contains("加快建设“创新沈阳”")), "section headings");
    assertEquals(List.of(), suggest(""));
    assertEquals(List.of(), suggest("月球基地"));
  }

  @Test
  void an_abbreviation_suggests_the_phrases_it_stands_for() throws Exception {
    // No phrase of the text begins with AI or 自贸区; the built-in synonyms say what they stand for.
    assertTrue(suggest("AI").get(0).startsWith("人工智能") && suggest("AI").contains("人工智能"), suggest("AI").toString());
    assertEquals(suggest("AI"), suggest("ＡＩ"), "full-width letters fold as in search");
    assertTrue(suggest("自贸区").contains("自贸试验区"), suggest("自贸区").toString());
    assertTrue(suggest("数字").stream().allMatch(t -> t.contains("数字")), "words with no synonyms suggest as before");
  }

  @Test
  void pinyin_typed_without_an_input_method_suggests_what_it_reads_as() throws Exception {
    assertTrue(suggest("yingshang").contains("营商环境"), suggest("yingshang").toString());
    assertEquals(suggest("yingshang"), suggest("ying shang"), "syllables typed apart read as one word");
    assertTrue(suggest("yings").contains("营商环境"), "a last syllable half typed: " + suggest("yings"));
    assertTrue(suggest("shuz").stream().anyMatch(x -> x.startsWith("数字")), suggest("shuz").toString());
    assertTrue(suggest("shuzi").stream().anyMatch(x -> x.startsWith("数字")), suggest("shuzi").toString());
    assertTrue(suggest("szsy").stream().anyMatch(x -> x.startsWith("数字沈阳")), suggest("szsy").toString());
    assertEquals(List.of(), suggest("qqqzzz"));
  }

  @Test
  void opensearch_suggestion_format_and_description() throws Exception {
    TestServer.Response r = server.get("/api/suggest?format=opensearch&q=" + URLEncoder.encode("数字", StandardCharsets.UTF_8));
    assertTrue(r.header("Content-Type").startsWith("application/x-suggestions+json"), r.header("Content-Type"));
    JsonNode body = r.json();
    assertEquals("数字", body.get(0).asText());
    assertTrue(body.get(1).isArray() && body.get(1).size() > 0);
    TestServer.Response xml = server.get("/opensearch.xml");
    assertEquals(200, xml.status());
    assertTrue(xml.header("Content-Type").startsWith("application/opensearchdescription+xml"));
    assertTrue(xml.body().contains("<ShortName>振兴搜索</ShortName>"));
    assertTrue(xml.body().contains("type=\"application/x-suggestions+json\""));
    assertTrue(xml.body().contains(server.base() + "/api/suggest?q={searchTerms}&amp;format=opensearch"));
    TestServer.Response pasted = server.get("/api/suggest?q=" + URLEncoder.encode("\u200b数字", StandardCharsets.UTF_8));
    assertEquals(server.get("/api/suggest?q=" + URLEncoder.encode("数字", StandardCharsets.UTF_8)).json().get("suggestions"),
        pasted.json().get("suggestions"), "a zero-width space pasted along changes nothing");
    TestServer.Response proxied = server.send(server.request("/opensearch.xml").header("X-Forwarded-Proto", "https").GET().build());
    assertTrue(proxied.body().contains(server.base().replace("http://", "https://") + "/?q={searchTerms}"), proxied.body());
    assertTrue(server.get("/").body().contains("href=\"/opensearch.xml\""), "the page links the description");
  }

  @Test
  void bad_suggest_parameters_get_400() throws Exception {
    assertEquals("size", server.get("/api/suggest?q=a&size=0").json().get("error").get("parameter").asText());
    assertEquals("format", server.get("/api/suggest?q=a&format=xml").json().get("error").get("parameter").asText());
    assertEquals("q", server.get("/api/suggest?q=" + "字".repeat(60)).json().get("error").get("parameter").asText());
    assertEquals(400, server.get("/api/suggest?query=a").status());
  }

  @Test
  void article_urls_serve_the_page_to_browsers() throws Exception {
    TestServer.Response page = server.send(server.request("/articles/shenyang-revitalization")
        .header("Accept", "text/html").GET().build());
    assertEquals(200, page.status());
    assertTrue(page.body().contains("id=\"article-view\""));
  }
}
