package cn.zhenxing.bench.solr;

import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * CPU seconds this JVM's JIT compilers spent between two instants of a measured run. Near zero means the
 * engine ran at its steady speed; seconds of it mean part of a core went to compiling instead of searching.
 */
final class JitClock {

  private JitClock() {}

  /** Waits until {@code startNanos}, then until {@code endNanos} (System.nanoTime), and returns the JIT time between. */
  static double secondsBetween(long startNanos, long endNanos) {
    sleepUntil(startNanos);
    long before = compilationMillis();
    sleepUntil(endNanos);
    return (compilationMillis() - before) / 1000.0;
  }

  private static long compilationMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  private static void sleepUntil(long nanos) {
    for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
