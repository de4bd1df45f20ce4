package cn.zhenxing.server.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Standard ranking metrics over the top 10, computed from graded judgments.
 *
 * <ul>
 *   <li>nDCG@10: gain 2^grade − 1, discount log2(rank + 1), normalised by the ideal ordering of the judged
 *       paragraphs.
 *   <li>MRR: 1 / rank of the first paragraph graded 2 or 3 (0 when none is in the top 10).
 *   <li>recall@10: the share of paragraphs graded 2 or 3 that appear in the top 10.
 * </ul>
 */
public final class Metrics {

  public static final int K = 10;

  private Metrics() {}

  /** The three metrics for one ranked list. */
  public record Scores(double ndcg, double mrr, double recall) {}

  public static Scores score(List<String> ranked, Map<String, Integer> grades) {
    List<String> top = ranked.size() > K ? ranked.subList(0, K) : ranked;
    double dcg = 0;
    double mrr = 0;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < top.size(); i++) {
      String id = top.get(i);
      if (!seen.add(id)) {
        continue;
      }
      int g = grades.getOrDefault(id, 0);
      dcg += gain(g) / log2(i + 2);
      if (mrr == 0 && g >= 2) {
        mrr = 1.0 / (i + 1);
      }
    }
    List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).limit(K).toList();
    double idcg = 0;
    for (int i = 0; i < ideal.size(); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    long relevant = grades.values().stream().filter(g -> g >= 2).count();
    long found = top.stream().distinct().filter(id -> grades.getOrDefault(id, 0) >= 2).count();
    return new Scores(idcg == 0 ? 0 : dcg / idcg, mrr, relevant == 0 ? 0 : found / (double) relevant);
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
