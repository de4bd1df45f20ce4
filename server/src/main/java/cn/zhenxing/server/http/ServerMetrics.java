package cn.zhenxing.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The server's metrics, scraped at {@code GET /metrics} in the Prometheus format: requests by endpoint,
 * method and status with latency histograms, hits per search, index size and paragraphs, reindex jobs,
 * rate-limited requests, and the JVM's memory, garbage collection, threads, CPU and JIT compilation time.
 *
 * <p>JIT compilation is worth watching on few cores: after a start, the C2 compiler spent 60–100 s of CPU on
 * our search code under load (the 1M-paragraph bench index, 2 cores), and until it is done a search costs
 * more. A flat {@code jvm_compilation_time_ms_total} says the server has reached its steady speed.
 */
public final class ServerMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final DistributionSummary hits;
  private final Counter rateLimited;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new JvmCompilationMetrics().bindTo(registry);
    hits = DistributionSummary.builder("zhenxing.search.hits")
        .description("Paragraphs found per search").serviceLevelObjectives(1, 10, 100, 1_000, 10_000, 100_000)
        .register(registry);
    rateLimited = Counter.builder("zhenxing.ratelimit.rejected")
        .description("Requests refused with 429 by the per-client rate limit").register(registry);
  }

  /**
   * HTTP's methods; any other (a client may send ZZ1, ZZ2…) is counted as OTHER, so that no client can add series
   * to /metrics without end.
   */
  static final java.util.Set<String> KNOWN_METHODS =
      java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  /** One finished request. {@code route} is the endpoint's path pattern, so ids do not explode the series. */
  public void request(String method, String route, int status, double millis) {
    Timer.builder("zhenxing.http.requests").description("HTTP requests by endpoint")
        .tags("method", KNOWN_METHODS.contains(method) ? method : "OTHER", "route", route, "status", Integer.toString(status))
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
  }

  public void searchHits(long total) {
    hits.record(total);
  }

  public void rateLimited() {
    rateLimited.increment();
  }

  /** A finished reindex job, and how long it ran (its upload's arrival aside). */
  public void reindexJob(String state, Duration ran) {
    Counter.builder("zhenxing.reindex.jobs").description("Reindex jobs by outcome").tag("state", state)
        .register(registry).increment();
    Timer.builder("zhenxing.reindex.duration").description("How long reindex jobs ran, by outcome").tag("state", state)
        .register(registry).record(ran);
  }

  /** Registers a gauge read on every scrape (paragraph count, index bytes). */
  public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).description(description).register(registry);
  }

  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
