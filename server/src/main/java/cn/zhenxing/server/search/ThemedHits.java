package cn.zhenxing.server.search;

import cn.zhenxing.server.index.ThemeMasks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * One pass over a query's hits that counts every theme among them (the multi-select counts: the theme filter
 * does not apply to them), counts the hits that pass the theme filter (any of the chosen themes) and, when asked,
 * ranks those. A hit that fails the filter is counted but never scored. This is what DrillSideways computes
 * for one dimension, with themes read from {@link ThemeMasks} instead of doc values.
 */
final class ThemedHits implements CollectorManager<ThemedHits.PerSlice, ThemedHits.Result> {

  /** @param top the best hits that pass the filter (null when only counting); {@code total} counts them all */
  record Result(Map<String, Long> counts, long total, TopDocs top) {}

  private final ThemeMasks masks;
  private final byte[] filter;
  private final TopScoreDocCollectorManager ranking;

  private ThemedHits(ThemeMasks masks, Collection<String> chosen, int topN) {
    this.masks = masks;
    this.filter = masks.anyOf(chosen);
    this.ranking = topN > 0 ? new TopScoreDocCollectorManager(topN, null, Integer.MAX_VALUE) : null;
  }

  /** Counts only: no hit is scored. */
  static ThemedHits counting(ThemeMasks masks, Collection<String> chosen) {
    return new ThemedHits(masks, chosen, 0);
  }

  /** Counts, and the best {@code topN} hits that pass the filter, scoring only those. */
  static ThemedHits ranking(ThemeMasks masks, Collection<String> chosen, int topN) {
    return new ThemedHits(masks, chosen, Math.max(1, topN));
  }

  @Override
  public PerSlice newCollector() throws IOException {
    return new PerSlice(ranking == null ? null : ranking.newCollector());
  }

  @Override
  public Result reduce(Collection<PerSlice> slices) throws IOException {
    long[] counts = new long[masks.themes().size()];
    long total = 0;
    List<TopScoreDocCollector> tops = new ArrayList<>();
    for (PerSlice slice : slices) {
      for (int t = 0; t < counts.length; t++) {
        counts[t] += slice.counts[t];
      }
      total += slice.passed;
      if (slice.top != null) {
        tops.add(slice.top);
      }
    }
    return new Result(masks.asMap(counts), total, ranking == null ? null : ranking.reduce(tops));
  }

  /** The collector of one slice of the index; IndexSearcher runs slices in parallel. */
  final class PerSlice implements Collector {
    private final TopScoreDocCollector top;
    private final long[] counts = new long[masks.themes().size()];
    private long passed;

    private PerSlice(TopScoreDocCollector top) {
      this.top = top;
    }

    @Override
    public ScoreMode scoreMode() {
      return top == null ? ScoreMode.COMPLETE_NO_SCORES : top.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      byte[][] leaf = masks.leaf(context);
      LeafCollector ranked = top == null ? null : top.getLeafCollector(context);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          if (ranked != null) {
            ranked.setScorer(scorer);
          }
        }

        @Override
        public void collect(int doc) throws IOException {
          ThemeMasks.count(leaf, doc, counts);
          if (filter == null || ThemeMasks.passes(leaf, doc, filter)) {
            passed++;
            if (ranked != null) {
              ranked.collect(doc);
            }
          }
        }
      };
    }
  }
}
