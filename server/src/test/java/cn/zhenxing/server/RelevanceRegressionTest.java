package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.server.eval.Judgments;
import cn.zhenxing.server.eval.RelevanceEval;
import cn.zhenxing.server.search.QueryContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the relevance evaluation set (eval/relevance-judgments.jsonl, 95 queries judged by reading) on an index
 * built from the seeds, and fails when relevance drops below floors set a little under what was measured
 * (overall nDCG@10 0.822; stock SmartChinese + QueryParser 0.573), so it can never silently regress.
 */
class RelevanceRegressionTest {

  static final double OVERALL_NDCG_FLOOR = 0.78;
  /** Each query kind must stay clearly ahead of where the stock setup is. */
  static final double KIND_NDCG_FLOOR = 0.60;

  @Test
  void relevance_stays_above_the_floor(@TempDir Path dir) throws Exception {
    List<Judgments.Query> queries = Judgments.load(Path.of("../eval/relevance-judgments.jsonl"));
    assertTrue(queries.size() >= 80, "at least 80 judged queries");
    RelevanceEval.Report report = RelevanceEval.evaluate(queries, new IndexLayout(dir.resolve("index")),
        TestServer.seeds(), QueryContext.Features.ALL);
    System.out.print(RelevanceEval.table(report));
    double overall = report.overall().ours().ndcg();
    assertTrue(overall >= OVERALL_NDCG_FLOOR, "overall nDCG@10 " + overall + " < " + OVERALL_NDCG_FLOOR);
    assertTrue(overall > report.overall().stock().ndcg() + 0.15, "clearly better than the stock baseline");
    for (RelevanceEval.Row row : report.rows()) {
      assertTrue(row.ours().ndcg() >= KIND_NDCG_FLOOR, row.group() + " nDCG@10 " + row.ours().ndcg());
    }
  }
}
