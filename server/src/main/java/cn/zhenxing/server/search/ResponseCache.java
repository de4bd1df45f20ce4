package cn.zhenxing.server.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;

/**
 * Recent search responses, least recently used first out, like Solr's queryResultCache. A key includes the
 * searched reader and the synonyms in force, so any change to the index (an upsert, a rebuild) or to the
 * synonyms makes older entries unreachable; they age out. Partial (timed-out) responses are never cached.
 */
final class ResponseCache {

  private record Key(Object reader, Object synonyms, String q, List<String> themes, int page, int size) {}

  private final int capacity;
  private final Map<Key, SearchResponse> entries;

  /** @param capacity entries kept; 0 switches caching off */
  ResponseCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(Math.max(16, capacity), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, SearchResponse> eldest) {
        return size() > ResponseCache.this.capacity;
      }
    };
  }

  SearchResponse get(IndexReader reader, Synonyms synonyms, SearchRequest r) {
    if (capacity == 0) {
      return null;
    }
    synchronized (entries) {
      return entries.get(key(reader, synonyms, r));
    }
  }

  void put(IndexReader reader, Synonyms synonyms, SearchRequest r, SearchResponse response) {
    if (capacity == 0 || response.partial()) {
      return;
    }
    synchronized (entries) {
      entries.put(key(reader, synonyms, r), response);
    }
  }

  private static Key key(IndexReader reader, Synonyms synonyms, SearchRequest r) {
    // The reader's cache key identifies this exact point-in-time view of the index; the synonyms object is
    // replaced whenever the rules are reloaded.
    return new Key(reader.getReaderCacheHelper().getKey(), synonyms, r.q(), r.themes(), r.page(), r.size());
  }
}
