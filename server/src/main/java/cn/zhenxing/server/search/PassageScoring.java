package cn.zhenxing.server.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score, computed without allocating. PassageScorer (9.12) counts a passage's distinct terms in
 * a new BytesRefHash, whose first 32 KB block is allocated and zeroed for every candidate passage of every hit:
 * JFR put that at 30% of all memory a search allocates on the 1M bench index. A passage holds a handful of
 * matches, so comparing each with the earlier ones is cheaper, and gives the same terms in the same order, hence
 * bit-for-bit the same score.
 */
final class PassageScoring extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    double score = 0d;
    for (int i = 0; i < matches; i++) {
      if (seenBefore(terms, i)) {
        continue;
      }
      int inPassage = 1;
      for (int j = i + 1; j < matches; j++) {
        if (terms[j].bytesEquals(terms[i])) {
          inPassage++;
        }
      }
      // The document frequency of a term's first match, as Lucene keeps.
      score += tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }

  private static boolean seenBefore(BytesRef[] terms, int i) {
    for (int j = 0; j < i; j++) {
      if (terms[j].bytesEquals(terms[i])) {
        return true;
      }
    }
    return false;
  }
}
