package cn.zhenxing.server.search;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Wraps a query so that matching stops at a deadline: past it, the query's iterators report no more
 * documents, and whatever drives them (ranking, theme counting) finishes with what it has. Unlike
 * IndexSearcher's own time limit this works with any collector, and the search ends normally, so hits, totals
 * and theme counts are all the consistent "partial" picture.
 */
final class DeadlineQuery extends Query {

  /** A point in time, and whether any search noticed it passed. */
  static final class Deadline {
    private final long atNanos;
    private final AtomicBoolean reached = new AtomicBoolean();

    Deadline(long millisFromNow) {
      long nanos = millisFromNow >= Long.MAX_VALUE / 2_000_000 ? Long.MAX_VALUE / 2 : millisFromNow * 1_000_000;
      this.atNanos = System.nanoTime() + nanos;
    }

    boolean check() {
      if (System.nanoTime() - atNanos > 0) {
        reached.set(true);
        return true;
      }
      return false;
    }

    /** True when matching was cut short. */
    boolean reached() {
      return reached.get();
    }
  }

  /** Iterator calls between two looks at the clock. */
  static final int CHECK_EVERY = 256;

  private final Query in;
  private final Deadline deadline;

  DeadlineQuery(Query in, Deadline deadline) {
    this.in = in;
    this.deadline = deadline;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    return rewritten == in ? this : new DeadlineQuery(rewritten, deadline);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight inner = in.createWeight(searcher, scoreMode, boost);
    return new FilterWeight(this, inner) {
      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }

      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = scorerSupplier(context);
        return supplier == null ? null : supplier.get(Long.MAX_VALUE);
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = in.scorerSupplier(context);
        if (supplier == null) {
          return null;
        }
        Weight weight = this;
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new DeadlineScorer(weight, supplier.get(leadCost), deadline);
          }

          @Override
          public long cost() {
            return supplier.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            supplier.setTopLevelScoringClause();
          }
        };
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return "deadline(" + in.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  private static final class DeadlineScorer extends Scorer {
    private final Scorer in;
    private final Deadline deadline;
    private final TwoPhaseIterator twoPhase;
    private final DocIdSetIterator iterator;
    private int calls;
    private int doc = -1;

    DeadlineScorer(Weight weight, Scorer in, Deadline deadline) {
      super(weight);
      this.in = in;
      this.deadline = deadline;
      TwoPhaseIterator inner = in.twoPhaseIterator();
      if (inner == null) {
        this.twoPhase = null;
        this.iterator = wrap(in.iterator());
      } else {
        DocIdSetIterator approximation = wrap(inner.approximation());
        this.twoPhase = new TwoPhaseIterator(approximation) {
          @Override
          public boolean matches() throws IOException {
            return inner.matches();
          }

          @Override
          public float matchCost() {
            return inner.matchCost();
          }
        };
        this.iterator = TwoPhaseIterator.asDocIdSetIterator(twoPhase);
      }
    }

    private DocIdSetIterator wrap(DocIdSetIterator it) {
      return new DocIdSetIterator() {
        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() throws IOException {
          return doc = expired() ? NO_MORE_DOCS : it.nextDoc();
        }

        @Override
        public int advance(int target) throws IOException {
          return doc = expired() ? NO_MORE_DOCS : it.advance(target);
        }

        @Override
        public long cost() {
          return it.cost();
        }
      };
    }

    private boolean expired() {
      return (calls++ % CHECK_EVERY) == 0 && deadline.check(); // the first call looks too
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore);
    }
  }
}
