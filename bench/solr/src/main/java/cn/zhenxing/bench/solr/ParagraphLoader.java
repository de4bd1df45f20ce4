package cn.zhenxing.bench.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.SolrInputDocument;

/**
 * Streams a paragraphs JSONL file into Solr: the calling thread reads and parses, {@code threads}
 * workers send batches with {@link SolrClient#add}. One commit at the end. The file is never held
 * in memory: at most {@code 2 * threads + threads} batches exist at any time.
 */
final class ParagraphLoader {

  /** What the load did. */
  record Stats(long sent, long skipped, double seconds) {}

  private static final List<SolrInputDocument> POISON = new ArrayList<>();

  private final SolrClient client;
  private final ObjectMapper json;
  private final int batchSize;
  private final int threads;

  ParagraphLoader(SolrClient client, ObjectMapper json, int batchSize, int threads) {
    this.client = client;
    this.json = json;
    this.batchSize = batchSize;
    this.threads = threads;
  }

  Stats load(Path file) throws Exception {
    long t0 = System.nanoTime();
    BlockingQueue<List<SolrInputDocument>> queue = new ArrayBlockingQueue<>(threads * 2);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread w =
          new Thread(
              () -> {
                try {
                  while (true) {
                    List<SolrInputDocument> batch = queue.take();
                    if (batch == POISON) {
                      return;
                    }
                    if (failure.get() != null) {
                      continue; // keep draining so the reader never blocks forever
                    }
                    try {
                      client.add(batch);
                    } catch (Throwable t) {
                      failure.compareAndSet(null, t);
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "solr-loader-" + i);
      w.setDaemon(true);
      w.start();
      workers.add(w);
    }

    long sent = 0;
    long skipped = 0;
    long nextReport = 100_000;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8),
            1 << 20)) {
      List<SolrInputDocument> batch = new ArrayList<>(batchSize);
      String line;
      long no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        SolrInputDocument doc = toDoc(line);
        if (doc == null) {
          if (skipped++ < 5) {
            System.err.println("skipping line " + no + " (no id, or bad JSON)");
          }
          continue;
        }
        batch.add(doc);
        sent++;
        if (batch.size() >= batchSize) {
          put(queue, batch, failure);
          batch = new ArrayList<>(batchSize);
        }
        if (sent >= nextReport) {
          double s = (System.nanoTime() - t0) / 1e9;
          System.err.printf("  read %,d docs in %.0f s (%,.0f docs/s)%n", sent, s, sent / s);
          nextReport += 100_000;
        }
      }
      if (!batch.isEmpty()) {
        put(queue, batch, failure);
      }
    } finally {
      for (int i = 0; i < threads; i++) {
        queue.put(POISON); // workers always drain, so this cannot block for long
      }
      for (Thread w : workers) {
        w.join();
      }
    }
    if (failure.get() != null) {
      throw new IOException("loading failed: " + failure.get(), failure.get());
    }
    client.commit(true, true);
    return new Stats(sent, skipped, (System.nanoTime() - t0) / 1e9);
  }

  private static void put(
      BlockingQueue<List<SolrInputDocument>> queue,
      List<SolrInputDocument> batch,
      AtomicReference<Throwable> failure)
      throws Exception {
    while (!queue.offer(batch, 1, TimeUnit.SECONDS)) {
      if (failure.get() != null) {
        throw new IOException("loading failed: " + failure.get(), failure.get());
      }
    }
  }

  private SolrInputDocument toDoc(String line) {
    JsonNode n;
    try {
      n = json.readTree(line);
    } catch (IOException e) {
      return null;
    }
    String id = n.path("id").asText("");
    String text = n.path("text").asText("");
    if (id.isEmpty()) {
      return null;
    }
    SolrInputDocument d = new SolrInputDocument();
    d.addField("id", id);
    d.addField("text", text);
    for (JsonNode t : n.path("themes")) {
      String v = t.asText("");
      if (!v.isEmpty()) {
        d.addField("theme", v);
      }
    }
    return d;
  }
}
