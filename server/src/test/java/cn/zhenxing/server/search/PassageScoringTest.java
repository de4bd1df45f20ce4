package cn.zhenxing.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Snippets are chosen by passage score, so ours must equal Lucene's exactly, not approximately. */
class PassageScoringTest {

  private static final String[] TERMS = {"沈阳", "数字", "营商", "环境", "创新", "5g"};

  @Test
  void scores_every_passage_exactly_as_lucene_does() {
    PassageScorer lucene = new PassageScorer();
    PassageScoring ours = new PassageScoring();
    Random random = new Random(42);
    for (int round = 0; round < 2_000; round++) {
      Passage passage = new Passage();
      int start = random.nextInt(5_000);
      int length = 1 + random.nextInt(300);
      passage.setStartOffset(start);
      passage.setEndOffset(start + length);
      int matches = random.nextInt(12);
      for (int m = 0, at = start; m < matches && at < start + length - 2; m++, at += 2) {
        String term = TERMS[random.nextInt(TERMS.length)];
        // Lucene takes a term's document frequency from its first match; later ones may differ.
        passage.addMatch(at, at + 2, new BytesRef(term), 1 + random.nextInt(9));
      }
      int contentLength = start + length + random.nextInt(2_000);
      assertEquals(lucene.score(passage, contentLength), ours.score(passage, contentLength), 0f,
          "passage " + passage);
    }
  }

  @Test
  void a_passage_without_matches_scores_zero() {
    Passage passage = new Passage();
    passage.setStartOffset(10);
    passage.setEndOffset(130);
    assertEquals(0f, new PassageScoring().score(passage, 500));
  }
}
