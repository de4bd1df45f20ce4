package cn.zhenxing.indexer.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.paragraph.Paragraph;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.paragraph.ParsedArticle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every input format, read from real files (samples of ../shared/corpus kept in test resources). */
class FileArticleSourceTest {

  static final Path SAMPLES = Path.of("src/test/resources/samples");

  static List<ArticleInput> read(String... paths) throws Exception {
    List<ArticleInput> out = new ArrayList<>();
    FileArticleSource.of(List.of(paths)).read(out::add);
    return out;
  }

  static Map<String, ParsedArticle> parsed(List<ArticleInput> inputs) {
    Map<String, ParsedArticle> out = new TreeMap<>();
    ParagraphSplitter splitter = new ParagraphSplitter();
    for (ArticleInput in : inputs) {
      ParsedArticle a = splitter.split(((ArticleInput.Ok) in).article());
      out.put(a.id(), a);
    }
    return out;
  }

  @Test
  void damaged_gzip_and_other_encodings_are_reported_and_the_next_file_is_read(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    java.nio.file.Files.write(dir.resolve("a-empty.jsonl.gz"), new byte[0]);
    java.nio.file.Files.write(dir.resolve("b-not-gzip.jsonl.gz"), "{\"id\":\"x\",\"text\":\"正文\"}\n".getBytes());
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      for (int i = 0; i < 200; i++) {
        out.write(("{\"id\":\"c" + i + "\",\"text\":\"第" + i + "篇正文。\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    byte[] whole = gz.toByteArray();
    java.nio.file.Files.write(dir.resolve("c-cut.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length - 20));
    java.io.ByteArrayOutputStream mixed = new java.io.ByteArrayOutputStream();
    for (int i = 1; i <= 2000; i++) { // more than a read buffer of good lines before the bad one
      mixed.write(("{\"id\":\"d" + i + "\",\"text\":\"第" + i + "篇。\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    mixed.write("{\"id\":\"gbk\",\"text\":\"沈阳\"}\n".getBytes(java.nio.charset.Charset.forName("GBK")));
    mixed.write("{\"id\":\"d2002\",\"text\":\"之后的一篇。\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    java.nio.file.Files.write(dir.resolve("d-gbk.jsonl"), mixed.toByteArray());
    java.nio.file.Files.writeString(dir.resolve("e-good.jsonl"), "{\"id\":\"e1\",\"text\":\"沈阳振兴。\"}\n");

    List<ArticleInput> inputs = read(dir.toString());
    List<String> problems = new ArrayList<>();
    List<String> ok = new ArrayList<>();
    for (ArticleInput in : inputs) {
      if (in instanceof ArticleInput.Bad bad) {
        problems.add(Path.of(bad.problem().file()).getFileName() + ":" + bad.problem().line() + " " + bad.problem().reason());
      } else {
        ok.add(((ArticleInput.Ok) in).article().id());
      }
    }
    assertEquals(4, problems.size(), problems.toString());
    assertEquals("a-empty.jsonl.gz:0 not a gzip file, or an empty one", problems.get(0));
    assertTrue(problems.get(1).startsWith("b-not-gzip.jsonl.gz:0 not a gzip file"), problems.get(1));
    assertTrue(problems.get(2).startsWith("c-cut.jsonl.gz:") && problems.get(2).contains("gzip data is damaged or cut short")
        && problems.get(2).endsWith("the rest of this input is skipped"), problems.get(2));
    assertEquals("d-gbk.jsonl:2001 not UTF-8 text (save the file as UTF-8)", problems.get(3));
    for (String id : List.of("d1", "d2000", "d2002")) {
      assertTrue(ok.contains(id), "every UTF-8 line before and after it is read: " + id);
    }
    assertFalse(ok.contains("gbk"), "nothing of another encoding is indexed as U+FFFD");
    assertEquals("e1", ok.get(ok.size() - 1), "the files after the bad ones are read");
  }

  @Test
  void a_folder_is_walked_recursively_and_reads_txt_and_html() throws Exception {
    Map<String, ParsedArticle> articles = parsed(read(SAMPLES.resolve("folder").toString()));
    assertEquals(List.of("gwr-1954", "jilin-report"), List.copyOf(articles.keySet()));

    ParsedArticle txt = articles.get("gwr-1954");
    assertEquals("1954年中华人民共和国国务院政府工作报告", txt.title());
    assertEquals("各位代表：", txt.paragraphs().get(0).text());
    assertTrue(txt.paragraphs().stream().anyMatch(p -> p.text().startsWith("中華人民共和國憲法，接着，又通過了")),
        "a line starting with ， continues the one before");
  }

  @Test
  void html_page_keeps_the_article_and_drops_navigation_scripts_and_footer() throws Exception {
    ParsedArticle html = parsed(read(SAMPLES.resolve("folder/nested/jilin-report.html").toString())).get("jilin-report");
    assertEquals("2026年吉林省政府工作报告", html.title());
    assertEquals("吉林日报", html.source());
    assertEquals("2026-02-01", html.date());
    assertEquals("https://example.gov.cn/jl/2026/gzbg.html", html.url());
    String all = String.join("\n", html.paragraphs().stream().map(Paragraph::text).toList());
    assertTrue(all.contains("现在，我代表省政府，向大会报告工作"), all);
    for (String noise : List.of("不应被索引", "首页", "政务公开", "console.log", "tracker")) {
      assertFalse(all.contains(noise), "dropped: " + noise);
    }
    assertEquals("一、工作回顾", html.paragraphs().stream().filter(p -> p.text().startsWith("2025年是")).findFirst()
        .orElseThrow().section());
  }

  @Test
  void jsonl_and_gzipped_jsonl_by_glob() throws Exception {
    List<ArticleInput> inputs = read(SAMPLES + "/*.jsonl*");
    Map<String, ParsedArticle> articles = parsed(inputs);
    assertEquals(5, articles.size());
    assertTrue(articles.containsKey("prov-gwr-2026-上海市"));
    assertTrue(articles.keySet().stream().anyMatch(id -> id.startsWith("law-")));
    ParsedArticle law = articles.values().stream().filter(a -> a.title().equals("上海口岸服务条例")).findFirst().orElseThrow();
    assertTrue(law.paragraphs().stream().anyMatch(p -> p.text().startsWith("第一条")), "law articles are paragraphs");
    assertTrue(law.paragraphs().stream().anyMatch(p -> p.section().startsWith("第一章")), "chapters are sections");
    assertEquals(5, FileArticleSource.of(List.of(SAMPLES + "/*.jsonl*")).expectedArticles().getAsLong());
  }

  @Test
  void missing_paths_unmatched_globs_and_unknown_types_are_reported() throws Exception {
    List<ArticleInput> inputs = read("no/such/file.jsonl", SAMPLES + "/*.xml", "pom.xml");
    assertEquals(List.of(
        "no/such/file.jsonl: no such file or folder",
        SAMPLES + "/*.xml: no file matches this pattern",
        "pom.xml: unsupported file type: only .txt, .html, .htm, .jsonl and .jsonl.gz are read"),
        inputs.stream().map(i -> ((ArticleInput.Bad) i).problem().toString()).toList());
  }

  @Test
  void a_folder_lists_the_files_it_cannot_read(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("a.txt"), "标题\n正文。");
    java.nio.file.Files.write(dir.resolve("b.docx"), new byte[] {1, 2, 3});
    java.nio.file.Files.writeString(dir.resolve(".DS_Store"), "x");
    List<ArticleInput> inputs = read(dir.toString());
    assertEquals(2, inputs.size());
    assertTrue(inputs.get(0) instanceof ArticleInput.Ok);
    assertEquals(dir.resolve("b.docx") + ": unsupported file type: only .txt, .html, .htm, .jsonl and .jsonl.gz are read",
        ((ArticleInput.Bad) inputs.get(1)).problem().toString());
  }
}
