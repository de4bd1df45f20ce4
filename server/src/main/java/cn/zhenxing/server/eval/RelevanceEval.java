package cn.zhenxing.server.eval;

import cn.zhenxing.indexer.article.FileArticleSource;
import cn.zhenxing.indexer.cli.CommandLine;
import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.index.IndexSchema;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.indexer.theme.ThemeTagger;
import cn.zhenxing.server.index.IndexService;
import cn.zhenxing.server.search.ParagraphSearcher;
import cn.zhenxing.server.search.QueryContext;
import cn.zhenxing.server.search.SynonymSource;
import cn.zhenxing.server.search.SearchRequest;
import cn.zhenxing.server.search.SearchResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.MultiBits;

/**
 * Runs the relevance evaluation set against our engine and against a stock baseline on the same paragraphs,
 * and prints nDCG@10, MRR and recall@10 overall and per query kind.
 *
 * <pre>java -cp server/target/zhenxing-server.jar cn.zhenxing.server.eval.RelevanceEval \
 *     [--judgments eval/relevance-judgments.jsonl] [--seeds seeds | --index DIR]</pre>
 */
public final class RelevanceEval {

  static final List<CommandLine.Option> OPTIONS = List.of(
      new CommandLine.Option("judgments", "FILE", false, "evaluation set (default eval/relevance-judgments.jsonl)"),
      new CommandLine.Option("seeds", "DIR", false, "build a temporary index from these inputs (default seeds)"),
      new CommandLine.Option("index", "DIR", false, "evaluate this existing index instead"),
      new CommandLine.Option("features", "LIST", false, "query features on: all (default), none, or any of synonyms,pinyin,latin"),
      new CommandLine.Option("verbose", null, false, "print every query's scores and top results"),
      new CommandLine.Option("help", null, false, "show this help"));

  /** Averages for one group of queries, for our engine and the stock baseline. */
  public record Row(String group, int queries, Metrics.Scores ours, Metrics.Scores stock) {}

  /** One query's outcome. */
  public record QueryResult(Judgments.Query query, Metrics.Scores ours, Metrics.Scores stock, List<String> oursTop) {}

  /** The whole evaluation: per-kind rows, then the overall row. */
  public record Report(List<Row> rows, List<QueryResult> queries) {
    public Row overall() {
      return rows.get(rows.size() - 1);
    }

    public Row kind(String kind) {
      return rows.stream().filter(r -> r.group().equals(kind)).findFirst().orElseThrow();
    }
  }

  private RelevanceEval() {}

  public static void main(String[] args) throws Exception {
    CommandLine cl = new CommandLine("java -cp zhenxing-server.jar cn.zhenxing.server.eval.RelevanceEval", OPTIONS);
    try {
      cl.parse(args);
    } catch (CommandLine.UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
    if (cl.has("help")) {
      System.out.print(cl.help("Relevance of our engine and of a stock SmartChinese + QueryParser baseline."));
      return;
    }
    List<Judgments.Query> queries = Judgments.load(Path.of(cl.get("judgments", "eval/relevance-judgments.jsonl")));
    QueryContext.Features features = features(cl.get("features", "all"));
    Report report;
    if (cl.has("index")) {
      report = evaluate(queries, new IndexLayout(Path.of(cl.get("index", ""))), null, features);
    } else {
      Path tmp = Files.createTempDirectory("zhenxing-eval");
      try {
        report = evaluate(queries, new IndexLayout(tmp), Path.of(cl.get("seeds", "seeds")), features);
      } finally {
        IndexLayout.deleteRecursively(tmp);
      }
    }
    if (cl.has("verbose")) {
      for (QueryResult r : report.queries()) {
        System.out.printf(Locale.ROOT, "%s %-12s %-24s ours %.3f stock %.3f  %s%n", r.query().id(), r.query().kind(),
            r.query().query(), r.ours().ndcg(), r.stock().ndcg(), r.oursTop());
      }
    }
    System.out.print(table(report));
  }

  static QueryContext.Features features(String list) {
    if (list.equals("all")) {
      return QueryContext.Features.ALL;
    }
    List<String> on = List.of(list.split(","));
    return new QueryContext.Features(on.contains("synonyms"), on.contains("pinyin"), on.contains("latin"));
  }

  /** Evaluates on the index in {@code layout}, building it from {@code seeds} first when given. */
  public static Report evaluate(List<Judgments.Query> queries, IndexLayout layout, Path seeds,
      QueryContext.Features features) throws Exception {
    Taxonomy taxonomy = Taxonomy.defaults();
    IndexBuilder builder = new IndexBuilder(new ParagraphSplitter(), new ThemeTagger(taxonomy),
        Runtime.getRuntime().availableProcessors());
    try (IndexService index = IndexService.open(layout, builder, () -> {
      if (seeds == null) {
        throw new IllegalArgumentException("no index in " + layout.root());
      }
      return FileArticleSource.of(List.of(seeds.toString()));
    })) {
      ParagraphSearcher searcher = new ParagraphSearcher(index, taxonomy, new SynonymSource(null), features, Long.MAX_VALUE / 2);
      try (StockBaseline stock = new StockBaseline(paragraphTexts(index))) {
        List<QueryResult> results = new ArrayList<>();
        for (Judgments.Query q : queries) {
          SearchResponse r = searcher.search(new SearchRequest(q.query(), List.of(), 1, Metrics.K));
          List<String> ours = r.hits().stream().map(SearchResponse.Hit::id).toList();
          List<String> base = stock.search(q.query(), Metrics.K);
          results.add(new QueryResult(q, Metrics.score(ours, q.relevant()), Metrics.score(base, q.relevant()), ours));
        }
        return new Report(rows(results), results);
      }
    }
  }

  private static Map<String, String> paragraphTexts(IndexService index) throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    try (IndexService.Lease lease = index.acquire()) {
      IndexReader reader = lease.searcher().getIndexReader();
      Bits live = MultiBits.getLiveDocs(reader);
      StoredFields stored = reader.storedFields();
      for (int d = 0; d < reader.maxDoc(); d++) {
        if (live == null || live.get(d)) {
          var doc = stored.document(d);
          texts.put(doc.get(IndexSchema.ID), doc.get(IndexSchema.TEXT));
        }
      }
    }
    return texts;
  }

  private static List<Row> rows(List<QueryResult> results) {
    Map<String, List<QueryResult>> byKind = new TreeMap<>();
    for (QueryResult r : results) {
      byKind.computeIfAbsent(r.query().kind(), k -> new ArrayList<>()).add(r);
    }
    List<Row> rows = new ArrayList<>();
    byKind.forEach((kind, list) -> rows.add(average(kind, list)));
    rows.add(average("overall", results));
    return rows;
  }

  private static Row average(String group, List<QueryResult> list) {
    return new Row(group, list.size(),
        mean(list.stream().map(QueryResult::ours).toList()), mean(list.stream().map(QueryResult::stock).toList()));
  }

  private static Metrics.Scores mean(List<Metrics.Scores> scores) {
    double n = Math.max(1, scores.size());
    return new Metrics.Scores(
        scores.stream().mapToDouble(Metrics.Scores::ndcg).sum() / n,
        scores.stream().mapToDouble(Metrics.Scores::mrr).sum() / n,
        scores.stream().mapToDouble(Metrics.Scores::recall).sum() / n);
  }

  /** A Markdown table of the report. */
  public static String table(Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append("| kind | queries | nDCG@10 ours | nDCG@10 stock | MRR ours | MRR stock | recall@10 ours | recall@10 stock |\n");
    sb.append("|---|---|---|---|---|---|---|---|\n");
    for (Row r : report.rows()) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
          r.group().equals("overall") ? "**overall**" : r.group(), r.queries(), r.ours().ndcg(), r.stock().ndcg(),
          r.ours().mrr(), r.stock().mrr(), r.ours().recall(), r.stock().recall()));
    }
    return sb.toString();
  }
}
