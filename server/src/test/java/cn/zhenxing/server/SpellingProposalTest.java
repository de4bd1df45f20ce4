package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Did-you-mean over a collection made for it: which chunk is misspelt, and which is only never found with the rest. */
class SpellingProposalTest {

  @Test
  void a_chunk_the_text_writes_is_not_corrected_but_left_out(@TempDir Path dir) throws Exception {
    Path seeds = Files.createDirectories(dir.resolve("seeds"));
    ObjectMapper json = new ObjectMapper();
    List<Map<String, String>> articles = List.of(
        Map.of("id", "liaoning", "title", "辽宁省政府工作报告",
            "text", "建设工业基地。装备制造业稳步增长。\n\n建设工业基地。沿海经济带加快发展。\n\n建设工业基地。港口吞吐量增长。"),
        Map.of("id", "national", "title", "国务院政府工作报告",
            "text", "振兴东北地区等老工业基地。加快调整改造。\n\n老工业基地调整改造取得进展。\n\n支持老工业基地振兴。"));
    StringBuilder lines = new StringBuilder();
    for (Map<String, String> a : articles) {
      lines.append(json.writeValueAsString(a)).append('\n');
    }
    Files.writeString(seeds.resolve("reports.jsonl"), lines, StandardCharsets.UTF_8);
    try (TestServer server = TestServer.start(TestServer.config(dir.resolve("index")).withSeedsDir(seeds))) {
      assertEquals(3, server.search("辽宁 工业基地", "").json().get("total").asLong());
      // 老工业基地 is written, only never with 辽宁: no misspelling of 工业基地, which has hits with 辽宁, but a
      // chunk to leave out.
      JsonNode none = server.search("辽宁 老工业基地", "").json();
      assertEquals(0, none.get("total").asLong());
      assertEquals("老工业基地", none.get("didYouMean").get("query").asText(), none.toString());
      assertEquals("relaxed", none.get("didYouMean").get("reason").asText());
      // A chunk no paragraph writes is still corrected.
      JsonNode typo = server.search("辽宁 工业基第", "").json();
      assertEquals("辽宁 工业基地", typo.get("didYouMean").get("query").asText(), typo.toString());
      assertEquals("spelling", typo.get("didYouMean").get("reason").asText());
    }
  }
}
