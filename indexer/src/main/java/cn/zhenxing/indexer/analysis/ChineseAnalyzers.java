package cn.zhenxing.indexer.analysis;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one place analyzers are built; indexing and query parsing both use these, so the two always agree.
 *
 * <ul>
 *   <li>{@link #words()}: SmartChineseAnalyzer's word segmentation (HMM over its dictionary) for ranking on
 *       whole words. Full-width Latin and digits are folded to half width first.
 *   <li>{@link #bigrams()}: CJK bigrams plus unigrams. Finds text the segmenter splits differently from the
 *       query (沈阳 inside 沈阳市, 营商环境 split as 营/商/环境): any run of characters is a phrase of bigrams.
 * </ul>
 */
public final class ChineseAnalyzers {

  private ChineseAnalyzers() {}

  /** SmartChinese word analyzer: segmentation, Porter stemming of English words, punctuation removed. */
  public static Analyzer words() {
    return new WordAnalyzer();
  }

  /** Bigram analyzer for index time: every CJK unigram and bigram, Latin words and numbers lower-cased. */
  public static Analyzer bigrams() {
    return new BigramAnalyzer(true);
  }

  /** Bigram analyzer for queries: bigrams only (a lone character stays a unigram), for exact phrases. */
  public static Analyzer queryBigrams() {
    return new BigramAnalyzer(false);
  }

  /** The analyzer handed to the IndexWriter: words for most fields, bigrams for the bigram fields. */
  public static Analyzer forIndexing(Map<String, Analyzer> bigramFields) {
    return new PerFieldAnalyzerWrapper(words(), bigramFields);
  }

  private static final class WordAnalyzer extends Analyzer {
    private static final CharArraySet STOP = SmartChineseAnalyzer.getDefaultStopSet();

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new HMMChineseTokenizer();
      TokenStream result = new PorterStemFilter(tokenizer);
      result = new StopFilter(result, STOP);
      return new TokenStreamComponents(tokenizer, result);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
      return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }

  private static final class BigramAnalyzer extends Analyzer {
    private final boolean unigrams;

    BigramAnalyzer(boolean unigrams) {
      this.unigrams = unigrams;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer tokenizer = new StandardTokenizer();
      TokenStream result = new LowerCaseFilter(tokenizer);
      result =
          new CJKBigramFilter(
              result,
              CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL,
              unigrams);
      return new TokenStreamComponents(tokenizer, result);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
      return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }
}
