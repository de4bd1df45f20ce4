package cn.zhenxing.server.index;

import cn.zhenxing.indexer.index.IndexSchema;
import java.io.IOException;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * An IndexSearcher that carries the facet state for its reader. Building that state maps every facet value to
 * an ordinal across segments, so it is done once per reader (when the searcher is refreshed), never per query.
 */
public final class FacetedSearcher extends IndexSearcher {

  private final SortedSetDocValuesReaderState facetState;

  FacetedSearcher(IndexReader reader) throws IOException {
    super(reader);
    this.facetState = hasFacets(reader)
        ? new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetsConfig())
        : null;
  }

  /** The facet state, or null when no paragraph in this reader has a theme (an empty or theme-less index). */
  public SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  private static boolean hasFacets(IndexReader reader) throws IOException {
    String field = IndexSchema.facetsConfig().getDimConfig(IndexSchema.THEME).indexFieldName;
    for (var leaf : reader.leaves()) {
      if (leaf.reader().getSortedSetDocValues(field) != null) {
        return true;
      }
    }
    return false;
  }

  /** Creates {@link FacetedSearcher}s for a SearcherManager. */
  static final class Factory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
      return new FacetedSearcher(reader);
    }
  }
}
