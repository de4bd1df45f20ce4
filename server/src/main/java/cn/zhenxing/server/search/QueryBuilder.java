package cn.zhenxing.server.search;

import cn.zhenxing.indexer.analysis.ChineseAnalyzers;
import cn.zhenxing.indexer.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link UserQuery} into a Lucene query. The design, in order of importance:
 *
 * <ol>
 *   <li>Every word must match (a few may be missing from long questions): each word is satisfied by the
 *       SmartChinese word itself, or by its characters in sequence in the bigram field (so 沈阳 finds
 *       沈阳市), or by the paragraph's section or article title.
 *   <li>Word matches score above bigram-only matches, which score above context-only matches (boosts).
 *   <li>Proximity: the words typed together found together (as the exact sequence, as adjacent pairs, or
 *       near each other) rank higher.
 *   <li>Quoted phrases and exclusions work on characters in sequence, whatever the segmentation.
 * </ol>
 */
public final class QueryBuilder {

  static final float WORD_BOOST = 1.0f;
  static final float BIGRAM_BOOST = 0.5f;
  static final float SECTION_BOOST = 0.3f;
  static final float TITLE_BOOST = 0.2f;
  static final float CONTEXT_BIGRAM_BOOST = 0.1f;
  static final float EXACT_SEQUENCE_BOOST = 1.5f;
  static final float ADJACENT_PAIR_BOOST = 0.4f;
  static final float NEAR_BOOST = 0.3f;
  static final int NEAR_SLOP = 8;

  /**
   * Function words and question words dropped from a query when other words remain: they carry no topic, and
   * requiring them would only shrink results (沈阳怎样优化营商环境 needs 沈阳, 优化, 营商环境, not 怎样).
   */
  static final Set<String> QUERY_STOP_WORDS =
      Set.of("的", "了", "和", "与", "及", "是", "在", "对", "把", "被", "将", "有", "也", "都", "就",
          "怎样", "怎么", "如何", "什么", "哪些", "哪里", "哪个", "为什么", "吗", "呢", "吧", "啊",
          "关于", "有关", "一下", "请问", "情况", "方面");

  private final Analyzer words = ChineseAnalyzers.words();
  private final Analyzer bigrams = ChineseAnalyzers.queryBigrams();

  /** A word of the query: its analysed form and the characters the user typed for it. */
  record Word(String term, String surface) {}

  /**
   * The query to run, and the query whose matches to mark in snippets: the words and phrases only, without
   * the proximity boosts (a sloppy phrase would mark the whole stretch between two words).
   */
  public record Built(Query query, Query highlight) {}

  /** The query, or empty when the text holds nothing searchable (only punctuation, say). */
  public Optional<Built> build(UserQuery q) {
    if (q.isEmpty()) {
      return Optional.of(new Built(new MatchAllDocsQuery(), new MatchAllDocsQuery()));
    }
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    BooleanQuery.Builder highlight = new BooleanQuery.Builder();
    boolean positive = false;

    List<List<Word>> chunks = new ArrayList<>();
    for (String chunk : q.text()) {
      List<Word> w = words(chunk);
      if (!w.isEmpty()) {
        chunks.add(w);
      }
    }
    List<Word> all = dropStopWords(chunks.stream().flatMap(List::stream).toList());
    if (!all.isEmpty()) {
      top.add(coverage(all), Occur.MUST);
      positive = true;
      proximity(chunks, all).forEach(p -> top.add(p, Occur.SHOULD));
      markable(chunks).forEach(m -> highlight.add(m, Occur.SHOULD));
    }
    for (String phrase : q.phrases()) {
      Query exact = sequence(IndexSchema.TEXT_BIGRAMS, phrase);
      if (exact != null) {
        top.add(exact, Occur.MUST);
        highlight.add(exact, Occur.SHOULD);
        positive = true;
      }
    }
    boolean excludedAny = false;
    for (String ex : q.excluded()) {
      Query seq = sequence(IndexSchema.TEXT_BIGRAMS, ex);
      if (seq != null) {
        top.add(seq, Occur.MUST_NOT);
        excludedAny = true;
      }
    }
    if (!positive) {
      if (!q.onlyExclusions() || !excludedAny) {
        return Optional.empty();
      }
      top.add(new MatchAllDocsQuery(), Occur.MUST);
      return Optional.of(new Built(top.build(), new MatchAllDocsQuery()));
    }
    return Optional.of(new Built(top.build(), highlight.build()));
  }

  /** All words required, except that long questions may miss a quarter of them. */
  private Query coverage(List<Word> all) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Word w : all) {
      b.add(wordQuery(w), Occur.SHOULD);
    }
    int n = all.size();
    b.setMinimumNumberShouldMatch(n <= 4 ? n : (int) Math.ceil(n * 0.75));
    return b.build();
  }

  /** One word, in the ways it may occur, best match counting most. */
  private Query wordQuery(Word w) {
    List<Query> ways = new ArrayList<>();
    ways.add(new BoostQuery(new TermQuery(new Term(IndexSchema.TEXT, w.term())), WORD_BOOST));
    Query inText = sequence(IndexSchema.TEXT_BIGRAMS, w.surface());
    if (inText != null) {
      ways.add(new BoostQuery(inText, BIGRAM_BOOST));
    }
    ways.add(new BoostQuery(new TermQuery(new Term(IndexSchema.SECTION, w.term())), SECTION_BOOST));
    ways.add(new BoostQuery(new TermQuery(new Term(IndexSchema.TITLE, w.term())), TITLE_BOOST));
    Query inContext = sequence(IndexSchema.CONTEXT_BIGRAMS, w.surface());
    if (inContext != null) {
      ways.add(new BoostQuery(inContext, CONTEXT_BIGRAM_BOOST));
    }
    return new DisjunctionMaxQuery(ways, 0.1f);
  }

  /**
   * What snippets mark for free text: each chunk as typed, adjacent word pairs, and words, except single
   * characters split off a longer chunk (the 商 of 营/商/环境 would light up every 商 in the text).
   */
  private List<Query> markable(List<List<Word>> chunks) {
    List<Query> out = new ArrayList<>();
    for (List<Word> chunk : chunks) {
      StringBuilder surface = new StringBuilder();
      chunk.forEach(w -> surface.append(w.surface()));
      Query whole = sequence(IndexSchema.TEXT_BIGRAMS, surface.toString());
      if (whole != null) {
        out.add(whole);
      }
      for (int i = 0; i < chunk.size(); i++) {
        Word w = chunk.get(i);
        if (chunk.size() == 1 || w.surface().codePointCount(0, w.surface().length()) > 1) {
          out.add(wordQuery(w));
        }
        if (i + 1 < chunk.size()) {
          Query pair = sequence(IndexSchema.TEXT_BIGRAMS, w.surface() + chunk.get(i + 1).surface());
          if (pair != null) {
            out.add(pair); // overlapping pairs (营商, 商环境) join into one mark (营商环境)
          }
        }
      }
    }
    return out;
  }

  private List<Query> proximity(List<List<Word>> chunks, List<Word> all) {
    List<Query> out = new ArrayList<>();
    for (List<Word> chunk : chunks) {
      if (chunk.size() > 1) {
        StringBuilder surface = new StringBuilder();
        chunk.forEach(w -> surface.append(w.surface()));
        Query exact = sequence(IndexSchema.TEXT_BIGRAMS, surface.toString());
        if (exact != null) {
          out.add(new BoostQuery(exact, EXACT_SEQUENCE_BOOST));
        }
      }
    }
    for (int i = 0; i + 1 < all.size(); i++) {
      Query pair = sequence(IndexSchema.TEXT_BIGRAMS, all.get(i).surface() + all.get(i + 1).surface());
      if (pair != null) {
        out.add(new BoostQuery(pair, ADJACENT_PAIR_BOOST));
      }
    }
    if (all.size() > 1 && all.size() <= 8) {
      PhraseQuery.Builder near = new PhraseQuery.Builder();
      for (int i = 0; i < all.size(); i++) {
        near.add(new Term(IndexSchema.TEXT, all.get(i).term()), i);
      }
      near.setSlop(NEAR_SLOP);
      out.add(new BoostQuery(near.build(), NEAR_BOOST));
    }
    return out;
  }

  private static List<Word> dropStopWords(List<Word> words) {
    List<Word> kept = words.stream().filter(w -> !QUERY_STOP_WORDS.contains(w.term())).toList();
    return kept.isEmpty() ? words : kept;
  }

  /** SmartChinese words of {@code text}, each with the characters it came from. */
  List<Word> words(String text) {
    List<Word> out = new ArrayList<>();
    try (TokenStream ts = words.tokenStream(IndexSchema.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Word(term.toString(), text.substring(offset.startOffset(), offset.endOffset())));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The characters of {@code text} in sequence in a bigram field: one term for one or two characters, a phrase
   * of overlapping bigrams for more. Null when the text has nothing indexable.
   */
  Query sequence(String field, String text) {
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    Term single = null;
    int count = 0;
    try (TokenStream ts = bigrams.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += Math.max(1, posInc.getPositionIncrement());
        single = new Term(field, term.toString());
        phrase.add(single, pos);
        count++;
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (count == 0) {
      return null;
    }
    return count == 1 ? new TermQuery(single) : phrase.build();
  }
}
