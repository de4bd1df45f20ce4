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
  private final java.util.function.Consumer<String> onFinished;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "reindex");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, ReindexJob> jobs = new LinkedHashMap<>();
  private final AtomicLong counter = new AtomicLong();
  private ReindexJob active;

  /** @param onFinished told the final state of every job (for metrics) */
  public JobManager(IndexService index, java.util.function.Consumer<String> onFinished) {
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
  public synchronized ReindexJob submit(String description, IndexBuilder.OnError onError, String origin, JobInput input) {
    if (active != null && active.isActive()) {
      input.cleanUp();
      throw new ApiException(409, null,
          "reindex job " + active.id() + " is " + active.state() + "; wait for it to finish (GET /api/admin/jobs/" + active.id() + ")");
    }
    ReindexJob job = new ReindexJob(String.format(java.util.Locale.ROOT, "job-%d-%06x", counter.incrementAndGet(),
        System.nanoTime() & 0xffffff),
        description, onError.name().toLowerCase(java.util.Locale.ROOT));
    jobs.put(job.id(), job);
    trim();
    active = job;
    worker.execute(() -> run(job, onError, origin, input));
    return job;
  }

  private void run(ReindexJob job, IndexBuilder.OnError onError, String origin, JobInput input) {
    job.running();
    try {
      IndexService.Rebuilt rebuilt = index.rebuild(input.source(), onError, job.progress(), origin);
      job.succeeded(rebuilt.generation().getFileName().toString(), rebuilt.editsReplayed());
      LOG.info("Reindex job {} succeeded: {}", job.id(), job.view().paragraphs().done());
    } catch (BuildAbortedException e) {
      job.failed("aborted at the first bad input (" + e.problem() + "); the live index is unchanged");
    } catch (NothingIndexedException | SpooledUpload.BrokenUpload e) {
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
      input.cleanUp();
      onFinished.accept(job.state().name());
    }
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
