package cn.zhenxing.server.search;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import org.apache.lucene.util.IOSupplier;

/**
 * At most a fixed number of searches run at once; the others wait their turn, first come first served.
 *
 * <p>A search is pure CPU, so running many more of them than there are cores makes each one slower and the slowest
 * very slow, and on a 2-core machine it also starves the JIT compiler: started cold under 16 connections with no
 * limit, the server was still at 275 req/s after a minute (385 with 2 slots) because C2 got a small share of the
 * CPU. Cached answers never wait for a slot.
 */
final class SearchSlots {

  private final Semaphore slots;

  /** @param slots searches that may run at once; 0 for no limit */
  SearchSlots(int slots) {
    if (slots < 0) {
      throw new IllegalArgumentException("search slots must be 0 (no limit) or more, not " + slots);
    }
    this.slots = slots == 0 ? null : new Semaphore(slots, true);
  }

  <T> T run(IOSupplier<T> search) throws IOException {
    if (slots == null) {
      return search.get();
    }
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to search");
    }
    try {
      return search.get();
    } finally {
      slots.release();
    }
  }

  /** Searches waiting for a slot now (the semaphore's own count of parked threads). */
  int waiting() {
    return slots == null ? 0 : slots.getQueueLength();
  }
}
