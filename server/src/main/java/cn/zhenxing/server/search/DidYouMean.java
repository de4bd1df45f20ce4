package cn.zhenxing.server.search;

import cn.zhenxing.indexer.index.IndexSchema;
import cn.zhenxing.indexer.suggest.SuggestIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * When a query finds nothing, proposes one that does: a key phrase spelled almost the same (营商环竟 →
 * 营商环境), the hanzi reading of pinyin, or the same query with the word that matched nothing left out.
 * Only proposals that actually have results are offered, with their count.
 */
final class DidYouMean {

  static final double MIN_SIMILARITY = 0.5;

  /** A proposal: the query text to run instead, why, and how many results it has. */
  record Proposal(String query, String reason, long total) {}

  private final QueryBuilder queries;
  private final FacetsConfig facetsConfig = IndexSchema.facetsConfig();

  DidYouMean(QueryBuilder queries) {
    this.queries = queries;
  }

  Optional<Proposal> propose(UserQuery q, List<String> themes, IndexSearcher searcher, SuggestIndex suggestions,
      QueryContext ctx) throws IOException {
    if (q.text().isEmpty()) {
      return Optional.empty();
    }
    String typed = String.join(" ", q.text());
    for (String candidate : suggestions.similar(typed, 3, MIN_SIMILARITY)) {
      long n = count(UserQueryParser.parse(rewrite(q, List.of(candidate))), themes, searcher, ctx);
      if (n > 0) {
        return Optional.of(new Proposal(rewrite(q, List.of(candidate)), "spelling", n));
      }
    }
    if (q.text().size() > 1 || queries.words(typed, true).size() > 1) {
      return relaxed(q, themes, searcher, ctx);
    }
    return Optional.empty();
  }

  /** Leaves out one chunk (or, for a single chunk, one word) at a time; keeps the version with most hits. */
  private Optional<Proposal> relaxed(UserQuery q, List<String> themes, IndexSearcher searcher, QueryContext ctx)
      throws IOException {
    List<List<String>> candidates = new ArrayList<>();
    if (q.text().size() > 1) {
      for (int i = 0; i < q.text().size(); i++) {
        List<String> rest = new ArrayList<>(q.text());
        rest.remove(i);
        candidates.add(rest);
      }
    } else {
      List<QueryBuilder.Word> words = queries.words(q.text().get(0), true);
      for (int i = 0; i < words.size(); i++) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < words.size(); j++) {
          if (j != i) {
            sb.append(words.get(j).surface());
          }
        }
        candidates.add(List.of(sb.toString()));
      }
    }
    Proposal best = null;
    for (List<String> text : candidates) {
      String query = rewrite(q, text);
      long n = count(UserQueryParser.parse(query), themes, searcher, ctx);
      if (n > 0 && (best == null || n > best.total())) {
        best = new Proposal(query, "relaxed", n);
      }
    }
    return Optional.ofNullable(best);
  }

  private long count(UserQuery q, List<String> themes, IndexSearcher searcher, QueryContext ctx) throws IOException {
    Optional<QueryBuilder.Built> built = queries.build(q, ctx);
    if (built.isEmpty()) {
      return 0;
    }
    Query query = built.get().query();
    if (!themes.isEmpty()) {
      DrillDownQuery dd = new DrillDownQuery(facetsConfig, query);
      themes.forEach(t -> dd.add(IndexSchema.THEME, t));
      query = dd;
    }
    return searcher.count(query);
  }

  /** The query with its free text replaced, phrases and exclusions kept. */
  private static String rewrite(UserQuery q, List<String> text) {
    List<String> parts = new ArrayList<>(text);
    q.phrases().forEach(p -> parts.add("\"" + p + "\""));
    q.excluded().forEach(e -> parts.add("-" + (e.contains(" ") ? "\"" + e + "\"" : e)));
    return String.join(" ", parts);
  }
}
