package cn.zhenxing.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Searches beyond the number of slots wait their turn, and every one of them still runs. */
class SearchSlotsTest {

  @Test
  void a_search_waits_while_every_slot_is_busy_and_runs_when_one_frees() throws Exception {
    SearchSlots slots = new SearchSlots(1);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = threads.submit(() -> slots.run(() -> {
        started.countDown();
        await(finish);
        return "first";
      }));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      CompletableFuture<String> secondRan = new CompletableFuture<>();
      Future<String> second = threads.submit(() -> slots.run(() -> {
        secondRan.complete("ran");
        return "second";
      }));
      waitFor(() -> slots.waiting() == 1);
      assertFalse(secondRan.isDone(), "the second search ran while the only slot was busy");
      finish.countDown();
      assertEquals("first", first.get(10, TimeUnit.SECONDS));
      assertEquals("second", second.get(10, TimeUnit.SECONDS));
      assertEquals(0, slots.waiting());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void as_many_searches_as_slots_run_together_and_no_limit_means_no_waiting() throws Exception {
    for (int n : new int[] {0, 3}) {
      SearchSlots slots = new SearchSlots(n);
      int together = n == 0 ? 5 : n;
      CountDownLatch allIn = new CountDownLatch(together);
      AtomicInteger done = new AtomicInteger();
      ExecutorService threads = Executors.newFixedThreadPool(together);
      try {
        for (int i = 0; i < together; i++) {
          threads.submit(() -> slots.run(() -> {
            allIn.countDown();
            await(allIn); // only returns once all of them are inside at the same time
            return done.incrementAndGet();
          }));
        }
        assertTrue(allIn.await(10, TimeUnit.SECONDS), together + " searches could not run at once with " + n + " slots");
        waitFor(() -> done.get() == together);
      } finally {
        threads.shutdownNow();
      }
    }
  }

  @Test
  void a_failing_search_gives_its_slot_back() throws Exception {
    SearchSlots slots = new SearchSlots(1);
    assertThrows(java.io.IOException.class, () -> slots.run(() -> {
      throw new java.io.IOException("broken");
    }));
    assertEquals("next", slots.run(() -> "next"));
    assertThrows(IllegalArgumentException.class, () -> new SearchSlots(-1));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 10 s");
      }
      Thread.sleep(5);
    }
  }
}
