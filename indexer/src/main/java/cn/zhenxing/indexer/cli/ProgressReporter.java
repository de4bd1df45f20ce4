package cn.zhenxing.indexer.cli;

import cn.zhenxing.indexer.index.BuildProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows build progress: a bar redrawn in place on a terminal, or a plain line every few seconds when output
 * goes to a file or a pipe (where carriage returns would make a mess of logs).
 */
public final class ProgressReporter implements AutoCloseable {

  private final BuildProgress progress;
  private final PrintStream out;
  private final boolean terminal;
  private final ScheduledExecutorService timer;

  public ProgressReporter(BuildProgress progress, PrintStream out, boolean terminal) {
    this.progress = progress;
    this.out = out;
    this.terminal = terminal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "progress");
              t.setDaemon(true);
              return t;
            });
    long period = terminal ? 250 : 5000;
    timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
  }

  private void print() {
    BuildProgress.Snapshot s = progress.snapshot();
    if (terminal) {
      out.print("\r" + bar(s) + "  ");
    } else {
      out.println(line(s));
    }
    out.flush();
  }

  /** One line of figures: counts, rates and (when the total is known) percent and ETA. */
  public static String line(BuildProgress.Snapshot s) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%,d", s.articles()));
    if (s.expectedArticles() > 0) {
      sb.append(String.format(Locale.ROOT, "/%,d", s.expectedArticles()));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            " articles, %,d paragraphs, %,d skipped | %,.0f articles/s, %,.0f paragraphs/s, %,.0f chars/s",
            s.paragraphs(),
            s.skipped(),
            s.articlesPerSecond(),
            s.paragraphsPerSecond(),
            s.charactersPerSecond()));
    long eta = s.etaSeconds();
    if (eta >= 0) {
      sb.append(String.format(Locale.ROOT, " | ETA %d:%02d", eta / 60, eta % 60));
    }
    return sb.toString();
  }

  static String bar(BuildProgress.Snapshot s) {
    if (s.expectedArticles() <= 0) {
      return line(s);
    }
    double done = Math.min(1.0, (s.articles() + s.skipped()) / (double) s.expectedArticles());
    int width = 30;
    int filled = (int) Math.round(done * width);
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
        + String.format(Locale.ROOT, "%3.0f%% ", done * 100) + line(s);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (terminal) {
      out.print("\r" + bar(progress.snapshot()) + System.lineSeparator());
      out.flush();
    }
  }
}
