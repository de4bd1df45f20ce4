package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chinese query understanding over HTTP: traditional, pinyin, synonyms, Latin runs, single characters, did-you-mean. */
class QueryUnderstandingTest {

  @TempDir static Path dir;
  static TestServer server;
  static Path synonyms;

  @BeforeAll
  static void start() throws Exception {
    synonyms = dir.resolve("synonyms.txt");
    Files.writeString(synonyms, "自贸区, 自贸试验区, 自由贸易试验区\n", StandardCharsets.UTF_8);
    server = TestServer.start(TestServer.config(dir.resolve("index")).withAdminToken(TestServer.TOKEN).withSynonymsFile(synonyms));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static JsonNode search(String q) throws Exception {
    return server.search(q, "size=20").json();
  }

  static String firstId(String q) throws Exception {
    return search(q).get("hits").get(0).get("id").asText();
  }

  @Test
  void traditional_characters_find_simplified_text_and_back() throws Exception {
    JsonNode traditional = search("營商環境");
    assertEquals(search("营商环境").get("total"), traditional.get("total"));
    assertEquals(firstId("营商环境"), firstId("營商環境"));
    assertEquals("shenyang-revitalization#12", firstId("數字瀋陽"));
  }

  @Test
  void highlights_stay_exact_on_traditional_text() throws Exception {
    put("trad-demo", "繁體文章\n瀋陽市持續優化營商環境，推動數字經濟發展。");
    try {
      JsonNode hit = null;
      for (JsonNode h : search("营商环境 数字经济").get("hits")) {
        if (h.get("articleId").asText().equals("trad-demo")) {
          hit = h;
        }
      }
      assertEquals("瀋陽市持續優化<mark>營商環境</mark>，推動<mark>數字經濟</mark>發展。", hit.get("highlight").asText());
    } finally {
      delete("trad-demo");
    }
  }

  @Test
  void pinyin_and_initials_find_the_hanzi_terms() throws Exception {
    assertEquals("shenyang-revitalization#12", firstId("shuzi shenyang"));
    assertEquals("shenyang-revitalization#12", firstId("szsy"));
    long hanzi = search("营商环境").get("total").asLong();
    assertEquals(hanzi, search("yingshang huanjing").get("total").asLong());
    assertEquals(hanzi, search("yingshanghuanjing").get("total").asLong());
    assertEquals(hanzi, search("yshj").get("total").asLong());
    long beginning = search("营商").get("total").asLong();
    assertTrue(beginning >= hanzi && hanzi > 0, beginning + " / " + hanzi);
    assertEquals(beginning, search("yingshang").get("total").asLong(), "yingshang alone reads as 营商, as typing it would");
    assertTrue(search("yingshang huanjing").get("hits").get(0).get("highlight").asText().contains("<mark>营商环境</mark>"));
    assertEquals(hitIds("辽宁 营商环境"), hitIds("liaoning yingshang huanjing"), "a place and a topic in pinyin syllables");
    assertFalse(hitIds("jilin qiche").isEmpty());
    assertEquals(hitIds("吉林 汽车"), hitIds("jilin qiche"));
    for (JsonNode hit : search("jilin qiche").get("hits")) {
      assertTrue(hit.get("highlight").asText().contains("<mark>"), "pinyin words are marked as typed words: " + hit);
    }
    assertEquals(hitIds("东北 冰雪"), hitIds("dongbei bingxue"), "东北 read from pinyin stands for its provinces too");
    assertFalse(hitIds("lvyou").isEmpty());
    assertEquals(hitIds("lvyou"), hitIds("lüyou"), "ü typed as such reads as the v keyboards use");
  }

  @Test
  void pinyin_with_several_readings_ranks_the_commonest_first() throws Exception {
    // In the seeds zhongxin reads 中心 (47 paragraphs) and 衷心 (4): the rarer word's higher IDF had put every
    // 衷心 first. Both are still found.
    JsonNode zhongxin = search("zhongxin");
    assertTrue(zhongxin.get("total").asLong() > 47, zhongxin.get("total").asText());
    for (JsonNode hit : zhongxin.get("hits")) {
      assertTrue(hit.get("highlight").asText().contains("<mark>中心</mark>"), hit.get("highlight").asText());
    }
    JsonNode zhengzhi = search("zhengzhi"); // 整治 25, 政治 8
    for (int i = 0; i < 10; i++) {
      String marked = zhengzhi.get("hits").get(i).get("highlight").asText();
      assertTrue(marked.contains("<mark>整治</mark>"), marked);
    }
  }

  @Test
  void places_match_with_or_without_their_suffix_and_exclusions_leave_out_a_place_s_reports() throws Exception {
    put("place-baishan", "纪要\n白山发展矿泉水产业集群。");
    put("place-tonghua", "通化市工作报告\n推动自贸试验区矿泉水产业发展。");
    try {
      assertEquals(java.util.List.of("place-baishan"), articles("白山市 矿泉水"), "白山市 typed finds 白山 written");
      assertEquals(java.util.List.of("place-baishan"), articles("矿泉水 -通化"),
          "a place left out leaves out its report, as typing it selects that report");
      assertEquals(java.util.List.of("place-baishan"), articles("矿泉水 -通化市"));
      assertEquals(java.util.List.of("place-tonghua"), articles("通化 自贸区"));
      assertEquals(java.util.List.of("place-tonghua"), articles("通化自贸区"),
          "typed together with a word that has synonyms, the place still counts in the title");
      assertEquals(java.util.List.of("place-baishan", "place-tonghua"),
          articles("矿泉水怎么样").stream().sorted().toList(), "怎么样 asks; it is not a word to find");
      assertEquals(articles("矿泉水怎么样"), articles("矿泉水咋样"));
      assertEquals(0, search("咋样").get("total").asLong(), "咋样 alone is no search for every 样");
    } finally {
      delete("place-baishan");
      delete("place-tonghua");
    }
  }

  @Test
  void another_way_of_writing_a_word_is_marked_where_it_stands_whole() throws Exception {
    put("ftz-marks", "纪要\n外贸企业扩大贸易规模，推进自由贸易试验区建设。");
    try {
      JsonNode hit = null;
      for (JsonNode h : search("自贸区").get("hits")) {
        if (h.get("articleId").asText().equals("ftz-marks")) {
          hit = h;
        }
      }
      assertEquals("外贸企业扩大贸易规模，推进<mark>自由贸易试验区</mark>建设。", hit.get("highlight").asText(),
          "贸易 alone is no way of writing 自贸区");
    } finally {
      delete("ftz-marks");
    }
  }

  private static void put(String id, String text) throws Exception {
    TestServer.Response put = server.send(server.admin("/api/admin/articles/" + id).header("Content-Type", "text/plain")
        .PUT(BodyPublishers.ofString(text)).build());
    assertEquals(201, put.status(), put.body());
  }

  private static void delete(String id) throws Exception {
    server.send(server.admin("/api/admin/articles/" + id).DELETE().build());
  }

  @Test
  void official_names_regions_traditional_places_and_years_scope_like_places() throws Exception {
    assertFalse(hitIds("内蒙古 煤炭").isEmpty());
    assertEquals(hitIds("内蒙古 煤炭"), hitIds("内蒙古自治区 煤炭"), "自治区 is part of the name, not a word to find");
    assertEquals(hitIds("辽宁 营商环境"), hitIds("遼寧 營商環境"), "a place in traditional characters scopes as one");
    assertEquals(hitIds("辽宁 营商环境"), hitIds("遼寧省 營商環境"));
    // The provinces' reports are about the Northeast without writing 东北: each 冰雪 paragraph of theirs counts.
    java.util.Set<String> northeast = new java.util.HashSet<>(hitIds("东北 冰雪"));
    for (String id : hitIds("冰雪")) {
      if (id.matches("prov-gwr-2026-(辽宁省|吉林省|黑龙江省|内蒙古自治区)#.*")) {
        assertTrue(northeast.contains(id), id + " missing from 东北 冰雪: " + northeast);
      }
    }
    assertEquals(hitIds("东北 冰雪"), hitIds("東北 冰雪"));
    assertFalse(hitIds("东三省 冰雪").isEmpty(), "东三省 stands for its provinces too");
    assertEquals(hitIds("东北 冰雪"), hitIds("东北三省 冰雪"));
    for (String id : hitIds("冰雪 -东北")) {
      assertFalse(id.matches("prov-gwr-2026-(辽宁省|吉林省|黑龙江省|内蒙古自治区)#.*"), "-东北 leaves out its provinces: " + id);
    }
    assertEquals(0, search("东北 -东北").get("total").asLong());
    // 东北 written ranks above its provinces' reports, which only stand for it.
    JsonNode regionHits = server.search("东北", "size=100").json();
    boolean provinceOnly = false;
    for (JsonNode hit : regionHits.get("hits")) {
      boolean written = hit.get("text").asText().contains("东北");
      assertFalse(written && provinceOnly, "a paragraph that says 东北 ranked after one that does not: " + hit.get("id"));
      provinceOnly |= !written;
    }
    assertTrue(provinceOnly, "the provinces' reports are found too");
    assertEquals(hitIds("内蒙古 煤炭"), hitIds("內蒙古自治區 煤炭"), "traditional 自治區 is part of the name too");
    // A year is found in the report's title: the 2026 reports' targets say 今年, not 2026年.
    assertFalse(hitIds("主要预期目标").isEmpty());
    assertEquals(new java.util.HashSet<>(hitIds("主要预期目标")), new java.util.HashSet<>(hitIds("2026年 主要预期目标")));
    assertEquals(0, search("2019年 主要预期目标").get("total").asLong(), "no report of 2019 in the seeds");
    // Typed without a space, the 年 still belongs to the year, not to the term after it (年/营/商 is no word).
    assertFalse(hitIds("2026年 营商环境").isEmpty());
    assertEquals(new java.util.HashSet<>(hitIds("2026年 营商环境")), new java.util.HashSet<>(hitIds("2026年营商环境")));
  }

  @Test
  void a_longer_name_that_contains_a_place_is_not_that_place() throws Exception {
    put("desert", "纪要\n巴丹吉林沙漠治理加快推进。");
    put("chongqing-ne", "纪要\n渝东北地区高铁建设加快。");
    try {
      assertFalse(articles("吉林 沙漠").contains("desert"), "巴丹吉林 is no mention of 吉林");
      assertTrue(articles("巴丹吉林").contains("desert"), "typed, the longer name finds itself");
      assertTrue(articles("巴丹吉林沙漠").contains("desert"));
      assertFalse(articles("东北 高铁").contains("chongqing-ne"), "渝东北 is no mention of 东北");
      assertTrue(articles("渝东北 高铁").contains("chongqing-ne"));
    } finally {
      delete("desert");
      delete("chongqing-ne");
    }
  }

  @Test
  void towards_a_country_is_one_term() throws Exception {
    JsonNode hits = search("对俄合作").get("hits");
    assertTrue(hits.size() > 0);
    for (JsonNode hit : hits) {
      assertTrue(hit.get("text").asText().contains("对俄"), "about relations with 俄罗斯 in general: " + hit.get("id"));
    }
    assertEquals(hitIds("对俄 合作"), hitIds("对俄合作"));
    assertFalse(hitIds("对韩").isEmpty(), "no paragraph writes 对韩: 韩 alone, as the text says 美日韩");
    assertEquals(hitIds("韩"), hitIds("对韩"));
  }

  private static java.util.List<String> hitIds(String q) throws Exception {
    java.util.List<String> ids = new java.util.ArrayList<>();
    search(q).get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  private static java.util.List<String> articles(String q) throws Exception {
    java.util.List<String> ids = new java.util.ArrayList<>();
    search(q).get("hits").forEach(h -> ids.add(h.get("articleId").asText()));
    return ids;
  }

  @Test
  void homophones_do_not_leak_into_hanzi_queries() throws Exception {
    TestServer.Response put = server.send(server.admin("/api/admin/articles/homophone").header("Content-Type", "text/plain")
        .PUT(BodyPublishers.ofString("旅游\n冰雪大世界是哈尔滨最著名的景点之一。")).build());
    assertEquals(201, put.status());
    try {
      assertEquals(1, search("景点").get("total").asLong());
      assertEquals(0, search("经典").get("total").asLong(), "经典 (jingdian) does not find 景点 (jingdian)");
    } finally {
      delete("homophone");
    }
  }

  @Test
  void a_paragraph_that_says_what_was_typed_ranks_above_one_that_only_says_a_longer_synonym() throws Exception {
    // The seeds write 自由贸易试验区 and 自贸试验区, never 自贸区: the longer forms' extra words and bigrams in
    // sequence had outscored any paragraph that says 自贸区 itself.
    put("ftz-short", "自贸区简报\n内蒙古自贸区申建工作稳步推进，口岸经济加快发展，开放平台能级持续提升。");
    try {
      assertEquals("ftz-short#1", firstId("自贸区"));
      assertTrue(search("自由贸易试验区").get("hits").get(0).get("text").asText().contains("自由贸易试验区"),
          "typed in full, the full form still comes first");
    } finally {
      delete("ftz-short");
    }
  }

  @Test
  void a_question_around_a_term_with_synonyms_keeps_its_other_words_loose() throws Exception {
    put("ftz-question", "自贸区简报\n内蒙古自贸区申建工作稳步推进，口岸经济加快发展。");
    try {
      // 地方 is in no paragraph: only the term the rule rewrites is one unit, the question's other words count
      // as any question's do (two of three), where the whole question had been required word for word.
      JsonNode hits = search("哪些地方推进自贸区申建").get("hits");
      assertTrue(hits.size() > 0 && hits.get(0).get("id").asText().equals("ftz-question#1"), hits.toString());
      // Of a question's two topical words the rarer must match: paragraphs that only say 安全 are no answer to
      // 吉林如何保障粮食安全.
      JsonNode grain = search("吉林如何保障粮食安全").get("hits");
      assertTrue(grain.size() > 0, grain.toString());
      grain.forEach(h -> assertTrue(h.get("text").asText().contains("粮食"), h.get("text").asText()));
      // Words that frame the question (哪些省份提出) are no part of what it asks about.
      JsonNode asked = search("哪些省份提出发展冰雪经济").get("hits");
      assertTrue(asked.size() > 0 && asked.get(0).get("text").asText().contains("冰雪经济"), asked.toString());
      // Another way of writing a term is that term in sequence, not its words anywhere: 自由 … 贸易 … 试验区
      // apart is no 自由贸易试验区.
      put("ftz-scattered", "开放简报\n推进贸易自由化，建设试验区和开放平台。");
      for (JsonNode hit : search("自贸区").get("hits")) {
        assertFalse(hit.get("id").asText().equals("ftz-scattered#1"), hit.toString());
      }
    } finally {
      delete("ftz-question");
      delete("ftz-scattered");
    }
  }

  @Test
  void synonyms_expand_abbreviations_and_reload_without_a_reindex() throws Exception {
    JsonNode ftz = search("自贸区");
    assertTrue(ftz.get("total").asLong() >= 5, ftz.get("total").toString());
    assertTrue(ftz.get("hits").get(0).get("text").asText().contains("自由贸易试验区")
        || ftz.get("hits").get(0).get("text").asText().contains("自贸试验区"));
    assertEquals(0, search("冰城").get("total").asLong());

    Files.writeString(synonyms, "自贸区, 自贸试验区, 自由贸易试验区\n冰城 => 哈尔滨\n", StandardCharsets.UTF_8);
    JsonNode reloaded = server.send(server.admin("/api/admin/synonyms/reload").POST(BodyPublishers.noBody()).build()).json();
    assertEquals(2, reloaded.get("rules").asInt());
    assertEquals(400, server.send(server.admin("/api/admin/synonyms/reload?force=1").POST(BodyPublishers.noBody()).build())
        .status(), "an unknown parameter is refused, as on every other endpoint");
    assertEquals(search("哈尔滨").get("total"), search("冰城").get("total"));
    assertTrue(search("冰城").get("total").asLong() > 0);

    Files.writeString(synonyms, "a, b, =>\n", StandardCharsets.UTF_8);
    TestServer.Response broken = server.send(server.admin("/api/admin/synonyms/reload").POST(BodyPublishers.noBody()).build());
    assertEquals(400, broken.status(), broken.body());
    assertTrue(search("冰城").get("total").asLong() > 0, "the previous rules stay in force");

    // Saved in another encoding: refused with the reason, and the searches that notice the change on their
    // own (every two seconds) still answer, with the previous rules.
    Files.write(synonyms, "冰城 => 哈尔滨\n".getBytes(java.nio.charset.Charset.forName("GBK")));
    Files.setLastModifiedTime(synonyms, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    TestServer.Response gbk = server.send(server.admin("/api/admin/synonyms/reload").POST(BodyPublishers.noBody()).build());
    assertEquals(400, gbk.status(), gbk.body());
    assertTrue(gbk.json().get("error").get("message").asText().contains("is not UTF-8 text"), gbk.body());
    Thread.sleep(2_200);
    for (int i = 0; i < 3; i++) {
      TestServer.Response r = server.search("冰城", "");
      assertEquals(200, r.status(), r.body());
      assertTrue(r.json().get("total").asLong() > 0, "the previous rules stay in force");
    }
  }

  @Test
  void single_characters_and_latin_digit_runs_work() throws Exception {
    JsonNode coal = search("煤");
    assertTrue(coal.get("total").asLong() >= 10);
    coal.get("hits").forEach(h -> assertTrue(h.get("text").asText().contains("煤")));
    JsonNode fiveG = search("5G");
    assertTrue(fiveG.get("total").asLong() >= 2);
    fiveG.get("hits").forEach(h -> assertTrue(h.get("text").asText().contains("5G"), h.get("text").asText()));
    assertEquals("prov-gwr-2026-内蒙古自治区#12", firstId("5G基站"));
    assertTrue(search("GDP").get("hits").get(0).get("text").asText().contains("GDP"));
  }

  @Test
  void zero_results_offer_a_corrected_or_relaxed_query() throws Exception {
    JsonNode typo = search("营商环竟");
    assertEquals(0, typo.get("total").asLong());
    assertEquals("营商环境", typo.get("didYouMean").get("query").asText());
    assertEquals("spelling", typo.get("didYouMean").get("reason").asText());
    assertTrue(typo.get("didYouMean").get("total").asLong() > 0);

    JsonNode relaxed = search("数字经济 火星基地");
    assertEquals(0, relaxed.get("total").asLong());
    assertEquals("relaxed", relaxed.get("didYouMean").get("reason").asText());
    assertEquals("数字经济", relaxed.get("didYouMean").get("query").asText());

    assertNull(search("营商环境").get("didYouMean").textValue(), "no proposal when there are results");
    assertFalse(search("营商环境").get("hits").isEmpty());

    // An input method's wrong pick sounds right: 沈杨 shares no bigram with 沈阳, but reads shen yang.
    JsonNode homophone = search("沈杨 数字经济");
    assertEquals(0, homophone.get("total").asLong());
    assertEquals("沈阳 数字经济", homophone.get("didYouMean").get("query").asText(), homophone.toString());
    assertEquals("spelling", homophone.get("didYouMean").get("reason").asText());

    // The wrong pick inside a longer chunk that is no known phrase: the loose characters it left are read
    // as the word that sounds the same, the rest of the chunk kept.
    JsonNode inside = search("黑龙江冰学");
    assertEquals(0, inside.get("total").asLong());
    assertEquals("黑龙江冰雪", inside.get("didYouMean").get("query").asText(), inside.toString());
    assertEquals("spelling", inside.get("didYouMean").get("reason").asText());
    assertEquals("国企改革", search("国企该革").get("didYouMean").get("query").asText());

    // Fixes that read as typed come first, and are written into what surrounds them (from a review that found
    // 营上海境, 全国统一大事场 and 谷子经济 proposed); a word that only sounds like another is not changed into it.
    assertEquals("营商环境", search("营商还境").get("didYouMean").get("query").asText());
    assertEquals("全国统一大市场", search("全国统一大世场").get("didYouMean").get("query").asText());
    assertEquals("数字经济", search("数子经济").get("didYouMean").get("query").asText());
    assertEquals("放管服改革", search("放管服该革").get("didYouMean").get("query").asText(), "written 放管服”改革");
    assertEquals("科技创新", search("科技穿新").get("didYouMean").get("query").asText(), "a middle character wrong");
    assertTrue(search("抚远").get("didYouMean").isNull(), "抚远 is a place of its own, not 复员 misspelt");
    assertTrue(search("辽字号").get("didYouMean").isNull(), "辽字号 is no 川字号: three characters, one that sounds else");
    assertTrue(search("沈阳港").get("didYouMean").isNull(), "沈阳港 is no 沈阳市 misspelt");
    // A word replaced is no slip (from a regression review): a place before a phrase stays.
    JsonNode place = search("沈阳优化营商环境");
    assertTrue(place.get("didYouMean").isNull() || !place.get("didYouMean").get("query").asText().startsWith("持续"),
        place.get("didYouMean").toString());

    // Loose characters of two terms typed together are read as one run written nowhere: split in two, the same
    // words find them (from a regression review, which got 环境 and 巨人 proposed).
    JsonNode split = search("十四五营商环境");
    assertEquals(0, split.get("total").asLong());
    assertEquals("十四五 营商环境", split.get("didYouMean").get("query").asText(), split.toString());
    assertEquals("split", split.get("didYouMean").get("reason").asText());
    assertEquals("专精特新 小巨人", search("专精特新小巨人").get("didYouMean").get("query").asText());

    // A few results found by chance for a misspelt term come with the fix: it finds many more, or it replaces
    // characters written nowhere (the results of 辽宁装被制造 only say 辽宁 and 制造).
    JsonNode few = search("科技创心");
    assertTrue(few.get("total").asLong() > 0 && few.get("total").asLong() < 20, few.get("total").toString());
    assertEquals("科技创新", few.get("didYouMean").get("query").asText());
    assertTrue(few.get("didYouMean").get("total").asLong() > 5 * few.get("total").asLong());
    JsonNode apart = search("辽宁装被制造");
    assertTrue(apart.get("total").asLong() > 0);
    assertEquals("辽宁装备制造", apart.get("didYouMean").get("query").asText());
    // Words that are written, only never together, are no misspelling.
    assertTrue(search("数字火星").get("didYouMean").isNull());
    assertTrue(search("振兴杯").get("didYouMean").isNull(), "振兴 is no fix of 振兴杯: it asks for less");

    JsonNode typoInTwo = search("营商环竟 沈阳");
    assertEquals(0, typoInTwo.get("total").asLong());
    assertEquals("营商环境 沈阳", typoInTwo.get("didYouMean").get("query").asText(), "the misspelt chunk is fixed");
    assertEquals("spelling", typoInTwo.get("didYouMean").get("reason").asText());

    // Quoted, the same help: the phrase spell-fixed and kept quoted, or its words freed and then relaxed.
    assertEquals("\"营商环境\"", search("\"营商环竟\"").get("didYouMean").get("query").asText());
    JsonNode quoted = search("\"冰雪旅游\" 辽宁");
    assertEquals(0, quoted.get("total").asLong());
    assertEquals("冰雪旅游", quoted.get("didYouMean").get("query").asText());
    assertEquals("relaxed", quoted.get("didYouMean").get("reason").asText());
    JsonNode range = search("2026-2099年");
    assertEquals(0, range.get("total").asLong());
    assertTrue(range.get("didYouMean").isNull(), "年 alone is no proposal: " + range.get("didYouMean"));

    put("antler", "纪要\n鹿茸产业链条不断延伸。");
    try {
      JsonNode placed = search("鹿茸 辽宁");
      assertEquals(0, placed.get("total").asLong());
      assertEquals("鹿茸", placed.get("didYouMean").get("query").asText(),
          "the topic is kept, not everything about 辽宁, which has more hits");
      assertNull(search("火星基地 辽宁").get("didYouMean").textValue(), "a bare place is no proposal");
      JsonNode word = search("数字火星 沈阳");
      assertEquals(0, word.get("total").asLong());
      assertEquals("数字 沈阳", word.get("didYouMean").get("query").asText(), "one word out of a chunk");
    } finally {
      delete("antler");
    }
  }

}
