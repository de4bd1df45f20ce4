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
  private volatile java.util.Map<String, Long> allCounts;

  FacetedSearcher(IndexReader reader, java.util.concurrent.Executor executor) throws IOException {
    super(reader, executor);
    this.facetState = hasFacets(reader)
        ? new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetsConfig())
        : null;
  }

  /** The facet state, or null when no paragraph in this reader has a theme (an empty or theme-less index). */
  public SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  /**
   * Theme counts over every paragraph, computed once per reader: browsing (no query) asks for them on every
   * page, and counting a million paragraphs each time would be the whole cost of the request.
   */
  public java.util.Map<String, Long> allThemeCounts() throws IOException {
    java.util.Map<String, Long> counts = allCounts;
    if (counts == null) {
      counts = new java.util.HashMap<>();
      if (facetState != null) {
        var facets = new org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts(facetState);
        var result = facets.getTopChildren(1000, IndexSchema.THEME);
        if (result != null) {
          for (var lv : result.labelValues) {
            counts.put(lv.label, lv.value.longValue());
          }
        }
      }
      allCounts = java.util.Map.copyOf(counts);
      counts = allCounts;
    }
    return counts;
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
