package cn.zhenxing.server.search;

import cn.zhenxing.indexer.article.FileArticleSource;
import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.indexer.theme.ThemeTagger;
import cn.zhenxing.server.TestServer;
import cn.zhenxing.server.index.IndexService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The repository's seeds indexed under {@code dir}, with the default taxonomy, as the server does on first start. */
final class SeedIndex {

  private SeedIndex() {}

  static IndexService open(Path dir) throws IOException, InterruptedException {
    IndexBuilder builder = new IndexBuilder(new ParagraphSplitter(), new ThemeTagger(Taxonomy.defaults()), 2);
    return IndexService.open(new IndexLayout(dir.resolve("index")), builder,
        () -> FileArticleSource.of(List.of(TestServer.seeds().toString())));
  }
}
