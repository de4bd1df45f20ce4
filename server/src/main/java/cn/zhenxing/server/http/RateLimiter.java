package cn.zhenxing.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: each holds up to {@code burst} tokens, refilled at
 * {@code perSecond}; a request takes one. Idle buckets are dropped so the map cannot grow without bound.
 */
final class RateLimiter {

  static final int MAX_CLIENTS = 100_000;

  private final double perSecond;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** @param perSecond sustained rate; 0 or less switches limiting off */
  RateLimiter(double perSecond, int burst) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
  }

  boolean enabled() {
    return perSecond > 0;
  }

  /** 0 when the request may go ahead, otherwise the seconds to wait before the next one would. */
  long acquire(String client) {
    if (!enabled()) {
      return 0;
    }
    if (buckets.size() > MAX_CLIENTS) {
      evictIdle();
    }
    Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, System.nanoTime()));
    synchronized (b) {
      long now = System.nanoTime();
      b.tokens = Math.min(burst, b.tokens + (now - b.updated) / 1e9 * perSecond);
      b.updated = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - b.tokens) / perSecond);
    }
  }

  private void evictIdle() {
    long now = System.nanoTime();
    buckets.entrySet().removeIf(e -> (now - e.getValue().updated) / 1e9 * perSecond >= burst);
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }
}
