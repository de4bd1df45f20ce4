package cn.zhenxing.bench;

import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.indexer.theme.ThemeTagger;
import cn.zhenxing.server.index.IndexService;
import cn.zhenxing.server.search.ParagraphSearcher;
import cn.zhenxing.server.search.QueryContext;
import cn.zhenxing.server.search.SynonymSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Our searcher opened in-process on an existing index, configured as the server runs it (all query features,
 * the built-in taxonomy and synonyms, a 2 s time limit) but without the response cache, so every call searches.
 */
final class InProcessSearch implements AutoCloseable {

  private final IndexService index;
  private final ParagraphSearcher searcher;

  private InProcessSearch(IndexService index, ParagraphSearcher searcher) {
    this.index = index;
    this.searcher = searcher;
  }

  static InProcessSearch open(Path indexDir) throws IOException, InterruptedException {
    Taxonomy taxonomy = Taxonomy.defaults();
    IndexBuilder builder = new IndexBuilder(new ParagraphSplitter(), new ThemeTagger(taxonomy), 1);
    IndexService index = IndexService.open(new IndexLayout(indexDir), builder, () -> {
      throw new IllegalStateException("no index in " + indexDir);
    });
    return new InProcessSearch(index,
        new ParagraphSearcher(index, taxonomy, new SynonymSource(null), QueryContext.Features.ALL, 2000));
  }

  ParagraphSearcher searcher() {
    return searcher;
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
