package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches keep answering during a whole-index rebuild: no errors, no empty pages, and every searcher sees
 * the count switch from the old index to the new one exactly once. A second rebuild meanwhile gets 409.
 */
class RebuildWhileSearchingTest {

  static final int COPIES = 8;

  @Test
  void searches_during_a_rebuild_switch_exactly_once(@TempDir Path dir) throws Exception {
    try (TestServer server = TestServer.start(TestServer.config(dir.resolve("index")).withAdminToken(TestServer.TOKEN))) {
      long before = server.search("沈阳", "").json().get("total").asLong();
      assertEquals(31, before);

      AtomicBoolean stop = new AtomicBoolean();
      List<String> errors = Collections.synchronizedList(new ArrayList<>());
      List<List<Long>> seen = new ArrayList<>();
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        List<Long> totals = new ArrayList<>();
        seen.add(totals);
        Thread reader = new Thread(() -> {
          while (!stop.get()) {
            try {
              TestServer.Response r = server.search("沈阳", "");
              if (r.status() != 200) {
                errors.add("status " + r.status() + ": " + r.body());
                continue;
              }
              JsonNode body = r.json();
              if (body.get("hits").size() == 0) {
                errors.add("empty page at total " + body.get("total"));
              }
              long total = body.get("total").asLong();
              if (totals.isEmpty() || totals.get(totals.size() - 1) != total) {
                totals.add(total);
              }
            } catch (Exception e) {
              errors.add(e.toString());
            }
          }
        });
        reader.start();
        readers.add(reader);
      }

      TestServer.Response accepted = server.send(server.admin("/api/admin/reindex")
          .header("Content-Type", "application/x-ndjson").POST(BodyPublishers.ofString(Corpus.seedsAsJsonLines(COPIES))).build());
      assertEquals(202, accepted.status(), accepted.body());
      TestServer.Response second = server.send(server.admin("/api/admin/reindex").POST(BodyPublishers.noBody()).build());
      assertEquals(409, second.status(), second.body());
      String running = accepted.json().get("id").asText();
      assertTrue(second.json().get("error").get("message").asText().contains(running), second.body());
      assertEquals(accepted.header("Location"), second.header("Location"), "the 409 points at the job that runs");

      // An admin following the job sees it index, then finish (merge, commit, switch) with no made-up ETA.
      List<String> phases = new ArrayList<>();
      JsonNode job;
      long deadline = System.nanoTime() + 300_000_000_000L;
      do {
        job = server.send(server.admin(accepted.header("Location")).GET().build()).json();
        String phase = job.get("phase").isNull() ? job.get("state").asText() : job.get("phase").asText();
        if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
          phases.add(phase);
        }
        if (phase.equals("finishing")) {
          assertTrue(job.get("etaSeconds").isNull(), job.toString());
        }
        Thread.sleep(10);
      } while (job.get("state").asText().matches("queued|running") && System.nanoTime() < deadline);
      assertEquals("succeeded", job.get("state").asText(), job.toString());
      phases.remove("queued");
      assertEquals(List.of("indexing", "finishing", "succeeded"), phases);
      Thread.sleep(300); // let every reader run at least once more on the new index
      stop.set(true);
      for (Thread r : readers) {
        r.join();
      }

      assertEquals(List.of(), errors);
      long after = before * COPIES;
      assertEquals(after, server.search("沈阳", "").json().get("total").asLong());
      for (List<Long> totals : seen) {
        assertEquals(List.of(before, after), totals, "each searcher saw the old count, then the new one, once");
      }
    }
  }
}
