package cn.zhenxing.server.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The most a query can score under BM25 (whose term frequency factor stays below 1): its boosts times the IDF of
 * its terms, summed or taken as a disjunction takes them. Used to weigh one way of writing a chunk against
 * another before any paragraph is scored: 鞍山钢铁 for 鞍钢 is three bigrams in sequence and two words, worth
 * three times the one word typed, so every paragraph naming 鞍山钢铁 had ranked above those that say 鞍钢.
 */
final class ScoreBound {

  private ScoreBound() {}

  static double of(Query q, QueryContext ctx) {
    if (q instanceof BoostQuery b) {
      return b.getBoost() * of(b.getQuery(), ctx);
    }
    if (q instanceof ConstantScoreQuery) {
      return 1;
    }
    if (q instanceof BooleanQuery b) {
      double sum = 0;
      for (BooleanClause c : b.clauses()) {
        if (c.isScoring()) {
          sum += of(c.getQuery(), ctx);
        }
      }
      return sum;
    }
    if (q instanceof DisjunctionMaxQuery d) {
      double max = 0;
      double sum = 0;
      for (Query disjunct : d.getDisjuncts()) {
        double bound = of(disjunct, ctx);
        max = Math.max(max, bound);
        sum += bound;
      }
      return max + d.getTieBreakerMultiplier() * (sum - max);
    }
    // A term or phrase query, or any other: the IDF of each of its terms (a phrase's weight is their sum).
    List<Term> terms = new ArrayList<>();
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... ts) {
        terms.addAll(List.of(ts));
      }
    });
    return terms.stream().mapToDouble(t -> idf(t, ctx)).sum();
  }

  /** BM25's IDF, as Lucene computes it, from the number of paragraphs holding the term. */
  private static double idf(Term t, QueryContext ctx) {
    long n = ctx.docFreq().of(t.field(), t.text());
    return Math.log(1 + (ctx.numDocs() - n + 0.5) / (n + 0.5));
  }
}
