package cn.zhenxing.indexer.paragraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.Seeds;
import cn.zhenxing.indexer.article.Article;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParagraphSplitterTest {

  private final ParagraphSplitter splitter = new ParagraphSplitter();

  private ParsedArticle article(String id) {
    return Seeds.articles().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void shenyang_article_title_headings_source_and_paragraphs() {
    ParsedArticle a = article("shenyang-revitalization");
    assertEquals("阔步新征程 担当新使命沈阳：全面振兴全方位振兴实现新突破", a.title());
    assertEquals("中共沈阳市委宣传部", a.source());
    assertEquals(15, a.paragraphs().size());
    // Pieces 2, 7 and 14 are headings, 0 the title and 19 the source line: none is a paragraph.
    assertEquals(List.of(1, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18),
        a.paragraphs().stream().map(Paragraph::number).toList());
    Paragraph digital = a.paragraphs().stream().filter(p -> p.number() == 12).findFirst().orElseThrow();
    assertEquals("shenyang-revitalization#12", digital.id());
    assertTrue(digital.text().startsWith("推动数字沈阳建设。"));
    assertEquals("贯彻新发展理念，加快新旧动能转换", digital.section());
    Paragraph first = a.paragraphs().get(0);
    assertEquals("", first.section());
    assertEquals("立足新发展阶段，加快建设“创新沈阳”", a.paragraphs().get(1).section());
    assertEquals(List.of("立足新发展阶段，加快建设“创新沈阳”"), a.paragraphs().get(1).headings());
    assertEquals(List.of(), a.paragraphs().get(2).headings());
  }

  @Test
  void a_paragraph_the_source_repeats_word_for_word_is_indexed_once() {
    String block = "经济建设取得新的进展，国民生产总值比上年增长百分之五以上。";
    ParsedArticle a = splitter.split(new Article("report", "政府工作报告", "", "", "",
        "政府工作报告\n同志们：\n" + block + "\n改革开放继续深化，对外贸易稳步增长，利用外资有所增加。\n同志们：\n" + block));
    assertEquals(List.of("同志们：", block, "改革开放继续深化，对外贸易稳步增长，利用外资有所增加。", "同志们："),
        a.paragraphs().stream().map(Paragraph::text).toList(), "a short line may recur; the long one is kept once");
    assertEquals(List.of(1, 2, 3, 4), a.paragraphs().stream().map(Paragraph::number).toList(),
        "the others keep their numbers");
  }

  @Test
  void chapter_headings_bylines_captions_and_dated_source_lines() {
    ParsedArticle law = splitter.split(new Article("law", "上海市专利保护条例", "", "", "",
        "上海市专利保护条例\n第一章 总则\n第一条 为了加强专利保护，制定本条例。\n第二章 专利促进\n第十条 市人民政府应当推动专利转化。"));
    assertEquals(Map.of(), law.metadata(), "第一章 总则 is a heading, not a byline");
    assertEquals("第一章 总则", law.paragraphs().get(0).section());
    assertEquals("第二章 专利促进", law.paragraphs().get(1).section());

    ParsedArticle news = splitter.split(new Article("news", "冰城新闻", "", "", "",
        "冰城新闻\n2026-04-02 10:30 来源：辽宁日报\n本报记者 张三 李四\n哈尔滨冰雪大世界迎来游客高峰。\n"
            + "图为游客在冰雪大世界游玩。（记者 王五 摄）\n冰雕展吸引各地游客。"));
    assertEquals("辽宁日报", news.source());
    assertEquals("2026-04-02 10:30", news.date());
    assertEquals("本报记者 张三 李四", news.metadata().get("署名"));
    assertEquals(List.of("哈尔滨冰雪大世界迎来游客高峰。", "冰雕展吸引各地游客。"),
        news.paragraphs().stream().map(Paragraph::text).toList(), "the caption is no paragraph");
    assertEquals(List.of(), news.paragraphs().get(0).headings());
  }

  @Test
  void work_report_metadata_subtitle_byline_and_numbered_sections() {
    ParsedArticle a = article("prov-gwr-2026-辽宁省");
    assertEquals("2026年辽宁省政府工作报告", a.title());
    assertEquals("2026年1月27日在辽宁省第十四届人民代表大会第五次会议上", a.subtitle());
    assertEquals(Map.of("来源", "辽宁日报", "时间", "2026-02-01", "署名", "省长 王新伟"), a.metadata());
    assertEquals("2026-02-01", a.date());
    Paragraph p8 = a.paragraphs().stream().filter(p -> p.number() == 8).findFirst().orElseThrow();
    assertEquals("一、2025年和“十四五”时期工作回顾", p8.section());
    Paragraph p48 = a.paragraphs().stream().filter(p -> p.number() == 48).findFirst().orElseThrow();
    assertEquals("（四）以优化营商环境为基础，全面深化改革", p48.section(), "lead sentence of a numbered paragraph");
    assertTrue(p48.text().startsWith("（四）以优化营商环境为基础"), "the lead stays in the paragraph");
    Paragraph p49 = a.paragraphs().stream().filter(p -> p.number() == 49).findFirst().orElseThrow();
    assertEquals("（四）以优化营商环境为基础，全面深化改革", p49.section(), "section carries to later paragraphs");
    assertFalse(a.paragraphs().stream().anyMatch(p -> p.text().startsWith("相关报道") || p.text().startsWith("来源")));
  }

  @Test
  void seeds_split_into_the_measured_number_of_paragraphs() {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    Seeds.articles().forEach(a -> counts.put(a.id(), a.paragraphs().size()));
    assertEquals(Map.of(
        "shenyang-revitalization", 15,
        "prov-gwr-2026-辽宁省", 85,
        "prov-gwr-2026-吉林省", 56,
        "prov-gwr-2026-黑龙江省", 91,
        "prov-gwr-2026-内蒙古自治区", 48), counts);
  }

  @Test
  void text_with_crlf_bom_stray_spaces_and_full_width_breaks() {
    String text = "\uFEFF  标题在这里 \r\n\r\n一、总体要求\r\n  这是第一段，讲发展。　　这是第二段，讲改革。 \r\n\t\r\n来源：测试日报\r\n相关报道：\r\n另一篇报道";
    ParsedArticle a = splitter.split(new Article("t1", "", "", "", "", text));
    assertEquals("标题在这里", a.title());
    assertEquals(List.of("这是第一段，讲发展。", "这是第二段，讲改革。"), a.paragraphs().stream().map(Paragraph::text).toList());
    assertEquals("一、总体要求", a.paragraphs().get(0).section());
    assertEquals("测试日报", a.source());
    assertEquals(List.of("另一篇报道"), a.related());
  }

  @Test
  void lines_wrapped_inside_a_paragraph_are_joined_and_the_wikisource_licence_dropped() {
    // As Wikisource's work reports come (national-work-reports.jsonl): blank lines between paragraphs, every
    // linked term on a line of its own, the licence under the text.
    String text = "政府工作报告\n\n各位代表：\n\n——生态文明建设持续推进。城市细颗粒物（PM\n2.5\n）平均浓度下降9.1%。\n\n"
        + "一、过去一年工作回顾\n\n根据《\n中华人民共和国著作权法\n》，我们推进\n法律\n、\n法规\n的实施。\n\n"
        + "第一，\n承认阶级斗争还没有结束。\n\n要全面深化各领域改\n\u200b\n革，加快发展。\n\n"
        + "本模板所指的决定包括由中华人民共和国主席令公布的修改或废止法律的决定。\n\n"
        + "本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件，及其官方正式译文。"
        + "根据《\n中华人民共和国著作权法\n》第五条第一项，本作品不适用于该法，在\n中国大陆\n，也可能在其他管辖区，属于\n公有领域\n。\n\n"
        + "注：中文维基文库社群认为，中华人民共和国公务演讲，\n不总是\n具有立法、行政、司法性质的文件。\n\n"
        + "Public domain\nPublic domain\nfalse\nfalse";
    ParsedArticle a = splitter.split(new Article("ws", "", "", "", "", text));
    assertEquals(List.of("各位代表：", "——生态文明建设持续推进。城市细颗粒物（PM2.5）平均浓度下降9.1%。",
        "根据《中华人民共和国著作权法》，我们推进法律、法规的实施。", "第一，承认阶级斗争还没有结束。",
        "要全面深化各领域改革，加快发展。"),
        a.paragraphs().stream().map(Paragraph::text).toList());
    assertEquals("一、过去一年工作回顾", a.paragraphs().get(2).section());

    // One paragraph per line (most texts): a short line is a heading, not the start of the next paragraph;
    // only a line that stops inside brackets goes on.
    ParsedArticle lines = splitter.split(new Article("lines", "报告", "", "", "",
        "一、总体要求\n推进发展。\n重点任务\n加强建设。\n（\n三）改革开放持续深化。\n扩大开放。"));
    assertEquals(List.of("推进发展。", "加强建设。", "扩大开放。"), lines.paragraphs().stream().map(Paragraph::text).toList());
    assertEquals(List.of("一、总体要求", "重点任务", "（三）改革开放持续深化"),
        lines.paragraphs().stream().map(Paragraph::section).toList());
  }

  @Test
  void a_list_number_alone_on_its_line_begins_the_next_line() {
    // As the 1986 report (wikisource-gwr-053) sets them: a full-width-space line, the number, then its item.
    String text = "基本任务是：\n\n\u3000\u3000\n（一）\n进一步为经济体制改革创造良好的环境。\n\n\u3000\u3000\n（二）\n"
        + "保持经济的持续稳定增长。\n一、\n继续增加能源、交通、通信和原材料等基础设施和基础工业的投资，提高投资效益。\n（三）\n（四）完善制度。加强监督。\n五、\n总体要求\n推进发展。";
    ParsedArticle a = splitter.split(new Article("n", "报告", "", "", "", text));
    assertEquals(List.of("基本任务是：", "（一）进一步为经济体制改革创造良好的环境。", "（二）保持经济的持续稳定增长。",
        "一、继续增加能源、交通、通信和原材料等基础设施和基础工业的投资，提高投资效益。", "（三）", "（四）完善制度。加强监督。", "推进发展。"),
        a.paragraphs().stream().map(Paragraph::text).toList());
    assertEquals(List.of("", "", "", "", "", "（四）完善制度", "五、总体要求"), a.paragraphs().stream().map(Paragraph::section).toList(),
        "a list item is no heading; a number with a title is one");
  }

  @Test
  void title_repeated_as_first_line_is_not_a_paragraph() {
    ParsedArticle a = splitter.split(new Article("t2", "报告", "2026", "src", "", "报告\n正文第一段。"));
    assertEquals(1, a.paragraphs().size());
    assertEquals(1, a.paragraphs().get(0).number());
    assertEquals("src", a.source());
  }

  @Test
  void line_kinds() {
    assertTrue(LineKind.isHeading("立足新发展阶段，加快建设“创新沈阳”"));
    assertTrue(LineKind.isHeading("三、全力抓好七项重点工作"));
    assertTrue(LineKind.isHeading("（一）立足壮大实体经济，建设体现内蒙古特色优势的现代化产业体系。"));
    assertTrue(LineKind.isHeading("第一章 总则"));
    assertFalse(LineKind.isHeading("各位代表："));
    assertFalse(LineKind.isHeading("主要做了以下工作。"));
    assertFalse(LineKind.isHeading("第一条 为了规范管理，制定本办法。"));
    assertTrue(LineKind.isByline("省长 王新伟"));
    assertTrue(LineKind.isCaption("自治区人民政府主席包钢作政府工作报告。本报记者 韩卿立 摄"));
    assertTrue(LineKind.isSubtitle("——2026年1月27日在辽宁省第十四届人民代表大会第五次会议上"));
    assertFalse(LineKind.isSubtitle("——这五年综合经济实力大幅提升。经济总量达到2.67万亿元。"));
  }
}
