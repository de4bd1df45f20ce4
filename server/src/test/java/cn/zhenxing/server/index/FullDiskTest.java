package cn.zhenxing.server.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.zhenxing.indexer.article.Article;
import cn.zhenxing.indexer.article.FileArticleSource;
import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.index.ParagraphDocuments;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.indexer.theme.ThemeTagger;
import cn.zhenxing.server.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk (a 40 MB tmpfs; needs root to mount, skipped otherwise): an edit the disk cannot take is
 * refused and never carried out later, and edits work again once there is room, without a restart.
 */
class FullDiskTest {

  @Test
  void a_refused_edit_is_never_carried_out_later(@TempDir Path dir) throws Exception {
    Path disk = Files.createDirectories(dir.resolve("disk"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", disk.toString()) == 0,
        "mounting a small disk needs root");
    try {
      IndexBuilder builder = new IndexBuilder(new ParagraphSplitter(), new ThemeTagger(Taxonomy.defaults()), 2);
      try (IndexService index = IndexService.open(new IndexLayout(disk.resolve("index")), builder,
          () -> FileArticleSource.of(List.of(TestServer.seeds().toString())))) {
        int before = paragraphs(index, "shenyang-revitalization");
        Path filler = disk.resolve("filler");
        fill(filler);
        assertThrows(IndexService.NotWritableException.class, () -> index.delete("shenyang-revitalization"));
        assertEquals(before, paragraphs(index, "shenyang-revitalization"), "searches still see the article");
        Files.delete(filler);
        index.upsert(new Article("small", "", "", "", "", "磁盘腾出空间以后的文章。"));
        assertEquals(1, paragraphs(index, "small"), "edits work again without a restart");
        assertEquals(before, paragraphs(index, "shenyang-revitalization"), "the refused DELETE was not carried out");
      }
    } finally {
      run("umount", disk.toString());
    }
  }

  private static void fill(Path file) throws IOException {
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // No space left on device: the disk is full.
    }
  }

  private static int paragraphs(IndexService index, String articleId) throws IOException {
    try (IndexService.Lease lease = index.acquire()) {
      return lease.searcher().count(new TermQuery(ParagraphDocuments.articleTerm(articleId)));
    }
  }

  private static int run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }
}
