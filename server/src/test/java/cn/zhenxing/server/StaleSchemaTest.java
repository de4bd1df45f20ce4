package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.index.IndexSchema;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index built by an older schema (loaded by an admin, so not rebuilt from the seeds at start-up) is served,
 * but article edits are refused with a 409 that says to reindex, and the index is left as it was.
 */
class StaleSchemaTest {

  @Test
  void edits_of_an_index_built_by_another_schema_are_refused_until_it_is_rebuilt(@TempDir Path dir) throws Exception {
    Path indexDir = dir.resolve("index");
    long seeded;
    try (TestServer first = TestServer.start(TestServer.config(indexDir))) {
      seeded = first.search("沈阳", "").json().get("total").asLong();
    }
    markAsBuiltBySchema(new IndexLayout(indexDir).current().orElseThrow(), "7");

    try (TestServer server = TestServer.start(TestServer.config(indexDir).withAdminToken(TestServer.TOKEN))) {
      assertEquals(seeded, server.search("沈阳", "").json().get("total").asLong(), "still served");
      TestServer.Response put = putArticle(server);
      assertEquals(409, put.status(), put.body());
      String message = put.json().get("error").get("message").asText();
      assertTrue(message.contains("schema 7") && message.contains("/api/admin/reindex"), message);
      TestServer.Response delete = server.send(server.admin("/api/admin/articles/shenyang-revitalization").DELETE().build());
      assertEquals(409, delete.status(), delete.body());
      assertEquals(0, server.search("蓝莓量子合作社", "").json().get("total").asLong());
      assertEquals(seeded, server.search("沈阳", "").json().get("total").asLong(), "nothing changed");

      server.awaitJob(server.send(server.admin("/api/admin/reindex").POST(BodyPublishers.noBody()).build())
          .header("Location"), 120);
      TestServer.Response again = putArticle(server);
      assertEquals(201, again.status(), again.body());
      assertEquals(1, server.search("蓝莓量子合作社", "").json().get("total").asLong());
    }
  }

  private static TestServer.Response putArticle(TestServer server) throws Exception {
    return server.send(server.admin("/api/admin/articles/new-article")
        .header("Content-Type", "text/plain").PUT(BodyPublishers.ofString("标题\n\n抚远蓝莓量子合作社成立。")).build());
  }

  /** Rewrites the commit's schema version and marks it as loaded by an admin, as an older release left it. */
  private static void markAsBuiltBySchema(Path generation, String version) throws Exception {
    try (FSDirectory dir = FSDirectory.open(generation);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(null))) {
      Map<String, String> data = new HashMap<>();
      writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put(IndexSchema.COMMIT_SCHEMA_VERSION, version);
      data.put(IndexSchema.COMMIT_ORIGIN, "upload");
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
  }
}
