package cn.zhenxing.indexer.analysis;

import java.util.Arrays;
import org.apache.lucene.analysis.cn.smart.CharType;
import org.apache.lucene.analysis.cn.smart.Utility;
import org.apache.lucene.analysis.cn.smart.WordType;

/**
 * SmartChinese's sentence segmentation (Lucene's HHMMSegmenter, BiSegGraph and SegTokenFilter) giving the same
 * words, with the graph kept in reused arrays instead of objects, lists and hash maps per token. One instance
 * per tokenizer; not thread-safe.
 *
 * <p>The steps are Lucene's, in Lucene's order, because the order decides ties: every dictionary word found
 * at each Han character (spaces inside a word skipped, as Lucene does), a run of Latin letters or of digits as
 * one token, each punctuation mark as one; then the cheapest path from sentence start to end, where going
 * from word a to word b costs Lucene's smoothed -log P(b|a), and of equal-cost paths the one whose predecessor
 * was found first wins.
 */
final class SmartChineseSegmenter {

  private static final char[] STRING = Utility.STRING_CHAR_ARRAY;
  private static final char[] NUMBER = Utility.NUMBER_CHAR_ARRAY;
  private static final char[] START = Utility.START_CHAR_ARRAY;
  private static final char[] END = Utility.END_CHAR_ARRAY;
  private static final byte[] CHAR_TYPES = new byte[65536];

  static {
    for (int c = 0; c < 65536; c++) {
      CHAR_TYPES[c] = (byte) Utility.getCharType((char) c);
    }
  }

  private final SmartChineseDictionary dict = SmartChineseDictionary.get();
  private final int stringFrequency = dict.frequency(STRING);
  private final int numberFrequency = dict.frequency(NUMBER);
  private final int startFrequency = dict.frequency(START);
  private final int endFrequency = dict.frequency(END);

  // The graph: one entry per candidate token, in Lucene's index order (by start, then as found).
  private int count;
  private int[] start = new int[64];
  private int[] end = new int[64];
  private int[] type = new int[64];
  private int[] frequency = new int[64];
  /** The token's characters as the pair dictionary sees them: where they are in {@link #keyChars}. */
  private int[] keyFrom = new int[64];
  private int[] keyLength = new int[64];
  /** Pair-key hashes after the token's characters and the '@' separator. */
  private long[] pairState1 = new long[64];
  private int[] pairState2 = new int[64];
  private double[] pathWeight = new double[64];
  private int[] previous = new int[64];
  private char[] keyChars = new char[256];
  private int keyCharCount;
  /** First token starting at each sentence position, -1 if none; then the first token at or after it. */
  private int[] firstAt = new int[64];
  private byte[] types = new byte[64];

  /**
   * The last pair looked up in each of 8,192 slots, with its frequency: Lucene's pair table is 4.8 MB, a
   * cache miss a lookup, and the pairs of policy text repeat (的, 和, 发展, 建设 ...). Exact: an entry is
   * used only for the same two hashes, and the answer is a function of them.
   */
  private final long[] pairCacheHash1 = new long[8192];
  private final long[] pairCacheEntry = filled(8192, -1); // hash2 << 32 | frequency; -1 when empty

  // The result: words of the best path, with offsets in the sentence.
  private int words;
  private int[] wordStart = new int[16];
  private int[] wordEnd = new int[16];
  private int[] wordFrom = new int[16];
  private int[] wordLength = new int[16];
  private char[] wordChars = new char[256];
  private int wordCharCount;

  /** Segments {@code length} characters of {@code text} from {@code offset}; read the words with the getters. */
  void segment(char[] text, int offset, int length) {
    buildGraph(text, offset, length);
    findCheapestPath();
    collectWords(text, offset);
  }

  int wordCount() {
    return words;
  }

  int wordStart(int i) {
    return wordStart[i];
  }

  int wordEnd(int i) {
    return wordEnd[i];
  }

  char[] wordBuffer() {
    return wordChars;
  }

  int wordOffset(int i) {
    return wordFrom[i];
  }

  int wordLength(int i) {
    return wordLength[i];
  }

  void clear() {
    words = 0;
  }

  /** HHMMSegmenter.createSegGraph, with the start and end tokens in place. */
  private void buildGraph(char[] text, int offset, int length) {
    count = 0;
    keyCharCount = 0;
    if (types.length < length) {
      types = new byte[Math.max(length, 2 * types.length)];
    }
    if (firstAt.length < length + 2) { // positions 0..length, the end token's included
      firstAt = new int[Math.max(length + 2, 2 * firstAt.length)];
    }
    for (int k = 0; k < length; k++) {
      types[k] = CHAR_TYPES[text[offset + k]];
    }
    Arrays.fill(firstAt, 0, length + 2, -1);
    addToken(-1, 0, WordType.SENTENCE_BEGIN, startFrequency, START, 0, START.length);
    int i = 0;
    while (i < length) {
      switch (types[i]) {
        case CharType.SPACE_LIKE:
          i++;
          break;
        case CharType.SURROGATE: {
          int n = Character.charCount(Character.codePointAt(text, offset + i, offset + length));
          addToken(i, i + n, WordType.CHINESE_WORD, 0, text, offset + i, n);
          i += n;
          break;
        }
        case CharType.HANZI:
          addWordsAt(text, offset, length, i);
          i++;
          break;
        case CharType.LETTER, CharType.FULLWIDTH_LETTER:
          i = addRun(i, length, CharType.LETTER, CharType.FULLWIDTH_LETTER, WordType.STRING,
              WordType.FULLWIDTH_STRING, stringFrequency, STRING);
          break;
        case CharType.DIGIT, CharType.FULLWIDTH_DIGIT:
          i = addRun(i, length, CharType.DIGIT, CharType.FULLWIDTH_DIGIT, WordType.NUMBER,
              WordType.FULLWIDTH_NUMBER, numberFrequency, NUMBER);
          break;
        case CharType.DELIMITER:
          addToken(i, i + 1, WordType.DELIMITER, SmartChineseDictionary.MAX_FREQUENCY, text, offset + i, 1);
          i++;
          break;
        default:
          addToken(i, i + 1, WordType.STRING, stringFrequency, STRING, 0, STRING.length);
          i++;
          break;
      }
    }
    addToken(length, length + 1, WordType.SENTENCE_END, endFrequency, END, 0, END.length);
  }

  /**
   * A run of letters (or of digits), half and full width mixed, as one token standing for any such run; the
   * run's own text replaces it once the path is chosen. Returns where the run ends.
   */
  private int addRun(int i, int length, int halfWidth, int fullWidth, int wordType, int fullWidthWordType,
      int freq, char[] key) {
    boolean anyFullWidth = false;
    int j = i;
    while (j < length && (types[j] == halfWidth || types[j] == fullWidth)) {
      anyFullWidth |= types[j] == fullWidth;
      j++;
    }
    addToken(i, j, anyFullWidth ? fullWidthWordType : wordType, freq, key, 0, key.length);
    return j;
  }

  /**
   * The single character at {@code i}, then every longer dictionary word starting there; like Lucene, spaces
   * between Han characters are skipped (the word's characters leave them out, its end offset does not).
   */
  private void addWordsAt(char[] text, int offset, int length, int i) {
    char first = text[offset + i];
    int node = dict.root(first);
    int from = keyCharCount;
    appendKeyChar(first);
    addToken(i, i + 1, WordType.CHINESE_WORD, node < 0 ? 0 : dict.frequency(node), keyChars, from, 1);
    int chars = 1;
    int j = i + 1;
    while (node >= 0) {
      if (chars > 1 && dict.isWord(node)) {
        addToken(i, j, WordType.CHINESE_WORD, dict.frequency(node), keyChars, from, chars);
      }
      while (j < length && types[j] == CharType.SPACE_LIKE) {
        j++;
      }
      if (j < length && types[j] == CharType.HANZI) {
        char next = text[offset + j];
        node = dict.child(node, next);
        appendKeyChar(next);
        chars++;
        j++;
      } else {
        break;
      }
    }
  }

  private void appendKeyChar(char c) {
    if (keyCharCount == keyChars.length) {
      keyChars = Arrays.copyOf(keyChars, keyChars.length * 2);
    }
    keyChars[keyCharCount++] = c;
  }

  private void addToken(int from, int to, int wordType, int freq, char[] chars, int charsFrom, int charsLength) {
    if (count == start.length) {
      grow();
    }
    int t = count++;
    start[t] = from;
    end[t] = to;
    type[t] = wordType;
    frequency[t] = freq;
    if (chars != keyChars) { // copied, so that every token's pair key is read from one place
      int copiedFrom = keyCharCount;
      for (int k = 0; k < charsLength; k++) {
        appendKeyChar(chars[charsFrom + k]);
      }
      charsFrom = copiedFrom;
    }
    keyFrom[t] = charsFrom;
    keyLength[t] = charsLength;
    if (from >= 0 && firstAt[from] < 0) {
      firstAt[from] = t;
    }
  }

  /**
   * BiSegGraph: Viterbi over the token graph. Token t1 links to every token starting at the first position at
   * or after its end; the cost is Lucene's expression, term for term, so that sums and ties come out the same.
   */
  private void findCheapestPath() {
    int endToken = count - 1;
    int length = start[endToken];
    // firstAt becomes "first token at or after this position".
    int next = endToken;
    for (int p = length; p >= 0; p--) {
      if (firstAt[p] >= 0) {
        next = firstAt[p];
      }
      firstAt[p] = next;
    }
    for (int t = 0; t < count; t++) {
      long h1 = SmartChineseDictionary.PAIR_HASH1_START;
      int h2 = SmartChineseDictionary.PAIR_HASH2_START;
      for (int k = keyFrom[t], e = k + keyLength[t]; k < e; k++) {
        h1 = SmartChineseDictionary.pairHash1(h1, keyChars[k]);
        h2 = SmartChineseDictionary.pairHash2(h2, keyChars[k]);
      }
      pairState1[t] = SmartChineseDictionary.pairHash1(h1, SmartChineseDictionary.PAIR_SEPARATOR);
      pairState2[t] = SmartChineseDictionary.pairHash2(h2, SmartChineseDictionary.PAIR_SEPARATOR);
      pathWeight[t] = Double.MAX_VALUE;
    }
    pathWeight[0] = 0;
    double smooth = 0.1;
    double tinyDouble = 1.0 / Utility.MAX_FREQUENCE;
    for (int t1 = 0; t1 < endToken; t1++) {
      double oneWordFreq = frequency[t1];
      int t2 = firstAt[end[t1]];
      int t2Start = start[t2];
      for (; t2 < count && start[t2] == t2Start; t2++) {
        long h1 = pairState1[t1];
        int h2 = pairState2[t1];
        for (int k = keyFrom[t2], e = k + keyLength[t2]; k < e; k++) {
          h1 = SmartChineseDictionary.pairHash1(h1, keyChars[k]);
          h2 = SmartChineseDictionary.pairHash2(h2, keyChars[k]);
        }
        int wordPairFreq = pairFrequency(h1, h2);
        double weight =
            -Math.log(
                smooth * (1.0 + oneWordFreq) / (Utility.MAX_FREQUENCE + 0.0)
                    + (1.0 - smooth)
                        * ((1.0 - tinyDouble) * wordPairFreq / (1.0 + oneWordFreq) + tinyDouble));
        if (pathWeight[t1] + weight < pathWeight[t2]) {
          pathWeight[t2] = pathWeight[t1] + weight;
          previous[t2] = t1;
        }
      }
    }
  }

  private int pairFrequency(long hash1, int hash2) {
    int slot = (int) (hash1 ^ (hash1 >>> 29)) & (pairCacheHash1.length - 1);
    long entry = pairCacheEntry[slot];
    if (entry != -1 && pairCacheHash1[slot] == hash1 && (int) (entry >>> 32) == hash2) {
      return (int) entry;
    }
    int frequency = dict.pairFrequency(hash1, hash2);
    pairCacheHash1[slot] = hash1;
    pairCacheEntry[slot] = ((long) hash2 << 32) | (frequency & 0xFFFFFFFFL);
    return frequency;
  }

  private static long[] filled(int size, long value) {
    long[] array = new long[size];
    Arrays.fill(array, value);
    return array;
  }

  /** WordSegmenter.convertSegToken and SegTokenFilter for the tokens of the path, in order. */
  private void collectWords(char[] text, int offset) {
    int endToken = count - 1;
    int n = 0;
    for (int t = previous[endToken]; t != 0; t = previous[t]) {
      n++;
    }
    if (wordStart.length < n) {
      int size = Math.max(n, wordStart.length * 2);
      wordStart = new int[size];
      wordEnd = new int[size];
      wordFrom = new int[size];
      wordLength = new int[size];
    }
    int k = n;
    for (int t = previous[endToken]; t != 0; t = previous[t]) {
      wordStart[--k] = t; // the token for now; replaced by its offsets below
    }
    wordCharCount = 0;
    for (k = 0; k < n; k++) {
      int t = wordStart[k];
      wordFrom[k] = wordCharCount;
      switch (type[t]) {
        case WordType.STRING, WordType.NUMBER, WordType.FULLWIDTH_STRING, WordType.FULLWIDTH_NUMBER -> {
          boolean fullWidth = type[t] == WordType.FULLWIDTH_STRING || type[t] == WordType.FULLWIDTH_NUMBER;
          boolean lowerCase = type[t] != WordType.NUMBER;
          for (int p = start[t]; p < end[t]; p++) {
            char c = text[offset + p];
            if (fullWidth && c >= 0xFF10) {
              c -= 0xFEE0;
            }
            if (lowerCase && c >= 0x0041 && c <= 0x005A) {
              c += 0x0020;
            }
            appendWordChar(c);
          }
        }
        case WordType.DELIMITER -> appendWordChar(Utility.COMMON_DELIMITER[0]);
        default -> {
          for (int p = keyFrom[t], e = p + keyLength[t]; p < e; p++) {
            appendWordChar(keyChars[p]);
          }
        }
      }
      wordLength[k] = wordCharCount - wordFrom[k];
      wordStart[k] = start[t];
      wordEnd[k] = end[t];
    }
    words = n;
  }

  private void appendWordChar(char c) {
    if (wordCharCount == wordChars.length) {
      wordChars = Arrays.copyOf(wordChars, wordChars.length * 2);
    }
    wordChars[wordCharCount++] = c;
  }

  private void grow() {
    int size = start.length * 2;
    start = Arrays.copyOf(start, size);
    end = Arrays.copyOf(end, size);
    type = Arrays.copyOf(type, size);
    frequency = Arrays.copyOf(frequency, size);
    keyFrom = Arrays.copyOf(keyFrom, size);
    keyLength = Arrays.copyOf(keyLength, size);
    pairState1 = Arrays.copyOf(pairState1, size);
    pairState2 = Arrays.copyOf(pairState2, size);
    pathWeight = Arrays.copyOf(pathWeight, size);
    previous = Arrays.copyOf(previous, size);
  }
}
