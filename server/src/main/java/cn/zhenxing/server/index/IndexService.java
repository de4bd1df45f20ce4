package cn.zhenxing.server.index;

import cn.zhenxing.indexer.article.ArticleSource;
import cn.zhenxing.indexer.index.BuildAbortedException;
import cn.zhenxing.indexer.index.BuildProgress;
import cn.zhenxing.indexer.index.GenerationBuilder;
import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.index.IndexSchema;
import java.io.Closeable;
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

  private IndexService(IndexLayout layout, IndexBuilder builder) {
    this.layout = layout;
    this.builder = builder;
  }

  /**
   * Opens the index in {@code layout}, first removing generations a crash left behind. When there is no live
   * index, or the live one came from the seeds under an older schema, builds one from {@code seeds}.
   */
  public static IndexService open(IndexLayout layout, IndexBuilder builder, Supplier<ArticleSource> seeds)
      throws IOException, InterruptedException {
    layout.ensureRoot();
    for (Path removed : layout.removeStaleGenerations()) {
      LOG.info("Removed leftover index generation {}", removed);
    }
    IndexService service = new IndexService(layout, builder);
    Optional<Path> current = layout.current();
    if (current.isPresent()) {
      LiveIndex index = LiveIndex.open(current.get());
      if (!IndexSchema.VERSION.equals(index.schemaVersion()) && "seeds".equals(index.origin())) {
        LOG.info("Index {} was built by schema {}, this is schema {}: rebuilding from the seeds",
            current.get(), index.schemaVersion(), IndexSchema.VERSION);
        index.close();
      } else {
        if (!IndexSchema.VERSION.equals(index.schemaVersion())) {
          LOG.warn("Index {} was built by schema {} but this is schema {}: reindex it (POST /api/admin/reindex)",
              current.get(), index.schemaVersion(), IndexSchema.VERSION);
        }
        service.live.set(index);
        LOG.info("Serving index {} ({} paragraphs)", current.get(), service.paragraphCount());
        return service;
      }
    }
    service.bootstrapFrom(seeds.get());
    return service;
  }

  private void bootstrapFrom(ArticleSource seeds) throws IOException, InterruptedException {
    BuildProgress progress = new BuildProgress();
    GenerationBuilder.Built built;
    try {
      built = new GenerationBuilder(layout, builder, 128)
          .build(seeds, IndexBuilder.OnError.SKIP, progress, "seeds");
    } catch (BuildAbortedException e) {
      throw new IllegalStateException("unreachable: seeds are built with OnError.SKIP", e);
    }
    BuildProgress.Snapshot s = progress.snapshot();
    s.problems().forEach(p -> LOG.warn("Skipped seed input {}", p));
    layout.publish(built.generation());
    layout.removeStaleGenerations();
    live.set(LiveIndex.open(built.generation()));
    LOG.info("Built index {} from the seeds: {} articles, {} paragraphs in {} ms",
        built.generation(), s.articles(), s.paragraphs(), s.elapsedMillis());
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

    @Override
    public void close() throws IOException {
      index.searchers().release(searcher);
    }
  }

  public int paragraphCount() throws IOException {
    try (Lease lease = acquire()) {
      return lease.searcher().getIndexReader().numDocs();
    }
  }

  public Path generation() {
    return live.get().generation();
  }

  @Override
  public void close() throws IOException {
    LiveIndex index = live.getAndSet(null);
    if (index != null) {
      index.close();
    }
  }
}
