package cn.zhenxing.server.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * An upper bound on how many paragraphs a query can match, from document frequencies alone (no postings are
 * read): a conjunction matches no more than its rarest required part, a disjunction no more than the sum of its
 * parts, a phrase no more than its rarest term. Queries it does not know are assumed to match everything.
 */
final class MatchEstimate {

  private MatchEstimate() {}

  static long upperBound(Query query, IndexReader reader) throws IOException {
    return Math.min(reader.maxDoc(), bound(query, reader));
  }

  private static long bound(Query query, IndexReader reader) throws IOException {
    if (query instanceof BoostQuery boost) {
      return bound(boost.getQuery(), reader);
    }
    if (query instanceof TermQuery term) {
      return reader.docFreq(term.getTerm());
    }
    if (query instanceof PhraseQuery phrase) {
      long min = reader.maxDoc();
      for (Term t : phrase.getTerms()) {
        min = Math.min(min, reader.docFreq(t));
      }
      return min;
    }
    if (query instanceof DisjunctionMaxQuery dismax) {
      long sum = 0;
      for (Query q : dismax.getDisjuncts()) {
        sum += bound(q, reader);
      }
      return sum;
    }
    if (query instanceof BooleanQuery bool) {
      return booleanBound(bool, reader);
    }
    return reader.maxDoc();
  }

  private static long booleanBound(BooleanQuery bool, IndexReader reader) throws IOException {
    long required = Long.MAX_VALUE;
    int min = bool.getMinimumNumberShouldMatch();
    for (BooleanClause clause : bool.clauses()) {
      if (clause.isRequired()) {
        required = Math.min(required, bound(clause.getQuery(), reader));
      }
    }
    if (min == 0 && required != Long.MAX_VALUE) {
      return required; // optional parts only score; each docFreq is a seek in every segment, so skip them
    }
    List<Long> optional = new ArrayList<>();
    for (BooleanClause clause : bool.clauses()) {
      if (clause.getOccur() == BooleanClause.Occur.SHOULD) {
        optional.add(bound(clause.getQuery(), reader));
      }
    }
    // A paragraph matching at least `min` of n optional parts matches one of any n - min + 1 of them: the
    // rarest such parts give the tightest bound.
    Collections.sort(optional);
    int needed = optional.size() - Math.max(1, min) + 1;
    long sum = 0;
    for (int i = 0; i < needed && i < optional.size(); i++) {
      sum += optional.get(i);
    }
    return Math.min(required, optional.isEmpty() ? 0 : sum);
  }
}
