package cn.zhenxing.server.index;

import cn.zhenxing.indexer.index.IndexSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
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
  /** More themes than any taxonomy will have; the facet queue is sized by it. */
  static final int MAX_THEMES = 1000;

  private volatile Map<String, Long> allCounts;

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
  public Map<String, Long> allThemeCounts() throws IOException {
    Map<String, Long> counts = allCounts;
    if (counts == null) {
      counts = facetState == null ? Map.of() : themeCounts(new SortedSetDocValuesFacetCounts(facetState));
      allCounts = counts;
    }
    return counts;
  }

  /** Theme counts of the paragraphs {@code matches} holds, by theme id (themes with no paragraph absent). */
  public Map<String, Long> themeCounts(FacetsCollector matches) throws IOException {
    return themeCounts(new SortedSetDocValuesFacetCounts(facetState, matches));
  }

  /** The theme counts of {@code facets}, by theme id. */
  public static Map<String, Long> themeCounts(Facets facets) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    FacetResult result = facets.getTopChildren(MAX_THEMES, IndexSchema.THEME);
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        counts.put(lv.label, lv.value.longValue());
      }
    }
    return Map.copyOf(counts);
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
