package cn.zhenxing.server.index;

import cn.zhenxing.indexer.index.IndexSchema;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The themes of every paragraph as bit masks, one byte per paragraph for each 8 themes, read once per reader
 * from the facet drill-down terms. Counting themes over a search's hits is then one array read per hit, where
 * Lucene's SortedSetDocValuesFacetCounts decodes each hit's ordinals from doc values: on the 1M bench index that
 * was 6–9% of all search CPU, and searches of 200k hits spent milliseconds in it. The memory is that of one
 * bitset per theme (a million paragraphs and four themes: 1 MB).
 */
public final class ThemeMasks {

  private final List<String> themes;
  /** By leaf ord, then group of 8 themes, then document. */
  private final byte[][][] masks;
  private final Map<String, Long> all;

  private ThemeMasks(List<String> themes, byte[][][] masks, Map<String, Long> all) {
    this.themes = themes;
    this.masks = masks;
    this.all = all;
  }

  static ThemeMasks of(IndexReader reader) throws IOException {
    String field = IndexSchema.facetsConfig().getDimConfig(IndexSchema.THEME).indexFieldName;
    BytesRef prefix = new BytesRef(FacetsConfig.pathToString(IndexSchema.THEME) + FacetsConfig.DELIM_CHAR);
    TreeSet<String> found = new TreeSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
        continue;
      }
      for (BytesRef term = te.term(); term != null && StringHelper.startsWith(term, prefix); term = te.next()) {
        String[] path = FacetsConfig.stringToPath(term.utf8ToString());
        if (path.length == 2) {
          found.add(path[1]);
        }
      }
    }
    List<String> themes = List.copyOf(found);
    byte[][][] masks = new byte[reader.leaves().size()][][];
    long[] all = new long[themes.size()];
    for (LeafReaderContext leaf : reader.leaves()) {
      byte[][] leafMasks = new byte[groups(themes.size())][leaf.reader().maxDoc()];
      Bits live = leaf.reader().getLiveDocs();
      for (int t = 0; t < themes.size(); t++) {
        PostingsEnum docs = leaf.reader().postings(DrillDownQuery.term(field, IndexSchema.THEME, themes.get(t)),
            PostingsEnum.NONE);
        if (docs == null) {
          continue;
        }
        byte[] group = leafMasks[t >> 3];
        byte bit = bit(t);
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          group[doc] |= bit;
          if (live == null || live.get(doc)) {
            all[t]++;
          }
        }
      }
      masks[leaf.ord] = leafMasks;
    }
    return new ThemeMasks(themes, masks, asMap(themes, all));
  }

  /** Every theme some paragraph has, sorted by id; counts are indexed alike. */
  public List<String> themes() {
    return themes;
  }

  /**
   * The masks of a leaf of this reader, {@code [group][doc]}: theme {@code t} is bit {@code t % 8} of group
   * {@code t / 8}.
   */
  public byte[][] leaf(LeafReaderContext context) {
    return masks[context.ord];
  }

  /**
   * The masks selecting paragraphs with any of {@code chosen} (one byte per group), or null when none is chosen.
   * A theme no paragraph has selects nothing.
   */
  public byte[] anyOf(Collection<String> chosen) {
    if (chosen.isEmpty()) {
      return null;
    }
    byte[] filter = new byte[groups(themes.size())];
    for (String theme : chosen) {
      int t = themes.indexOf(theme);
      if (t >= 0) {
        filter[t >> 3] |= bit(t);
      }
    }
    return filter;
  }

  private static int groups(int themes) {
    return (themes + 7) / 8;
  }

  /** Theme {@code t}'s bit within its group {@code t / 8}. */
  private static byte bit(int t) {
    return (byte) (1 << (t & 7));
  }

  /**
   * Adds the themes of {@code doc} to {@code counts} (indexed like {@link #themes()}).
   *
   * @param leaf the masks of the document's leaf, from {@link #leaf}
   */
  public static void count(byte[][] leaf, int doc, long[] counts) {
    for (int g = 0; g < leaf.length; g++) {
      for (int themes = leaf[g][doc] & 0xFF; themes != 0; themes &= themes - 1) {
        counts[(g << 3) + Integer.numberOfTrailingZeros(themes)]++;
      }
    }
  }

  /** Whether {@code doc} has any theme {@code filter} (from {@link #anyOf}) selects. */
  public static boolean passes(byte[][] leaf, int doc, byte[] filter) {
    for (int g = 0; g < leaf.length; g++) {
      if ((leaf[g][doc] & filter[g]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Theme counts over every paragraph of the reader. */
  public Map<String, Long> all() {
    return all;
  }

  /** Counts indexed like {@link #themes()}, as a map by theme id without the themes counted 0. */
  public Map<String, Long> asMap(long[] counts) {
    return asMap(themes, counts);
  }

  private static Map<String, Long> asMap(List<String> themes, long[] counts) {
    Map<String, Long> map = new HashMap<>();
    for (int t = 0; t < themes.size(); t++) {
      if (counts[t] > 0) {
        map.put(themes.get(t), counts[t]);
      }
    }
    return Map.copyOf(map);
  }
}
