package cn.zhenxing.indexer.index;

import cn.zhenxing.indexer.article.InputProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of one index build, safe to read from any thread while the build runs: the CLI's progress
 * bar and the admin job endpoint both read {@link #snapshot()}.
 */
public final class BuildProgress {

  /** Problems beyond this many are counted but not listed, so a stream of garbage cannot fill memory. */
  public static final int MAX_LISTED_PROBLEMS = 10_000;

  private volatile long startNanos = System.nanoTime();
  private final AtomicLong articles = new AtomicLong();
  private final AtomicLong paragraphs = new AtomicLong();
  private final AtomicLong characters = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  /** Listed in the order the inputs were read, though indexing threads find some problems later than others. */
  private final List<Listed> problems = new ArrayList<>();
  private volatile long expectedArticles = -1;
  private volatile long finishedNanos = -1;

  /** Restarts the clock: rates and elapsed time count from here (a job may wait before it runs). */
  public void begin() {
    startNanos = System.nanoTime();
  }

  public void expectArticles(OptionalLong expected) {
    expectedArticles = expected.orElse(-1);
  }

  void articleIndexed(int paragraphCount, int characterCount) {
    articles.incrementAndGet();
    paragraphs.addAndGet(paragraphCount);
    characters.addAndGet(characterCount);
  }

  private record Listed(InputProblem problem, long readOrder) {}

  /** @param readOrder the input's place among all inputs read */
  void skipped(InputProblem problem, long readOrder) {
    skipped.incrementAndGet();
    synchronized (problems) {
      int at = problems.size();
      while (at > 0 && problems.get(at - 1).readOrder() > readOrder) {
        at--; // found by an indexing thread after later inputs' problems: only a few places back
      }
      if (at < MAX_LISTED_PROBLEMS) {
        problems.add(at, new Listed(problem, readOrder));
        if (problems.size() > MAX_LISTED_PROBLEMS) {
          problems.remove(problems.size() - 1);
        }
      }
    }
  }

  void finished() {
    finishedNanos = System.nanoTime();
  }

  private volatile String finishing = "";

  /** Records how long the steps after indexing took: commit, suggestions and pinyin (for the summary). */
  void finishing(long mergeAndCommitMillis, long extrasMillis, long pinyinMillis, int phrases) {
    finishing = String.format(java.util.Locale.ROOT,
        "merge into one segment and commit %.1f s; suggestions (%,d phrases) and pinyin in %.1f s (pinyin %.1f s)",
        mergeAndCommitMillis / 1000.0, phrases, extrasMillis / 1000.0, pinyinMillis / 1000.0);
  }

  /** A line about the steps after indexing, or "" before they ran. */
  public String finishingSummary() {
    return finishing;
  }

  public Snapshot snapshot() {
    List<InputProblem> listed = problems();
    long end = finishedNanos >= 0 ? finishedNanos : System.nanoTime();
    return new Snapshot(
        articles.get(),
        paragraphs.get(),
        characters.get(),
        skipped.get(),
        expectedArticles,
        (end - startNanos) / 1_000_000,
        finishedNanos >= 0,
        listed);
  }

  /**
   * A consistent-enough view of the counters.
   *
   * @param expectedArticles -1 when unknown
   * @param indexingDone every article has been read and indexed: what follows is merging and committing
   */
  public record Snapshot(
      long articles,
      long paragraphs,
      long characters,
      long skipped,
      long expectedArticles,
      long elapsedMillis,
      boolean indexingDone,
      List<InputProblem> problems) {

    public double articlesPerSecond() {
      return rate(articles);
    }

    public double paragraphsPerSecond() {
      return rate(paragraphs);
    }

    public double charactersPerSecond() {
      return rate(characters);
    }

    /** Seconds left at the current rate, or -1 when the total is unknown. */
    public long etaSeconds() {
      long done = articles + skipped;
      if (expectedArticles <= 0 || done == 0 || elapsedMillis == 0) {
        return -1;
      }
      double perArticle = elapsedMillis / 1000.0 / done;
      return Math.max(0, Math.round((expectedArticles - done) * perArticle));
    }

    private double rate(long count) {
      return elapsedMillis == 0 ? 0 : count * 1000.0 / elapsedMillis;
    }
  }

  /** Copies of the problems found so far. */
  public List<InputProblem> problems() {
    synchronized (problems) {
      return problems.stream().map(Listed::problem).toList();
    }
  }
}
