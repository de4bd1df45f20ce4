package cn.zhenxing.server.admin;

import cn.zhenxing.indexer.article.InputProblem;
import cn.zhenxing.indexer.index.BuildProgress;
import java.time.Instant;
import java.util.List;

/** One reindex job: what it reads, its state, and live progress figures. */
public final class ReindexJob {

  /** The life of a job. */
  public enum State {
    queued, running, succeeded, failed
  }

  private final String id;
  private volatile String source;
  /** Reserved while its upload arrives: queued, and not yet startable. */
  private volatile boolean receiving = true;
  private final String onError;
  private final Instant created = Instant.now();
  private final BuildProgress progress = new BuildProgress();
  private volatile State state = State.queued;
  private volatile Instant started;
  private volatile Instant finished;
  private volatile String error;
  private volatile String generation;
  private volatile int editsReplayed;

  ReindexJob(String id, String source, String onError) {
    this.id = id;
    this.source = source;
    this.onError = onError;
  }

  public String id() {
    return id;
  }

  public State state() {
    return state;
  }

  BuildProgress progress() {
    return progress;
  }

  /** What the job reads, once that is known in full (an upload's size when it has arrived). */
  void described(String source) {
    this.source = source;
    receiving = false;
  }

  void running() {
    started = Instant.now();
    state = State.running;
  }

  void succeeded(String generation, int editsReplayed) {
    this.generation = generation;
    this.editsReplayed = editsReplayed;
    finished = Instant.now();
    state = State.succeeded;
  }

  void failed(String error) {
    this.error = error;
    finished = Instant.now();
    state = State.failed;
  }

  boolean isActive() {
    return state == State.queued || state == State.running;
  }

  /** The JSON shape of {@code GET /api/admin/jobs/{id}}. */
  public record View(
      String id,
      State state,
      String phase,
      String source,
      String onError,
      Counts articles,
      Counts paragraphs,
      Rates rate,
      long characters,
      long elapsedMs,
      Long etaSeconds,
      long rejectedCount,
      List<Rejected> rejected,
      String error,
      String generation,
      Integer editsReplayed,
      String created,
      String started,
      String finished) {}

  /** Done so far and expected in total (null when unknown). */
  public record Counts(long done, Long expected) {}

  public record Rates(double articlesPerSecond, double paragraphsPerSecond, double charactersPerSecond) {}

  /** A rejected input line: where and why. */
  public record Rejected(String input, long line, String reason) {
    static Rejected of(InputProblem p) {
      return new Rejected(p.file(), p.line(), p.reason());
    }
  }

  public View view() {
    return view(true);
  }

  /** The view without the rejected lines (their count stays): the job list's, which had grown to 650 KB. */
  public View summary() {
    return view(false);
  }

  private View view(boolean withRejected) {
    State state = this.state; // read once: the worker may start the job while this view is made
    Instant started = state == State.queued ? null : this.started;
    BuildProgress.Snapshot s = progress.snapshot();
    Long expectedArticles = s.expectedArticles() >= 0 ? s.expectedArticles() : null;
    Long expectedParagraphs = null;
    if (state == State.succeeded) {
      expectedParagraphs = s.paragraphs();
    } else if (expectedArticles != null && s.articles() > 0) {
      expectedParagraphs = Math.round(s.paragraphs() / (double) s.articles() * (expectedArticles - s.skipped()));
    }
    long eta = s.etaSeconds();
    return new View(
        id,
        state,
        state == State.running ? (s.indexingDone() ? "finishing" : "indexing") : state == State.queued && receiving ? "receiving" : null,
        source,
        onError,
        new Counts(s.articles(), expectedArticles),
        new Counts(s.paragraphs(), expectedParagraphs),
        new Rates(round(s.articlesPerSecond()), round(s.paragraphsPerSecond()), round(s.charactersPerSecond())),
        s.characters(),
        elapsedMillis(started),
        isActive() && !s.indexingDone() && eta >= 0 ? eta : null, // the merge after indexing has no estimate
        s.skipped(),
        withRejected ? s.problems().stream().map(Rejected::of).toList() : null,
        error,
        generation,
        state == State.succeeded ? editsReplayed : null,
        created.toString(),
        started == null ? null : started.toString(),
        finished == null ? null : finished.toString());
  }

  /** From start to finish, the merge and switch after the last paragraph included; so far while running. */
  private long elapsedMillis(Instant from) {
    return from == null ? 0 : java.time.Duration.between(from, finished == null ? Instant.now() : finished).toMillis();
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
