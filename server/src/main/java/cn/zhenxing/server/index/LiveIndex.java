package cn.zhenxing.server.index;

import cn.zhenxing.indexer.index.GenerationBuilder;
import cn.zhenxing.indexer.index.IndexSchema;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import cn.zhenxing.indexer.index.ParagraphDocuments;
import cn.zhenxing.indexer.pinyin.PinyinDictionary;
import cn.zhenxing.indexer.suggest.SuggestIndex;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * One open generation: its IndexWriter (the only writer, so edits and searches share it) and a near-real-time
 * SearcherManager over it. Replaced as a whole when a rebuild finishes.
 */
final class LiveIndex implements Closeable {

  /** Threads that search slices of one query in parallel; as many as cores, shared by all searches. */
  private static final java.util.concurrent.ExecutorService SEARCH_THREADS =
      java.util.concurrent.Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
        Thread t = new Thread(r, "search-slice");
        t.setDaemon(true);
        return t;
      });

  private final Path generation;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final SuggestIndex suggestions;
  /**
   * Loaded on first use or by {@link #preloadPinyin()} after start-up (it takes half a second of CPU on a
   * million paragraphs, which start-up should not spend); only pinyin queries wait for it.
   */
  private volatile java.util.concurrent.CompletableFuture<PinyinDictionary> pinyin;
  private final String origin;
  private long nextArticleSeq;

  private LiveIndex(Path generation, FSDirectory directory, IndexWriter writer, SearcherManager searchers,
      SuggestIndex suggestions) {
    this.generation = generation;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.suggestions = suggestions;
    Map<String, String> data = commitData(writer);
    this.nextArticleSeq = Long.parseLong(data.getOrDefault(IndexSchema.COMMIT_NEXT_ARTICLE_SEQ, "0"));
    this.origin = data.getOrDefault(IndexSchema.COMMIT_ORIGIN, "unknown");
  }

  static LiveIndex open(Path generation) throws IOException {
    FSDirectory dir = FSDirectory.open(generation);
    IndexWriter writer = null;
    SearcherManager manager = null;
    try {
      writer = new IndexWriter(dir, IndexSchema.writerConfig(64));
      manager = new SearcherManager(writer, true, false, new FacetedSearcher.Factory(SEARCH_THREADS));
      return new LiveIndex(generation, dir, writer, manager, SuggestIndex.open(generation));
    } catch (IOException | RuntimeException e) {
      if (manager != null) {
        manager.close();
      }
      if (writer != null) {
        writer.rollback();
      }
      dir.close();
      throw e;
    }
  }

  Path generation() {
    return generation;
  }

  SearcherManager searchers() {
    return searchers;
  }

  SuggestIndex suggestions() {
    return suggestions;
  }

  PinyinDictionary pinyin() {
    try {
      return preloadPinyin().join();
    } catch (java.util.concurrent.CompletionException e) {
      return PinyinDictionary.EMPTY; // a broken pinyin.tsv costs pinyin queries, not the server
    }
  }

  synchronized java.util.concurrent.CompletableFuture<PinyinDictionary> preloadPinyin() {
    if (pinyin == null) {
      pinyin = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return PinyinDictionary.load(generation);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, SEARCH_THREADS);
    }
    return pinyin;
  }

  String origin() {
    return origin;
  }

  String schemaVersion() {
    return commitData(writer).getOrDefault(IndexSchema.COMMIT_SCHEMA_VERSION, "none");
  }

  /** Whether this index was built by the schema this code writes. */
  boolean hasCurrentSchema() {
    return IndexSchema.VERSION.equals(schemaVersion());
  }

  synchronized long allocateArticleSeq() {
    return nextArticleSeq++;
  }

  /**
   * The document-order number of an existing article, so a replaced article keeps its place, or -1 when the
   * article is not in the index.
   */
  long articleSeq(String articleId) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(ParagraphDocuments.articleTerm(articleId)), 1);
      if (top.scoreDocs.length == 0) {
        return -1;
      }
      int doc = top.scoreDocs[0].doc;
      LeafReaderContext leaf = searcher.getIndexReader().leaves().get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
      NumericDocValues seq = leaf.reader().getNumericDocValues(IndexSchema.ARTICLE_SEQ);
      return seq != null && seq.advanceExact(doc - leaf.docBase) ? seq.longValue() : -1;
    } finally {
      searchers.release(searcher);
    }
  }

  /** How many paragraphs the article has in the latest committed view. */
  int paragraphCount(String articleId) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.count(new TermQuery(ParagraphDocuments.articleTerm(articleId)));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Replaces every paragraph of an article in one atomic step (a search sees all old or all new paragraphs,
   * never both or neither). Not durable until {@link #commit()}.
   */
  synchronized void replaceArticle(String articleId, Iterable<Document> paragraphs) throws IOException {
    Term key = ParagraphDocuments.articleTerm(articleId);
    writer.updateDocuments(key, paragraphs);
  }

  /** Deletes an article's paragraphs. Not durable until {@link #commit()}. */
  synchronized void deleteArticle(String articleId) throws IOException {
    writer.deleteDocuments(ParagraphDocuments.articleTerm(articleId));
  }

  /**
   * False once the writer has closed itself after a failed write (a full disk, a folder made read-only), or
   * was rolled back after one: Lucene then refuses every later edit, so the generation must be opened again.
   */
  boolean writable() {
    return writer.isOpen();
  }

  /**
   * Drops every change since the last commit and closes the writer: an edit that could not be committed must
   * not ride along with the next one that can (a refused DELETE was carried out by the next PUT).
   */
  synchronized void discardUncommitted() {
    try {
      writer.rollback();
    } catch (IOException | RuntimeException e) {
      // Already closed by Lucene itself, with the same effect.
    }
  }

  /** The writer; tests close it to see edits recover. */
  IndexWriter writer() {
    return writer;
  }

  /** Makes every change so far durable (it survives a crash) and visible to new searches. */
  synchronized void commit() throws IOException {
    writer.setLiveCommitData(GenerationBuilder.commitData(nextArticleSeq, origin).entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  private static Map<String, String> commitData(IndexWriter writer) {
    Map<String, String> data = new java.util.HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return data;
  }

  @Override
  public void close() throws IOException {
    try {
      suggestions.close();
      searchers.close();
    } finally {
      try {
        writer.close();
      } finally {
        directory.close();
      }
    }
  }
}
