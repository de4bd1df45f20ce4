package cn.zhenxing.server.index;

import cn.zhenxing.indexer.article.ArticleSource;
import cn.zhenxing.indexer.index.BuildAbortedException;
import cn.zhenxing.indexer.index.BuildProgress;
import cn.zhenxing.indexer.index.GenerationBuilder;
import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.index.IndexSchema;
import cn.zhenxing.indexer.index.NothingIndexedException;
import cn.zhenxing.indexer.pinyin.PinyinDictionary;
import cn.zhenxing.indexer.suggest.SuggestIndex;
import cn.zhenxing.indexer.article.Article;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the live index of the server: opens it at start (building it from the seeds when there is none, or
 * when it was built from the seeds by an older schema), hands out searchers, and swaps in rebuilt generations
 * without interrupting searches.
 */
public final class IndexService implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);

  private final IndexLayout layout;
  private final IndexBuilder builder;
  private final AtomicReference<LiveIndex> live = new AtomicReference<>();
  /** Serialises changes to the live index: article edits and the switch to a rebuilt generation. */
  private final ReentrantLock writeLock = new ReentrantLock();
  /** Edits made while a rebuild runs, replayed onto the new generation before it goes live; else null. */
  private List<ArticleEdit> editsDuringRebuild;

  /** This process's hold on the index folder, for as long as the service is open. */
  private final java.io.Closeable folderLock;

  private IndexService(IndexLayout layout, IndexBuilder builder, java.io.Closeable folderLock) {
    this.layout = layout;
    this.builder = builder;
    this.folderLock = folderLock;
  }

  /**
   * Opens the index in {@code layout}, first removing generations a crash left behind. When there is no live
   * index, or the live one came from the seeds under an older schema, builds one from {@code seeds}.
   */
  public static IndexService open(IndexLayout layout, IndexBuilder builder, Supplier<ArticleSource> seeds)
      throws IOException, InterruptedException {
    IndexService service = new IndexService(layout, builder, layout.lock());
    try {
      service.openOrBootstrap(seeds);
    } catch (IOException | InterruptedException | RuntimeException e) {
      service.close();
      throw e;
    }
    return service;
  }

  private void openOrBootstrap(Supplier<ArticleSource> seeds) throws IOException, InterruptedException {
    // layout.lock() (in open) has made sure the folder is an index folder: leftovers can go.
    for (Path removed : layout.removeStaleGenerations()) {
      LOG.info("Removed leftover index generation {}", removed);
    }
    Optional<Path> current = layout.current();
    if (current.isPresent()) {
      LiveIndex index = LiveIndex.open(current.get());
      if (!index.hasCurrentSchema() && "seeds".equals(index.origin())) {
        LOG.info("Index {} was built by schema {}, this is schema {}: rebuilding from the seeds",
            current.get(), index.schemaVersion(), IndexSchema.VERSION);
        index.close();
      } else {
        if (!index.hasCurrentSchema()) {
          LOG.warn("Index {} was built by schema {} but this is schema {}: reindex it (POST /api/admin/reindex)",
              current.get(), index.schemaVersion(), IndexSchema.VERSION);
        }
        live.set(index);
        LOG.info("Serving index {} ({} paragraphs)", current.get(), paragraphCount());
        return;
      }
    }
    bootstrapFrom(seeds.get());
  }

  private void bootstrapFrom(ArticleSource seeds) throws IOException, InterruptedException {
    BuildProgress progress = new BuildProgress();
    GenerationBuilder.Built built;
    try {
      built = new GenerationBuilder(layout, builder, 128)
          .build(seeds, IndexBuilder.OnError.SKIP, progress, "seeds");
    } catch (BuildAbortedException e) {
      throw new IllegalStateException("unreachable: seeds are built with OnError.SKIP", e);
    } catch (NothingIndexedException e) {
      // An empty index published now would be served, empty, by every later start as well.
      throw new IllegalArgumentException("there is no index yet and the seeds give none: " + e.getMessage()
          + " (--seeds DIR: a folder of .txt, .html or .jsonl articles)");
    }
    BuildProgress.Snapshot s = progress.snapshot();
    s.problems().forEach(p -> LOG.warn("Skipped seed input {}", p));
    layout.publish(built.generation());
    layout.removeStaleGenerations();
    live.set(LiveIndex.open(built.generation()));
    LOG.info("Built index {} from the seeds: {} articles, {} paragraphs in {} ms",
        built.generation(), s.articles(), s.paragraphs(), s.elapsedMillis());
  }

  /**
   * An edit refused because the live index was built by another schema version: its fields may be indexed
   * differently from the documents this server writes (Lucene rejects such documents), and committing would
   * stamp it with a version it does not have. A reindex brings it to this schema.
   */
  public static final class StaleSchemaException extends IllegalStateException {
    StaleSchemaException(String built) {
      super("the live index was built by schema " + built + " and this server writes schema " + IndexSchema.VERSION
          + ": rebuild it first (POST /api/admin/reindex), then edit articles");
    }
  }

  /** The outcome of an upsert: how many paragraphs the article now has and whether it is new. */
  public record Upserted(String articleId, int paragraphs, boolean created) {}

  /** An edit of one article, kept so it can be replayed onto a generation being rebuilt. */
  private sealed interface ArticleEdit {
    record Upsert(Article article) implements ArticleEdit {}

    record Delete(String articleId) implements ArticleEdit {}
  }

  /**
   * Adds or replaces one article: its old paragraphs are replaced by the new ones atomically, committed (so
   * the change survives a crash once this returns) and visible to searches at once.
   *
   * @throws IllegalArgumentException when the article has no paragraphs, or too many
   * @throws StaleSchemaException when the live index was built by another schema version
   */
  public Upserted upsert(Article article) throws IOException {
    writeLock.lock();
    try {
      LiveIndex index = editable();
      int before = index.paragraphCount(article.id());
      int paragraphs = written(index, () -> {
        int n = apply(index, new ArticleEdit.Upsert(article));
        index.commit();
        return n;
      });
      if (editsDuringRebuild != null) {
        editsDuringRebuild.add(new ArticleEdit.Upsert(article));
      }
      return new Upserted(article.id(), paragraphs, before == 0);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * What a delete did: the paragraphs it removed from the live index, and whether a rebuild is running that
   * will leave the article out too (the source it reads may hold an article the live index does not).
   */
  public record Deleted(int paragraphs, boolean fromRebuild) {}

  /**
   * Deletes one article from the live index and, while a rebuild runs, from the index it builds. Nothing
   * changes when neither may hold it: no rebuild runs and the live index does not have it.
   */
  public Deleted delete(String articleId) throws IOException {
    writeLock.lock();
    try {
      LiveIndex index = editable();
      int paragraphs = index.paragraphCount(articleId);
      if (paragraphs > 0) {
        written(index, () -> {
          apply(index, new ArticleEdit.Delete(articleId));
          index.commit();
          return null;
        });
      }
      if (editsDuringRebuild != null) {
        editsDuringRebuild.add(new ArticleEdit.Delete(articleId));
      }
      return new Deleted(paragraphs, editsDuringRebuild != null);
    } finally {
      writeLock.unlock();
    }
  }

  /** The live generation's index; for tests in this package. */
  LiveIndex live() {
    return live.get();
  }

  private LiveIndex editable() throws IOException {
    LiveIndex index = live.get();
    if (!index.writable()) {
      index = reopen(index);
    }
    if (!index.hasCurrentSchema()) {
      throw new StaleSchemaException(index.schemaVersion());
    }
    return index;
  }

  /**
   * Opens the live generation again after its writer closed itself on a failed write, so edits work again
   * once the cause is gone (the disk has room again) without a restart. Searches go on meanwhile: the old
   * searchers stay usable until the new ones are in place.
   */
  private LiveIndex reopen(LiveIndex broken) throws IOException {
    LiveIndex fresh;
    try {
      fresh = LiveIndex.open(broken.generation());
    } catch (IOException | RuntimeException e) {
      throw new NotWritableException(e);
    }
    live.set(fresh);
    closeQuietly(broken);
    LOG.info("Reopened index {} for edits after a failed write", broken.generation());
    return fresh;
  }

  /**
   * Runs an edit and its commit. One that cannot be written keeps nothing: what it changed in memory is
   * dropped with the writer, which the next edit opens again; the last commit is what is on disk and served.
   */
  private static <T> T written(LiveIndex index, org.apache.lucene.util.IOSupplier<T> write) throws IOException {
    try {
      return write.get();
    } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
      LOG.error("An article edit could not be written", e);
      index.discardUncommitted();
      throw new NotWritableException(e);
    }
  }

  /**
   * The index cannot be written now (the disk is full, the folder is read-only): the edit was not made, the
   * index on disk is as it was after the last edit, and searches still work. The next edit tries again.
   */
  public static final class NotWritableException extends IOException {
    NotWritableException(Throwable cause) {
      super("the index cannot be written (" + rootMessage(cause) + "); the edit was not made and the index is as"
          + " it was; searches still work, and the next edit tries again", cause);
    }

    private static String rootMessage(Throwable t) {
      Throwable root = t;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
  }

  private int apply(LiveIndex index, ArticleEdit edit) throws IOException {
    if (edit instanceof ArticleEdit.Delete d) {
      index.deleteArticle(d.articleId());
      return 0;
    }
    Article article = ((ArticleEdit.Upsert) edit).article();
    long existing = index.articleSeq(article.id());
    long seq = existing >= 0 ? existing : index.allocateArticleSeq();
    IndexBuilder.Prepared prepared = builder.prepare(article, seq);
    if (prepared.problem() != null) {
      throw new IllegalArgumentException("the article has " + prepared.problem());
    }
    index.replaceArticle(article.id(), prepared.documents());
    return prepared.documents().size();
  }

  /** What a rebuild produced. */
  public record Rebuilt(Path generation, long paragraphs, int editsReplayed) {}

  /**
   * Rebuilds the whole index from {@code source} beside the live one, then switches to it atomically:
   * searches keep answering from the old index during the build and see the new one right after the
   * switch. Article edits made during the build are replayed onto the new index first, so none is lost. On
   * failure (or an abort on a bad line) the live index is untouched.
   */
  public Rebuilt rebuild(ArticleSource source, IndexBuilder.OnError onError, BuildProgress progress, String origin)
      throws IOException, BuildAbortedException, InterruptedException, NothingIndexedException {
    try (Rebuild rebuild = prepareRebuild()) {
      return rebuild.run(source, onError, progress, origin);
    }
  }

  /**
   * Starts recording article edits for a rebuild whose source is not ready yet (an upload still arriving):
   * an edit acknowledged from now on is replayed onto what the rebuild builds, though the upload holds an older
   * version of that article. {@link Rebuild#close() Close} the rebuild if it never runs.
   *
   * @throws IllegalStateException when another rebuild is prepared or running
   */
  public Rebuild prepareRebuild() {
    writeLock.lock();
    try {
      if (editsDuringRebuild != null) {
        throw new IllegalStateException("a rebuild is already running");
      }
      editsDuringRebuild = new ArrayList<>();
      return new Rebuild();
    } finally {
      writeLock.unlock();
    }
  }

  /** One rebuild, from the moment edits are recorded for it until it has switched or been given up. */
  public final class Rebuild implements AutoCloseable {
    private boolean over;

    private Rebuild() {}

    /** Builds from {@code source} and switches to it, as {@link IndexService#rebuild} describes; once. */
    public Rebuilt run(ArticleSource source, IndexBuilder.OnError onError, BuildProgress progress, String origin)
        throws IOException, BuildAbortedException, InterruptedException, NothingIndexedException {
      if (over) {
        throw new IllegalStateException("this rebuild has run or been given up");
      }
      try {
        GenerationBuilder.Built built = new GenerationBuilder(layout, builder, 256).build(source, onError, progress, origin);
        return switchTo(built);
      } finally {
        close();
      }
    }

    /** Stops recording edits for this rebuild, if it has not finished already. */
    @Override
    public void close() {
      writeLock.lock();
      try {
        if (!over) {
          over = true;
          editsDuringRebuild = null;
        }
      } finally {
        writeLock.unlock();
      }
    }
  }

  private Rebuilt switchTo(GenerationBuilder.Built built) throws IOException {
    writeLock.lock();
    try {
      List<ArticleEdit> edits = editsDuringRebuild;
      LiveIndex fresh = LiveIndex.open(built.generation());
      try {
        for (ArticleEdit edit : edits) {
          apply(fresh, edit);
        }
        fresh.commit();
        layout.publish(built.generation());
      } catch (IOException | RuntimeException e) {
        fresh.close();
        IndexLayout.deleteRecursively(built.generation());
        throw e;
      }
      LiveIndex old = live.getAndSet(fresh);
      closeQuietly(old);
      IndexLayout.deleteRecursively(old.generation());
      LOG.info("Switched to rebuilt index {} ({} paragraphs built, {} edits replayed)",
          built.generation(), built.paragraphs(), edits.size());
      return new Rebuilt(built.generation(), built.paragraphs(), edits.size());
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(LiveIndex index) {
    try {
      index.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Error closing replaced index {}", index.generation(), e);
    }
  }

  /** A searcher to use for one request; always {@link Lease#close() close} it. */
  public Lease acquire() throws IOException {
    while (true) {
      LiveIndex index = live.get();
      try {
        FacetedSearcher searcher = (FacetedSearcher) index.searchers().acquire();
        return new Lease(index, searcher);
      } catch (AlreadyClosedException e) {
        // A rebuild swapped the live index between reading the reference and acquiring: use the new one.
        if (live.get() == index) {
          throw e;
        }
      }
    }
  }

  /** A searcher on loan from the live index. */
  public static final class Lease implements AutoCloseable {
    private final LiveIndex index;
    private final FacetedSearcher searcher;

    private Lease(LiveIndex index, FacetedSearcher searcher) {
      this.index = index;
      this.searcher = searcher;
    }

    public FacetedSearcher searcher() {
      return searcher;
    }

    /** The pinyin dictionary of the generation this searcher reads. */
    public PinyinDictionary pinyin() {
      return index.pinyin();
    }

    /** The suggestions of the generation this searcher reads. */
    public SuggestIndex suggestions() {
      return index.suggestions();
    }

    @Override
    public void close() throws IOException {
      index.searchers().release(searcher);
    }
  }

  /** Hanzi readings of typed pinyin whose completions are suggested: yingshang → 营商 → 营商环境. */
  static final int PINYIN_READINGS = 3;

  /**
   * Search-box suggestions from the live generation's suggest index: for {@code typed}, then for its other
   * ways of writing (see {@link SuggestIndex#lookup(String, List, int)}), then, for pinyin or initials typed
   * without an input method (yingshang, szsy, yings half typed), for the hanzi they read as in this index.
   */
  public List<SuggestIndex.Suggestion> suggest(String typed, List<String> otherWritings, int size) throws IOException {
    boolean pinyin = PinyinDictionary.looksLikePinyin(typed);
    while (true) {
      LiveIndex index = live.get();
      try {
        List<String> writings = new java.util.ArrayList<>(otherWritings);
        if (pinyin) {
          List<PinyinDictionary.Candidate> readings = index.pinyin().typing(typed);
          if (readings.isEmpty() && typed.contains(" ")) {
            readings = index.pinyin().typing(typed.replace(" ", "")); // ying shang: 营商, the start of 营商环境
          }
          readings.stream().limit(PINYIN_READINGS).forEach(reading -> writings.add(reading.hanzi()));
        }
        return index.suggestions().lookup(typed, writings, size);
      } catch (AlreadyClosedException e) {
        if (live.get() == index) {
          throw e;
        }
      }
    }
  }

  /** Starts loading the live generation's pinyin dictionary, so the first pinyin query need not wait. */
  public void preloadPinyin() {
    live.get().preloadPinyin();
  }

  public int paragraphCount() throws IOException {
    try (Lease lease = acquire()) {
      return lease.searcher().getIndexReader().numDocs();
    }
  }

  public Path generation() {
    return live.get().generation();
  }

  /** For gauges: the paragraph count, or NaN when it cannot be read right now. */
  public double paragraphCountQuietly() {
    try {
      return paragraphCount();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** For gauges: bytes on disk of the live generation (its index, suggestions and pinyin). */
  public double sizeInBytes() {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(generation())) {
      return files.filter(java.nio.file.Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  @Override
  public void close() throws IOException {
    LiveIndex index = live.getAndSet(null);
    try (folderLock) {
      if (index != null) {
        index.close();
      }
    }
  }
}
