package cn.zhenxing.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.server.index.FacetedSearcher;
import cn.zhenxing.server.index.IndexService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DidYouMeanTest {

  @Test
  void a_spelling_fix_is_counted_in_characters_changed() {
    assertEquals(1, DidYouMean.editDistance("营商环竟", "营商环境"));
    assertEquals(2, DidYouMean.editDistance("沈阳营商环境", "一流营商环境"), "two changed: no spelling fix of six");
    assertEquals(1, DidYouMean.editDistance("数字沈阳", "数字沈阳市"));
    assertEquals(0, DidYouMean.editDistance("", ""));
  }

  @Test
  void proposals_are_looked_for_within_the_searchs_deadline_and_a_bounded_number_of_steps(@TempDir Path dir)
      throws Exception {
    try (IndexService index = SeedIndex.open(dir);
        IndexService.Lease lease = index.acquire()) {
      FacetedSearcher searcher = lease.searcher();
      AtomicInteger lookups = new AtomicInteger(); // terms the query building looked up: work done
      QueryContext ctx = new QueryContext(new SynonymSource(null).current(), lease::pinyin, (field, term) -> {
        lookups.incrementAndGet();
        try {
          return searcher.getIndexReader().docFreq(new Term(field, term));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, searcher.getIndexReader().numDocs(), QueryContext.Features.ALL);
      DidYouMean didYouMean = new DidYouMean(new QueryBuilder());
      UserQuery typo = UserQueryParser.parse("营商环竟");

      Optional<DidYouMean.Proposal> found = didYouMean.propose(typo, List.of(), searcher, lease.suggestions(), ctx,
          new DeadlineQuery.Deadline(60_000));
      assertEquals("营商环境", found.map(DidYouMean.Proposal::query).orElse(null));
      assertFalse(didYouMean.propose(typo, List.of(), searcher, lease.suggestions(), ctx,
          new DeadlineQuery.Deadline(0)).isPresent(), "past the deadline nothing more is searched");

      // A pasted text of 166 rare pairs that finds nothing: each chunk left out in turn, each spelled otherwise,
      // had been a search of all the others.
      StringBuilder pasted = new StringBuilder();
      for (int i = 0; i < 166; i++) {
        pasted.appendCodePoint(0x4e00 + i).appendCodePoint(0x4e80 + i).append(' ');
      }
      UserQuery many = UserQueryParser.parse(pasted.toString().strip());
      lookups.set(0);
      new QueryBuilder().build(many, ctx);
      int oneQuery = lookups.get();
      lookups.set(0);
      didYouMean.propose(many, List.of(), searcher, lease.suggestions(), ctx, new DeadlineQuery.Deadline(60_000));
      assertTrue(lookups.get() <= DidYouMean.MAX_STEPS * oneQuery,
          lookups.get() + " lookups against " + oneQuery + " for the query itself");
    }
  }
}
