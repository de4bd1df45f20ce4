package cn.zhenxing.indexer.index;

import cn.zhenxing.indexer.article.Article;
import cn.zhenxing.indexer.article.ArticleInput;
import cn.zhenxing.indexer.article.ArticleSource;
import cn.zhenxing.indexer.article.InputProblem;
import cn.zhenxing.indexer.paragraph.Paragraph;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.suggest.PhraseCollector;
import cn.zhenxing.indexer.theme.ThemeTagger;
import cn.zhenxing.indexer.theme.ThemeTags;
import java.util.ArrayList;
import cn.zhenxing.indexer.paragraph.ParsedArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;

/**
 * Bulk-loads articles into an IndexWriter. One thread reads the source (in order, so duplicate ids and line
 * numbers are decided deterministically); worker threads split, tag, analyse and invert, which is where the
 * time goes (on the 1M-paragraph bench, Lucene's in-memory postings 44% of it, segmentation 25%), so
 * {@code threads} should match the cores.
 */
public final class IndexBuilder {

  /** What to do with a bad input line. */
  public enum OnError {
    /** Skip it, report it, keep going. */
    SKIP,
    /** Stop the whole build at the first one. */
    ABORT
  }

  private static final Object END = new Object();

  private final ParagraphSplitter splitter;
  private final ThemeTagger tagger;
  private final ParagraphDocuments documents = new ParagraphDocuments();
  private final int threads;

  public IndexBuilder(ParagraphSplitter splitter, ThemeTagger tagger, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.splitter = splitter;
    this.tagger = tagger;
    this.threads = threads;
  }

  public ThemeTagger tagger() {
    return tagger;
  }

  /**
   * Reads every article from {@code source} and adds its paragraphs to {@code writer}, numbering articles from
   * {@code firstArticleSeq}. Does not commit. Returns the next free article sequence number.
   *
   * @throws BuildAbortedException with {@link OnError#ABORT}, at the first bad input
   */
  public long build(
      ArticleSource source, IndexWriter writer, long firstArticleSeq, OnError onError, BuildProgress progress)
      throws IOException, BuildAbortedException, InterruptedException {
    return build(source, writer, firstArticleSeq, onError, progress, null);
  }

  /** As above, also feeding every article to {@code phrases} (may be null) for suggestions. */
  public long build(ArticleSource source, IndexWriter writer, long firstArticleSeq, OnError onError,
      BuildProgress progress, PhraseCollector phrases)
      throws IOException, BuildAbortedException, InterruptedException {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(threads * 64);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    FirstProblem abortedAt = new FirstProblem();
    Thread[] workers = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Thread(() -> work(queue, writer, onError, progress, phrases, failure, abortedAt), "indexer-" + i);
      workers[i].setDaemon(true);
      workers[i].start();
    }
    Set<String> seenIds = new HashSet<>();
    long[] seq = {firstArticleSeq};
    long[] readOrder = {0};
    try {
      source.read(
          input -> {
            if (abortedAt.found() || failure.get() != null) {
              throw new StopReading();
            }
            long order = readOrder[0]++;
            InputProblem problem = null;
            if (input instanceof ArticleInput.Bad bad) {
              problem = bad.problem();
            } else if (input instanceof ArticleInput.Ok ok && !seenIds.add(ok.article().id())) {
              problem =
                  new InputProblem(ok.file(), ok.line(), "id \"" + ok.article().id() + "\" repeated in this input");
            }
            if (problem != null) {
              progress.skipped(problem, order);
              if (onError == OnError.ABORT) {
                abortedAt.offer(problem, order);
                throw new StopReading();
              }
              return;
            }
            ArticleInput.Ok ok = (ArticleInput.Ok) input;
            put(queue, new Work(ok, seq[0]++, order));
          });
    } catch (StopReading stop) {
      // Reading stopped early on purpose: an abort or a worker failure, handled below.
    } finally {
      for (int i = 0; i < threads; i++) {
        put(queue, END);
      }
      for (Thread w : workers) {
        w.join();
      }
      progress.finished();
    }
    Throwable t = failure.get();
    if (t != null) {
      if (t instanceof IOException io) {
        throw io;
      }
      if (t instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException("indexing failed", t);
    }
    if (abortedAt.found()) {
      throw new BuildAbortedException(abortedAt.problem());
    }
    return seq[0];
  }

  /**
   * Paragraphs one article may have. The longest text of the shared corpus (a code of criminal procedure) has
   * 3,752; an article's documents are built in memory at once, and 190,000 one-line paragraphs (a 16 MB upload)
   * ran a 512 MB server out of heap.
   */
  public static final int MAX_PARAGRAPHS_PER_ARTICLE = 10_000;

  /** Splits and tags one article and converts it to documents; used by bulk builds and single upserts. */
  public Prepared prepare(Article article, long articleSeq) {
    ParsedArticle parsed = splitter.split(article);
    if (parsed.paragraphs().isEmpty()) {
      return new Prepared(parsed, List.of(), List.of(), "no paragraphs (only a title, headings or metadata)");
    }
    if (parsed.paragraphs().size() > MAX_PARAGRAPHS_PER_ARTICLE) {
      return new Prepared(parsed, List.of(), List.of(), String.format(java.util.Locale.ROOT,
          "%,d paragraphs: an article may have at most %,d (split it into several)",
          parsed.paragraphs().size(), MAX_PARAGRAPHS_PER_ARTICLE));
    }
    List<ThemeTags> tags = new ArrayList<>(parsed.paragraphs().size());
    for (Paragraph p : parsed.paragraphs()) {
      tags.add(tagger.tag(p.text()));
    }
    return new Prepared(parsed, tags, documents.toDocuments(parsed, tags, articleSeq), null);
  }

  /**
   * An article ready to be written: its parsed form, each paragraph's themes, and its documents; or, when
   * {@code problem} is set, why it cannot be indexed (its documents are then empty).
   */
  public record Prepared(ParsedArticle parsed, List<ThemeTags> tags, List<Document> documents, String problem) {}

  /** @param readOrder the input's place among everything read, so problems are listed in input order */
  private record Work(ArticleInput.Ok input, long seq, long readOrder) {}

  /**
   * The first bad input in reading order under ABORT. The reader finds most; indexing threads find the others
   * (an article with no or too many paragraphs) a little later, possibly after the reader found a later one.
   */
  private static final class FirstProblem {
    private InputProblem problem;
    private long order = Long.MAX_VALUE;

    synchronized void offer(InputProblem candidate, long candidateOrder) {
      if (candidateOrder < order) {
        problem = candidate;
        order = candidateOrder;
      }
    }

    synchronized boolean found() {
      return problem != null;
    }

    synchronized InputProblem problem() {
      return problem;
    }

    synchronized long order() {
      return order;
    }
  }

  private static final class StopReading extends RuntimeException {
    StopReading() {
      super(null, null, false, false);
    }
  }

  private void work(BlockingQueue<Object> queue, IndexWriter writer, OnError onError, BuildProgress progress,
      PhraseCollector phrases, AtomicReference<Throwable> failure, FirstProblem abortedAt) {
    while (true) {
      Object item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (item == END) {
        return;
      }
      Work work = (Work) item;
      if (failure.get() != null || work.readOrder > abortedAt.order()) {
        continue; // drain without work so the reader is not blocked; inputs before an abort are still checked
      }
      try {
        Prepared prepared = prepare(work.input.article(), work.seq);
        if (prepared.problem() != null) {
          InputProblem problem = new InputProblem(work.input.file(), work.input.line(), prepared.problem());
          progress.skipped(problem, work.readOrder);
          if (onError == OnError.ABORT) {
            abortedAt.offer(problem, work.readOrder);
          }
          continue;
        }
        writer.addDocuments(prepared.documents());
        if (phrases != null) {
          phrases.collect(prepared.parsed(), prepared.tags());
        }
        progress.articleIndexed(prepared.documents().size(), prepared.parsed().characterCount());
      } catch (IOException | RuntimeException e) {
        failure.compareAndSet(null, e);
      }
    }
  }

  private static void put(BlockingQueue<Object> queue, Object item) {
    try {
      while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        // keep waiting; workers always drain the queue
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while queueing work"));
    }
  }
}
