package cn.zhenxing.server.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.article.Article;
import cn.zhenxing.indexer.article.ArticleInput;
import cn.zhenxing.indexer.article.ArticleSource;
import cn.zhenxing.indexer.article.FileArticleSource;
import cn.zhenxing.indexer.index.BuildProgress;
import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.index.ParagraphDocuments;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.indexer.theme.ThemeTagger;
import cn.zhenxing.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Article edits made while a rebuild reads its source are carried over to the rebuilt index, so the switch
 * loses none — including the delete of an article that only the source being read holds.
 */
class EditsDuringRebuildTest {

  @Test
  void edits_made_during_a_rebuild_survive_the_switch(@TempDir Path dir) throws Exception {
    IndexBuilder builder = new IndexBuilder(new ParagraphSplitter(), new ThemeTagger(Taxonomy.defaults()), 2);
    try (IndexService index = IndexService.open(new IndexLayout(dir.resolve("index")), builder,
        () -> FileArticleSource.of(List.of(TestServer.seeds().toString())))) {
      index.upsert(article("old", "改版之前就有的文章。"));

      CountDownLatch reading = new CountDownLatch(1);
      CountDownLatch edited = new CountDownLatch(1);
      ArticleSource upload = sink -> {
        sink.accept(new ArticleInput.Ok(article("old", "上传的新版本。"), "upload", 1));
        sink.accept(new ArticleInput.Ok(article("upload-only", "只在上传里的文章。"), "upload", 2));
        reading.countDown();
        try {
          assertTrue(edited.await(60, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        sink.accept(new ArticleInput.Ok(article("kept", "上传里保留的文章。"), "upload", 3));
      };
      CompletableFuture<IndexService.Rebuilt> rebuild = CompletableFuture.supplyAsync(() -> {
        try {
          return index.rebuild(upload, IndexBuilder.OnError.SKIP, new BuildProgress(), "upload");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertTrue(reading.await(60, TimeUnit.SECONDS));

      index.upsert(article("late", "改版期间新增的文章。"));
      assertEquals(new IndexService.Deleted(1, true), index.delete("old"), "deleted live, and from the rebuild");
      assertEquals(new IndexService.Deleted(0, true), index.delete("upload-only"),
          "not live yet: left out of the rebuild");
      edited.countDown();

      assertEquals(3, rebuild.get(60, TimeUnit.SECONDS).editsReplayed());
      assertEquals(1, articleParagraphs(index, "kept"));
      assertEquals(1, articleParagraphs(index, "late"), "an upsert during the rebuild is kept");
      assertEquals(0, articleParagraphs(index, "old"), "a delete during the rebuild beats the upload's version");
      assertEquals(0, articleParagraphs(index, "upload-only"), "so does one of an article only the upload holds");
      assertEquals(new IndexService.Deleted(0, false), index.delete("upload-only"), "nothing left to delete");
    }
  }

  private static Article article(String id, String text) {
    return new Article(id, "", "", "", "", text);
  }

  private static int articleParagraphs(IndexService index, String articleId) throws Exception {
    try (IndexService.Lease lease = index.acquire()) {
      return lease.searcher().count(new TermQuery(ParagraphDocuments.articleTerm(articleId)));
    }
  }
}
