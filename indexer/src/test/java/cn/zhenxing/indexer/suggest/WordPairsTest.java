package cn.zhenxing.indexer.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.index.IndexSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPairsTest {

  private static Map<String, Long> compounds(Path dir, List<String> paragraphs, long budget) throws Exception {
    try (FSDirectory d = FSDirectory.open(dir)) {
      try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (String p : paragraphs) {
          Document doc = new Document();
          doc.add(new StoredField("text", p));
          w.addDocument(doc);
        }
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        return WordPairs.of(r, "text", budget);
      }
    }
  }

  private static final List<String> TEXT = List.of(
      "发展冰雪经济。", "推动冰雪经济高质量发展", "壮大冰雪经济，做强冰雪旅游", "冰雪经济成为新引擎", "哈尔滨冰雪经济火热",
      "我们必须坚持", "今年我们必须做到", "为此我们必须加快", "对此我们必须明确", "因而我们必须努力",
      "共同富裕迈出坚实步伐", "共同富裕迈出坚实步伐", "共同富裕迈出坚实步伐", "共同富裕迈出坚实步伐", "共同富裕迈出坚实步伐",
      "城市更新行动", "推进城市更新。", "城市更新，", "开展城市更新试点");

  @Test
  void two_words_written_together_in_many_sentences_are_a_compound(@TempDir Path dir) throws Exception {
    Map<String, Long> found = compounds(dir, TEXT, WordPairs.DEFAULT_BUDGET_CHARS);
    assertEquals(5L, found.get("冰雪经济"), found.toString());
    assertFalse(found.containsKey("冰雪旅游"), "one paragraph is not enough: " + found);
    assertFalse(found.containsKey("城市更新"), "four paragraphs are not enough: " + found);
    assertFalse(found.containsKey("我们必须"), "grammar words make no term: " + found);
    // The same sentence repeated has the same neighbours every time: a fragment of it, not a term.
    assertFalse(found.containsKey("共同富裕") || found.containsKey("富裕迈出") || found.containsKey("坚实步伐"),
        found.toString());
    assertEquals(1, found.size(), found.toString());
    assertTrue(compounds(dir.resolve("none"), List.of(), 100).isEmpty());
  }

  @Test
  void a_pair_mostly_written_inside_a_longer_term_gives_way_to_it(@TempDir Path dir) throws Exception {
    Map<String, Long> found = compounds(dir, List.of(
        "推进基本公共服务均等化", "基本公共服务更加均衡", "完善基本公共服务体系", "提升基本公共服务水平", "加强基本公共文化建设",
        "优化基本公共服务。", "基本公共卫生服务",
        // 等 after it is a one-character word, no part of the term
        "推动东北地区等老工业基地振兴", "东北地区经济回升", "支持东北地区等地", "东北地区，", "振兴东北地区等"),
        WordPairs.DEFAULT_BUDGET_CHARS);
    assertTrue(found.containsKey("基本公共服务") && !found.containsKey("基本公共"), found.toString());
    assertTrue(found.containsKey("东北地区"), found.toString());
  }

  @Test
  void a_compound_may_end_with_an_action_done_to_its_first_word(@TempDir Path dir) throws Exception {
    Map<String, Long> found = compounds(dir, List.of(
        "推动经济发展。", "经济发展稳中向好", "促进经济发展，", "实现经济发展目标", "保持经济发展势头",
        "发展经济", "推动经济", "振兴经济", "壮大经济",
        // a manner of doing, not a thing done to: never after an action
        "稳妥推进改革。", "稳妥推进试点", "坚持稳妥推进，", "要稳妥推进各项", "稳妥推进落实"),
        WordPairs.DEFAULT_BUDGET_CHARS);
    assertTrue(found.containsKey("经济发展"), found.toString());
    assertFalse(found.containsKey("稳妥推进"), found.toString());
  }

  @Test
  void the_same_paragraphs_give_the_same_compounds_whatever_order_the_threads_wrote_them_in(@TempDir Path dir)
      throws Exception {
    // Neighbours count from a pair's third paragraph on: read in doc id order, which of these came first decided
    // between 数字经济 and 数字经济核心.
    List<String> text = List.of("推动数字经济核心产业发展", "做强数字经济核心区", "壮大数字经济核心产业", "发展数字经济。", "数字经济，");
    Map<String, Long> inOrder = null;
    for (boolean reversed : new boolean[] {false, true}) {
      Path index = dir.resolve(reversed ? "reversed" : "in-order");
      try (FSDirectory d = FSDirectory.open(index)) {
        try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
          for (int i = 0; i < text.size(); i++) {
            int k = reversed ? text.size() - 1 - i : i;
            Document doc = new Document();
            doc.add(new StoredField("text", text.get(k)));
            doc.add(new NumericDocValuesField(IndexSchema.ARTICLE_SEQ, 1));
            doc.add(new NumericDocValuesField(IndexSchema.PARAGRAPH, k));
            w.addDocument(doc);
          }
        }
        try (DirectoryReader r = DirectoryReader.open(d)) {
          Map<String, Long> found = WordPairs.of(r, "text", WordPairs.DEFAULT_BUDGET_CHARS);
          if (inOrder == null) {
            inOrder = found;
            assertEquals(Map.of("数字经济", 5L), found, "in the article's order, 核心 follows in two of the three counted");
          } else {
            assertEquals(inOrder, found);
          }
        }
      }
    }
  }

  @Test
  void words_with_one_character_pieces_make_a_term_when_they_recur_in_varied_sentences(@TempDir Path dir)
      throws Exception {
    // SmartChinese cuts these into 碳/达/峰 and 高/质量/发展: no word of the index is the term people type.
    Map<String, Long> found = compounds(dir, List.of(
        "积极稳妥推进碳达峰。", "实施碳达峰行动", "碳达峰目标如期实现", "围绕碳达峰，", "做好碳达峰工作",
        "推动高质量发展。", "高质量发展取得新成效", "实现高质量发展，", "以高质量发展为主题", "促进县域高质量发展",
        // joined by 和, counted (一批), a verb's complement (认识到): phrases, not terms
        "巩固和发展。", "要巩固和发展成果", "继续巩固和发展，", "进一步巩固和发展好", "必须巩固和发展下去",
        "建成一批项目。", "推出一批，", "新增一批企业", "培育一批龙头", "落地一批工程",
        "认识到问题。", "深刻认识到，", "我们认识到这", "充分认识到了", "要认识到差距",
        // four characters cut one by one (专/精/特/新) are a term whatever ends it; 进入新 is no term
        "培育专精特新企业", "专精特新“小巨人”", "支持专精特新发展", "新增专精特新中小企业", "专精特新，",
        "进入新阶段。", "经济进入新常态", "发展进入新时代", "改革进入新境界", "事业进入新征程"),
        WordPairs.DEFAULT_BUDGET_CHARS);
    assertEquals(5L, found.get("碳达峰"), found.toString());
    assertEquals(5L, found.get("高质量发展"), found.toString());
    assertEquals(5L, found.get("专精特新"), found.toString());
    assertFalse(found.containsKey("进入新"), found.toString());
    // a fragment of the term, always written inside it, is no term
    for (String fragment : List.of("碳达", "达峰", "高质量", "质量发展")) {
      assertFalse(found.containsKey(fragment), fragment + " in " + found);
    }
    for (String phrase : List.of("巩固和发展", "建成一批", "一批项目", "认识到")) {
      assertFalse(found.containsKey(phrase), phrase + " in " + found);
    }
  }

  @Test
  void a_sample_spans_the_whole_index_not_its_first_paragraphs(@TempDir Path dir) throws Exception {
    List<String> paragraphs = new java.util.ArrayList<>();
    for (int i = 0; i < WordPairs.PROBE + 3000; i++) {
      paragraphs.add("第" + i + "条"); // the first files: laws, say
    }
    for (int i = 0; i < 20; i++) {
      paragraphs.addAll(TEXT); // the reports at the end: 冰雪经济 in 100 paragraphs
    }
    long probe = paragraphs.subList(0, WordPairs.PROBE).stream().mapToLong(String::length).sum();
    long rest = paragraphs.stream().mapToLong(String::length).sum() - probe;
    Map<String, Long> found = compounds(dir, paragraphs, probe + rest / 4);
    assertTrue(found.containsKey("冰雪经济"), "read every fourth paragraph or so to the end: " + found);
    long weight = found.get("冰雪经济");
    assertTrue(weight >= 60 && weight <= 160, "scaled to about 100 paragraphs: " + weight);
  }
}
