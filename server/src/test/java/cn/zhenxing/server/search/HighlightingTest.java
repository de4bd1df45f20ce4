package cn.zhenxing.server.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.index.ParagraphDocuments;
import cn.zhenxing.server.eval.Judgments;
import cn.zhenxing.server.index.FacetedSearcher;
import cn.zhenxing.server.index.IndexService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snippets found by string search must be exactly those found by analysing the text: the same marks in the same
 * passages, for every judged query and for the awkward ones (traditional characters, Latin runs, pinyin,
 * phrases, exclusions).
 */
class HighlightingTest {

  @Test
  void string_search_marks_what_analysis_marks(@TempDir Path dir) throws Exception {
    List<String> queries = new ArrayList<>();
    Judgments.load(Path.of("../eval/relevance-judgments.jsonl")).forEach(q -> queries.add(q.query()));
    queries.addAll(List.of("東北振興", "ＲＣＥＰ", "RCEP", "5G", "GDP 增长", "AI+", "PM2.5", "yingshang huanjing",
        "\"数字沈阳\"", "创新 -沈阳", "沈阳", "中欧班列", "十四五"));
    try (IndexService index = SeedIndex.open(dir);
        IndexService.Lease lease = index.acquire()) {
      FacetedSearcher searcher = lease.searcher();
      QueryContext ctx = new QueryContext(new SynonymSource(null).current(), lease::pinyin,
          (field, term) -> docFreq(searcher, field, term), searcher.getIndexReader().numDocs(),
          QueryContext.Features.ALL);
      Highlighting byStrings = new Highlighting(true);
      Highlighting byAnalysis = new Highlighting(false);
      QueryBuilder builderOfQueries = new QueryBuilder();
      int searchedByStrings = 0;
      int marked = 0;
      for (String q : queries) {
        Optional<QueryBuilder.Built> built = builderOfQueries.build(UserQueryParser.parse(q), ctx);
        if (built.isEmpty()) {
          continue;
        }
        ScoreDoc[] hits = searcher.search(built.get().query(), 10).scoreDocs;
        String[] texts = new String[hits.length];
        for (int i = 0; i < hits.length; i++) {
          texts[i] = ParagraphDocuments.fromDocument(searcher.storedFields().document(hits[i].doc)).text();
        }
        String[] fast = byStrings.snippets(searcher, built.get().highlight(), hits, texts);
        String[] slow = byAnalysis.snippets(searcher, built.get().highlight(), hits, texts);
        assertArrayEquals(slow, fast, "snippets of " + q);
        if (SequenceOffsets.sequencesOf(built.get().highlight()).isPresent()) {
          searchedByStrings++;
        }
        for (String s : fast) {
          marked += s.contains("<mark>") ? 1 : 0;
        }
      }
      assertTrue(searchedByStrings >= queries.size() * 9 / 10,
          "most queries are plain sequences: " + searchedByStrings + " of " + queries.size());
      assertTrue(marked > 500, "snippets with marks: " + marked);
    }
  }

  @Test
  void sequences_are_read_from_bigram_chains_and_tokens() {
    QueryBuilder builder = new QueryBuilder();
    assertEquals(List.of("数字沈阳"), chars(SequenceOffsets.sequencesOf(
        builder.sequence(cn.zhenxing.indexer.index.IndexSchema.TEXT_BIGRAMS, "数字沈阳")).orElseThrow()));
    assertEquals(List.of("rcep"), chars(SequenceOffsets.sequencesOf(
        builder.sequence(cn.zhenxing.indexer.index.IndexSchema.TEXT_BIGRAMS, "RCEP")).orElseThrow()));
    assertEquals(Optional.empty(), SequenceOffsets.sequencesOf(
        new org.apache.lucene.search.TermQuery(new Term(cn.zhenxing.indexer.index.IndexSchema.TEXT, "沈阳"))));
    assertEquals("东北振兴 rcep", SequenceOffsets.normalise("東北振興 ＲＣＥＰ"));
  }

  private static List<String> chars(List<SequenceOffsets.Sequence> sequences) {
    return sequences.stream().map(SequenceOffsets.Sequence::chars).toList();
  }

  private static int docFreq(FacetedSearcher searcher, String field, String term) {
    try {
      return searcher.getIndexReader().docFreq(new Term(field, term));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
