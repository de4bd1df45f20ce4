package cn.zhenxing.server.admin;

import cn.zhenxing.indexer.article.ArticleSource;
import cn.zhenxing.indexer.index.BuildAbortedException;
import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.indexer.index.NothingIndexedException;
import cn.zhenxing.server.http.ApiException;
import cn.zhenxing.server.index.IndexService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reindex jobs one at a time on a background thread and remembers the recent ones. A second job while
 * one is queued or running is refused with a 409 naming the running job: two rebuilds at once would only
 * race to replace each other.
 */
public final class JobManager implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);
  static final int KEEP_FINISHED = 50;

  private final IndexService index;
  private final java.util.function.BiConsumer<String, java.time.Duration> onFinished;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "reindex");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, ReindexJob> jobs = new LinkedHashMap<>();
  private final AtomicLong counter = new AtomicLong();
  private ReindexJob active;

  /** @param onFinished told the final state of every job and how long it ran (for metrics) */
  public JobManager(IndexService index, java.util.function.BiConsumer<String, java.time.Duration> onFinished) {
    this.index = index;
    this.onFinished = onFinished;
  }

  /** What a job reads, and what to clean up after it (a spooled upload). */
  public interface JobInput {
    ArticleSource source();

    /** Called once the job has finished, successfully or not. */
    default void cleanUp() {}
  }

  /**
   * Starts a rebuild from {@code input}.
   *
   * @throws ApiException 409 when a job is already queued or running
   */
  public ReindexJob submit(String description, IndexBuilder.OnError onError, String origin, JobInput input) {
    Reservation reservation;
    try {
      reservation = reserve(description, onError);
    } catch (ApiException e) {
      input.cleanUp();
      throw e;
    }
    reservation.start(description, origin, input);
    return reservation.job();
  }

  /**
   * Holds the place of the one job that may run while its input is still arriving (an upload being received):
   * it is listed as queued and receiving, a second reindex gets its 409 before sending a byte, and article
   * edits from now on are replayed onto what the job builds — an upload takes minutes to arrive, and edits
   * acknowledged meanwhile had been undone by the switch. {@link Reservation#start start} it or
   * {@link Reservation#cancel cancel} it.
   *
   * @throws ApiException 409 when a job is already queued or running
   */
  public synchronized Reservation reserve(String description, IndexBuilder.OnError onError) {
    if (active != null && active.isActive()) {
      throw new ApiException(409, null,
          "reindex job " + active.id() + " is " + active.state() + "; wait for it to finish (GET /api/admin/jobs/" + active.id() + ")")
          .at("/api/admin/jobs/" + active.id());
    }
    IndexService.Rebuild rebuild = index.prepareRebuild();
    ReindexJob job = new ReindexJob(String.format(java.util.Locale.ROOT, "job-%d-%06x", counter.incrementAndGet(),
        System.nanoTime() & 0xffffff),
        description, onError.name().toLowerCase(java.util.Locale.ROOT));
    jobs.put(job.id(), job);
    trim();
    active = job;
    return new Reservation(job, rebuild, onError);
  }

  /** A job whose input is still arriving; see {@link #reserve}. */
  public final class Reservation {
    private final ReindexJob job;
    private final IndexService.Rebuild rebuild;
    private final IndexBuilder.OnError onError;

    private Reservation(ReindexJob job, IndexService.Rebuild rebuild, IndexBuilder.OnError onError) {
      this.job = job;
      this.rebuild = rebuild;
      this.onError = onError;
    }

    public ReindexJob job() {
      return job;
    }

    /** Runs the job from {@code input}, now that it has arrived; {@code description} says what it is. */
    public void start(String description, String origin, JobInput input) {
      job.described(description);
      worker.execute(() -> run(job, rebuild, onError, origin, input));
    }

    /** Gives the job up before it ran (its input never arrived whole): it was no job, and is forgotten. */
    public void cancel() {
      rebuild.close();
      synchronized (JobManager.this) {
        jobs.remove(job.id());
        if (active == job) {
          active = null;
        }
      }
    }
  }

  private void run(ReindexJob job, IndexService.Rebuild rebuild, IndexBuilder.OnError onError, String origin,
      JobInput input) {
    job.running();
    long started = System.nanoTime();
    try {
      IndexService.Rebuilt rebuilt = rebuild.run(input.source(), onError, job.progress(), origin);
      job.succeeded(rebuilt.generation().getFileName().toString(), rebuilt.editsReplayed());
      LOG.info("Reindex job {} succeeded: {}", job.id(), job.view().paragraphs().done());
    } catch (BuildAbortedException e) {
      job.failed("aborted at the first bad input (" + e.problem() + "); the live index is unchanged");
    } catch (NothingIndexedException | SpooledUpload.BrokenUpload | SpooledUpload.NotGzip e) {
      job.failed(e.getMessage() + "; the live index is unchanged");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      job.failed("interrupted; the live index is unchanged");
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted()) {
        // The server is stopping (an interrupted read surfaces as an I/O error): not a fault of the job.
        LOG.info("Reindex job {} stopped with the server; the live index is unchanged", job.id());
        job.failed("stopped with the server; the live index is unchanged");
      } else {
        LOG.error("Reindex job {} failed", job.id(), e);
        job.failed("failed: " + e.getMessage() + "; the live index is unchanged");
      }
    } finally {
      rebuild.close();
      input.cleanUp();
      onFinished.accept(job.state().name(), java.time.Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** True while a job is receiving its upload, queued or running (a gauge in /metrics). */
  public synchronized boolean busy() {
    return active != null && active.isActive();
  }

  public synchronized Optional<ReindexJob> job(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Recent jobs, newest first. */
  public synchronized List<ReindexJob> recent() {
    List<ReindexJob> list = new ArrayList<>(jobs.values());
    java.util.Collections.reverse(list);
    return list;
  }

  private void trim() {
    var it = jobs.entrySet().iterator();
    while (jobs.size() > KEEP_FINISHED && it.hasNext()) {
      if (!it.next().getValue().isActive()) {
        it.remove();
      }
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
