package cn.zhenxing.server.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.article.Article;
import cn.zhenxing.indexer.article.FileArticleSource;
import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.index.ParagraphDocuments;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.indexer.theme.ThemeTagger;
import cn.zhenxing.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed write (a full disk, a folder made read-only) makes Lucene's IndexWriter close itself and refuse
 * every later edit. The server must not stay that way until a restart: the next edit opens the generation
 * again, and searches go on meanwhile.
 */
class EditRecoveryTest {

  @Test
  void edits_work_again_after_the_writer_closed_itself(@TempDir Path dir) throws Exception {
    IndexBuilder builder = new IndexBuilder(new ParagraphSplitter(), new ThemeTagger(Taxonomy.defaults()), 2);
    try (IndexService index = IndexService.open(new IndexLayout(dir.resolve("index")), builder,
        () -> FileArticleSource.of(List.of(TestServer.seeds().toString())))) {
      index.upsert(new Article("before", "", "", "", "", "写入失败之前的文章。"));
      // What a failed write leaves behind: the writer rolled back to the last commit and closed.
      index.live().writer().rollback();
      assertFalse(index.live().writable());
      assertEquals(1, articleParagraphs(index, "before"), "searches go on from the last commit");

      IndexService.Upserted after = index.upsert(new Article("after", "", "", "", "", "写入恢复之后的文章。"));
      assertTrue(after.created());
      assertTrue(index.live().writable(), "the generation was opened again for the edit");
      assertEquals(1, articleParagraphs(index, "after"));
      assertEquals(1, articleParagraphs(index, "before"));
      assertEquals(1, index.delete("before").paragraphs());
      assertEquals(297 - 1, index.paragraphCount());
    }
  }

  private static int articleParagraphs(IndexService index, String articleId) throws Exception {
    try (IndexService.Lease lease = index.acquire()) {
      return lease.searcher().count(new TermQuery(ParagraphDocuments.articleTerm(articleId)));
    }
  }
}
