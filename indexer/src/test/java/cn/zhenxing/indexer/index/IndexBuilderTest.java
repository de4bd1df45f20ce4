package cn.zhenxing.indexer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.Seeds;
import cn.zhenxing.indexer.article.FileArticleSource;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.indexer.theme.ThemeTagger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBuilderTest {

  static IndexBuilder builder(int threads) {
    return new IndexBuilder(new ParagraphSplitter(), new ThemeTagger(Taxonomy.defaults()), threads);
  }

  @Test
  void an_article_with_too_many_paragraphs_is_refused_before_its_documents_are_built() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i <= IndexBuilder.MAX_PARAGRAPHS_PER_ARTICLE; i++) {
      text.append("第").append(i).append("项工作已经完成。\n");
    }
    IndexBuilder.Prepared tooMany = builder(1).prepare(
        new cn.zhenxing.indexer.article.Article("big", "大文章", "", "", "", text.toString()), 0);
    assertEquals("10,001 paragraphs: an article may have at most 10,000 (split it into several)", tooMany.problem());
    assertTrue(tooMany.documents().isEmpty());
    text.setLength(0);
    for (int i = 0; i < IndexBuilder.MAX_PARAGRAPHS_PER_ARTICLE; i++) {
      text.append("第").append(i).append("项工作已经完成。\n");
    }
    IndexBuilder.Prepared most = builder(1).prepare(
        new cn.zhenxing.indexer.article.Article("big", "大文章", "", "", "", text.toString()), 0);
    assertEquals(null, most.problem());
    assertEquals(IndexBuilder.MAX_PARAGRAPHS_PER_ARTICLE, most.documents().size());
  }

  @Test
  void seeds_build_into_a_published_generation_with_every_paragraph(@TempDir Path root) throws Exception {
    IndexLayout layout = new IndexLayout(root);
    BuildProgress progress = new BuildProgress();
    GenerationBuilder.Built built = new GenerationBuilder(layout, builder(2), 16)
        .build(FileArticleSource.of(List.of(Seeds.folder().toString())), IndexBuilder.OnError.SKIP, progress, "test");
    layout.publish(built.generation());
    assertEquals(built.generation(), layout.current().orElseThrow());
    assertEquals(295, built.paragraphs());
    assertEquals(5, progress.snapshot().articles());
    assertEquals(0, progress.snapshot().skipped());
    try (FSDirectory dir = FSDirectory.open(built.generation()); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      var hits = searcher.search(new TermQuery(new Term(IndexSchema.ID, "shenyang-revitalization#12")), 1);
      assertEquals(1, hits.totalHits.value);
      StoredParagraph p = ParagraphDocuments.fromDocument(searcher.storedFields().document(hits.scoreDocs[0].doc));
      assertEquals(List.of("digital"), p.themes());
      assertTrue(p.evidence().get("digital").contains("数字经济"));
      assertEquals("贯彻新发展理念，加快新旧动能转换", p.section());
      ListedParagraph listed = ParagraphDocuments.listed(searcher.storedFields(), hits.scoreDocs[0].doc);
      assertEquals(new ListedParagraph(p.id(), p.articleId(), p.paragraph(), p.title(), p.section(), p.date(),
          p.text(), p.themes()), listed, "a hit shows what the stored paragraph holds");
      assertEquals("shenyang-revitalization#12", listed.id());
      assertEquals(15, searcher.count(new TermQuery(ParagraphDocuments.articleTerm("shenyang-revitalization"))));
      assertEquals(IndexSchema.VERSION, reader.getIndexCommit().getUserData().get(IndexSchema.COMMIT_SCHEMA_VERSION));
      for (var leaf : reader.leaves()) {
        var segment = ((org.apache.lucene.index.SegmentReader) leaf.reader()).getSegmentInfo().info;
        assertEquals(ParagraphCodec.NAME, segment.getCodec().getName(), "stored fields in small blocks");
        var fields = leaf.reader().getFieldInfos();
        assertTrue(fields.fieldInfo(IndexSchema.TEXT).hasNorms(), "paragraph length counts for the text");
        assertTrue(fields.fieldInfo(IndexSchema.TEXT_BIGRAMS).hasNorms());
        for (String context : List.of(IndexSchema.TITLE, IndexSchema.SECTION, IndexSchema.CONTEXT_BIGRAMS)) {
          assertFalse(fields.fieldInfo(context).hasNorms(), context + " length says nothing about the paragraph");
        }
      }
    }
  }

  @Test
  void bad_lines_are_skipped_and_reported_or_abort_the_build(@TempDir Path root) throws Exception {
    Path input = root.resolve("in.jsonl");
    Files.writeString(input, String.join("\n",
        "{\"id\":\"b\",\"text\":\"一、只有标题\"}",
        "{\"id\":\"a\",\"text\":\"第一篇文章的正文。\"}",
        "{broken",
        "{\"id\":\"a\",\"text\":\"重复的编号。\"}",
        "{\"id\":\"c\",\"text\":\"第三篇文章的正文。\"}") + "\n", StandardCharsets.UTF_8);
    IndexLayout layout = new IndexLayout(root.resolve("index"));
    BuildProgress progress = new BuildProgress();
    GenerationBuilder.Built built = new GenerationBuilder(layout, builder(2), 16)
        .build(FileArticleSource.of(List.of(input.toString())), IndexBuilder.OnError.SKIP, progress, "test");
    assertEquals(2, built.paragraphs());
    assertEquals(3, progress.snapshot().skipped());
    List<String> reasons = progress.snapshot().problems().stream().map(Object::toString).toList();
    assertEquals(List.of(
        input + ":1: no paragraphs (only a title, headings or metadata)",
        input + ":3: invalid JSON: Unexpected character ('b' (code 98)): was expecting double-quote to start field name (column 2)",
        input + ":4: id \"a\" repeated in this input"), reasons,
        "in input order, though an indexing thread finds line 1's problem after the reader found the others");

    BuildProgress aborted = new BuildProgress();
    BuildAbortedException e = assertThrows(BuildAbortedException.class, () -> new GenerationBuilder(layout, builder(2), 16)
        .build(FileArticleSource.of(List.of(input.toString())), IndexBuilder.OnError.ABORT, aborted, "test"));
    assertEquals(1, e.problem().line(), "the first bad input, though found by an indexing thread");
    assertFalse(Files.exists(root.resolve("index").resolve("gen-000002")), "the half-built generation is removed");
  }

  @Test
  void stale_generations_are_removed_and_the_live_one_kept(@TempDir Path root) throws Exception {
    IndexLayout layout = new IndexLayout(root);
    Path g1 = layout.newGeneration();
    Path g2 = layout.newGeneration();
    Path g3 = layout.newGeneration();
    layout.publish(g2);
    assertEquals(List.of(g1, g3), layout.removeStaleGenerations());
    assertEquals(g2, layout.current().orElseThrow());
    assertTrue(Files.isDirectory(g2));
  }
}
