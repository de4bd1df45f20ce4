package cn.zhenxing.server.index;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;


/**
 * An IndexSearcher that carries the themes of its reader's paragraphs ({@link ThemeMasks}). Reading them walks
 * every theme's postings, so it is done once per reader (when the searcher is refreshed), never per query.
 */
public final class FacetedSearcher extends IndexSearcher {

  private final ThemeMasks themes;

  FacetedSearcher(IndexReader reader, java.util.concurrent.Executor executor) throws IOException {
    super(reader, executor);
    this.themes = ThemeMasks.of(reader);
  }

  /** The themes of this reader's paragraphs. */
  public ThemeMasks themes() {
    return themes;
  }

  /**
   * Creates {@link FacetedSearcher}s for a SearcherManager. They share one executor, which lets a single
   * search over a large index use every core (segments are searched in parallel slices).
   */
  static final class Factory extends SearcherFactory {
    private final java.util.concurrent.Executor executor;

    Factory(java.util.concurrent.Executor executor) {
      this.executor = executor;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
      return new FacetedSearcher(reader, executor);
    }
  }
}
