package cn.zhenxing.indexer.analysis;

import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
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

  /**
   * Query units for synonym matching: each CJK character is a token, each run of Latin letters or digits is
   * one token (so the rule AI never fires inside "email"), lower-cased, folded like the other analyzers.
   */
  public static Analyzer synonymUnits() {
    return new SynonymUnitAnalyzer();
  }

  /** The analyzer handed to the IndexWriter: words for most fields, bigrams for the bigram fields. */
  public static Analyzer forIndexing(Map<String, Analyzer> bigramFields) {
    return new PerFieldAnalyzerWrapper(words(), bigramFields);
  }

  /**
   * {@code text} folded as every analyzer here folds it (width forms, traditional characters, case), worked
   * out directly for text made of ASCII, full-width ASCII and characters the folding leaves alone, which is
   * nearly all policy text. Null for anything else (half-width katakana, traditional characters, non-ASCII
   * upper case, surrogate pairs): the caller then runs the analyzer's own normalisation. Running the char
   * filters over a page of hits for snippets was a tenth of a search's CPU.
   */
  public static String foldedOrNull(String text) {
    String widths = foldedWidths(text);
    if (widths == null) {
      return null;
    }
    char[] out = null;
    for (int i = 0; i < widths.length(); i++) {
      char c = widths.charAt(i);
      char f = c;
      if (c >= 'A' && c <= 'Z') {
        f = (char) (c + ('a' - 'A'));
      } else if (c >= 0x80 && (c < 0x3000 || c >= 0xA000)
          && (Character.isSurrogate(c) || Character.toLowerCase(c) != c)) {
        // CJK punctuation, kana and ideographs (U+3000–U+9FFF) have no case: the test checks every one.
        return null;
      }
      if (f != c) {
        if (out == null) {
          out = widths.toCharArray();
        }
        out[i] = f;
      }
    }
    String folded = out == null ? widths : new String(out);
    return TraditionalToSimplified.mayNeedConversion(folded) ? null : folded;
  }

  /**
   * Full-width letters and digits folded to ASCII (ＲＣＥＰ → RCEP, ２０２５ → 2025), and full-width punctuation
   * inside such a run too (ＰＭ２．５ → PM2.5, Ｒ＆Ｄ → R&D); the ，：（）of Chinese sentences stay as they are.
   * One character for one, so offsets need no correction. Null when the text has another character of the
   * half-width and full-width block (half-width katakana), which CJKWidthCharFilter folds instead.
   *
   * <p>Why not fold the punctuation too, as CJKWidthCharFilter does: SmartChinese's segmenter is made for the
   * full-width punctuation of Chinese text. Given ASCII punctuation instead it segmented 40% slower (a
   * 4.2M-character slice of the corpus, 450,919–466,216 vs 722,924–747,501 chars/s) and split some words
   * differently from the stock analyzer (（七）海域使用权； → 使用/权).
   */
  static String foldedWidths(CharSequence text) {
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0xFF00 || c > 0xFFEF) {
        continue;
      }
      if (c == 0xFF00 || c > 0xFF5E) {
        return null;
      }
      char f = widthFolded(c);
      boolean inRun = isAsciiAlnum(f)
          || (i > 0 && isAsciiAlnum(out == null ? text.charAt(i - 1) : out[i - 1])
              && i + 1 < text.length() && isAsciiAlnum(widthFolded(text.charAt(i + 1))));
      if (inRun) {
        if (out == null) {
          out = text.toString().toCharArray();
        }
        out[i] = f;
      }
    }
    return out == null ? text.toString() : new String(out);
  }

  /**
   * {@link #foldedWidths} for typed text, such as a query: full-width letters and digits, and punctuation
   * within their runs, as ASCII; the text unchanged when it holds characters only CJKWidthCharFilter folds.
   */
  public static String foldedLettersAndDigits(String text) {
    String folded = foldedWidths(text);
    return folded == null ? text : folded;
  }

  /**
   * Every full-width ASCII form as ASCII, punctuation too (8％ → 8%): for comparing texts, never for analysing
   * them (see {@link #foldedWidths} on why the analysers keep full-width punctuation).
   */
  public static String allWidthsFolded(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.append(widthFolded(text.charAt(i)));
    }
    return out.toString();
  }

  private static char widthFolded(char c) {
    return c >= 0xFF01 && c <= 0xFF5E ? (char) (c - 0xFEE0) : c;
  }

  private static boolean isAsciiAlnum(int c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  /**
   * What every analyzer here does to text before splitting it: full-width forms folded (ＲＣＥＰ → RCEP),
   * traditional characters simplified, and, for single terms, lower case. Offsets stay on the original text.
   */
  private abstract static class FoldingAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new FoldingReader(reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
      return initReader(fieldName, reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }

  /**
   * Width folding ({@link #foldedWidths}) and traditional characters simplified. Text with half-width katakana
   * goes through CJKWidthCharFilter instead, which folds every full-width character (the shared corpus has no
   * such text; for one that has, only how SmartChinese sees its punctuation differs).
   */
  private static final class FoldingReader extends WholeTextCharFilter {
    FoldingReader(Reader in) {
      super(in);
    }

    @Override
    Reader filter(String text) {
      String widths = foldedWidths(text);
      if (widths == null) {
        return TraditionalToSimplified.filter(new CJKWidthCharFilter(new StringReader(text)));
      }
      if (TraditionalToSimplified.mayNeedConversion(widths)) {
        return TraditionalToSimplified.filter(new StringReader(widths));
      }
      return new StringReader(widths);
    }
  }

  private static final class WordAnalyzer extends FoldingAnalyzer {
    private static final CharArraySet STOP = SmartChineseAnalyzer.getDefaultStopSet();

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new SmartChineseTokenizer(); // Lucene's HMMChineseTokenizer's words, faster
      TokenStream result = new PorterStemFilter(tokenizer);
      result = new StopFilter(result, STOP);
      return new TokenStreamComponents(tokenizer, result);
    }
  }

  private static final class SynonymUnitAnalyzer extends FoldingAnalyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new CharUnitTokenizer();
      return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
    }
  }

  /** One token per CJK character, per run of ASCII letters and digits; everything else separates tokens. */
  static final class CharUnitTokenizer extends Tokenizer {
    private final org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
        addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
    private final org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
        addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
    private String text;
    private int pos;

    @Override
    public boolean incrementToken() throws java.io.IOException {
      clearAttributes();
      if (text == null) {
        text = WholeTextCharFilter.readAll(input);
      }
      while (pos < text.length()) {
        int cp = text.codePointAt(pos);
        int start = pos;
        if (isAsciiAlnum(cp)) {
          while (pos < text.length() && isAsciiAlnum(text.charAt(pos))) {
            pos++;
          }
        } else {
          pos += Character.charCount(cp);
          if (!Character.isLetterOrDigit(cp)) {
            continue;
          }
        }
        term.setEmpty().append(text, start, pos);
        offset.setOffset(correctOffset(start), correctOffset(pos));
        return true;
      }
      return false;
    }

    @Override
    public void end() throws java.io.IOException {
      super.end();
      int end = correctOffset(text == null ? 0 : text.length());
      offset.setOffset(end, end);
    }

    @Override
    public void reset() throws java.io.IOException {
      super.reset();
      text = null;
      pos = 0;
    }
  }

  private static final class BigramAnalyzer extends FoldingAnalyzer {
    private final boolean unigrams;

    BigramAnalyzer(boolean unigrams) {
      this.unigrams = unigrams;
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
  }
}
