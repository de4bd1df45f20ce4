package cn.zhenxing.indexer.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.lucene.analysis.cn.smart.Utility;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.util.Version;

/**
 * SmartChinese's word and word-pair dictionaries, read from the files Lucene ships in lucene-analysis-smartcn
 * and laid out for the lookups {@link SmartChineseSegmenter} makes. The answers are Lucene's: a word's
 * frequency is what its WordDictionary returns, a pair's what its BigramDictionary returns.
 *
 * <p>Why not Lucene's classes: they are package-private, and they are where SmartChinese spends its time.
 * Extending a word by one character costs Lucene two hash probes and two binary searches over the words
 * sharing its first character, and every pair of words allocates a key. Here a word is a walk down a trie (one
 * probe a character) and a pair's key is hashed from per-word state, with Lucene's hash functions and table.
 *
 * <p>Reading Lucene's serialised tables and building the trie took a quarter of a second of the server's
 * start-up, so the build writes the finished tables to {@value #COMPILED} beside this class
 * ({@link CompileSmartChineseDictionary}), and they are read back as a few bulk array copies. Without that
 * file (code run from an IDE) or with one written for another Lucene version, the tables are built as before.
 */
final class SmartChineseDictionary {

  /** The frequency Lucene's segmenter treats as certain (Utility.MAX_FREQUENCE). */
  static final int MAX_FREQUENCY = Utility.MAX_FREQUENCE;

  /** What joins the two words of a pair key (BigramDictionary.WORD_SEGMENT_CHAR). */
  static final char PAIR_SEPARATOR = '@';

  private static final int PRIME_INDEX_LENGTH = 12071; // WordDictionary.PRIME_INDEX_LENGTH
  private static final int PRIME_BIGRAM_LENGTH = 402137; // BigramDictionary.PRIME_BIGRAM_LENGTH
  private static final long FNV_PRIME = 1099511628211L;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final int DJB_OFFSET = 5381;
  /** The pair hashes of an empty key, to feed {@link #pairHash1} and {@link #pairHash2} from. */
  static final long PAIR_HASH1_START = FNV_OFFSET;
  static final int PAIR_HASH2_START = DJB_OFFSET;

  private static final class Holder {
    static final SmartChineseDictionary INSTANCE = load();
  }

  /** The dictionaries, loaded on first use (about 6 MB of Lucene's serialised tables). */
  static SmartChineseDictionary get() {
    return Holder.INSTANCE;
  }

  /** The resource, beside this class, holding the compiled tables. */
  static final String COMPILED = "smartcn-dictionary.bin";

  private static final int COMPILED_MAGIC = 0x5a585343; // "ZXSC"
  private static final int COMPILED_FORMAT = 1;

  // The word trie. Node 0 is the root; a child is found by hashing (node, char). nodeFrequency is -1 for a
  // node that only prefixes words.
  private final int[] rootChild = new int[65536];
  private long[] edgeKeys = new long[1 << 16]; // grown to stay at most half full: 256K slots for 104K edges
  private int[] edgeChildren = new int[1 << 16];
  private int edges;
  private int[] nodeFrequency = new int[1 << 16];
  private int nodes = 1;

  private final long[] bigramHashes;
  private final int[] bigramFrequencies;

  /** Whether both hold the same tables (for the test that the compiled file matches Lucene's). */
  boolean sameTablesAs(SmartChineseDictionary other) {
    return nodes == other.nodes && edges == other.edges && Arrays.equals(rootChild, other.rootChild)
        && Arrays.equals(edgeKeys, other.edgeKeys) && Arrays.equals(edgeChildren, other.edgeChildren)
        && Arrays.equals(nodeFrequency, 0, nodes, other.nodeFrequency, 0, other.nodes)
        && Arrays.equals(bigramHashes, other.bigramHashes) && Arrays.equals(bigramFrequencies, other.bigramFrequencies);
  }

  private SmartChineseDictionary(long[] bigramHashes, int[] bigramFrequencies) {
    this.bigramHashes = bigramHashes;
    this.bigramFrequencies = bigramFrequencies;
    Arrays.fill(rootChild, -1);
    Arrays.fill(edgeKeys, -1);
  }

  private SmartChineseDictionary(ByteBuffer compiled) {
    int nodeCount = compiled.getInt();
    edges = compiled.getInt();
    int edgeSlots = compiled.getInt();
    int pairSlots = compiled.getInt();
    ints(compiled, rootChild);
    edgeKeys = longs(compiled, new long[edgeSlots]);
    edgeChildren = ints(compiled, new int[edgeSlots]);
    nodeFrequency = ints(compiled, new int[nodeCount]);
    nodes = nodeCount;
    bigramHashes = longs(compiled, new long[pairSlots]);
    bigramFrequencies = ints(compiled, new int[pairSlots]);
    if (compiled.hasRemaining()) {
      throw new IllegalStateException(compiled.remaining() + " bytes left over in " + COMPILED);
    }
  }

  /** The trie node for the one-character prefix {@code c}, or -1 when no word starts with it. */
  int root(char c) {
    return rootChild[c];
  }

  /** The node for the prefix of {@code node} extended by {@code c}, or -1 when no word starts so. */
  int child(int node, char c) {
    long key = ((long) node << 16) | c;
    int mask = edgeKeys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      long k = edgeKeys[slot];
      if (k == key) {
        return edgeChildren[slot];
      }
      if (k == -1) {
        return -1;
      }
    }
  }

  /** Whether the prefix at {@code node} is itself a word. */
  boolean isWord(int node) {
    return nodeFrequency[node] >= 0;
  }

  /** The word's frequency, 0 when the prefix at {@code node} is not a word (as WordDictionary.getFrequency). */
  int frequency(int node) {
    return Math.max(0, nodeFrequency[node]);
  }

  /** WordDictionary.getFrequency for any word, walking the trie. */
  int frequency(char[] word) {
    int node = rootChild[word[0]];
    for (int i = 1; i < word.length && node >= 0; i++) {
      node = child(node, word[i]);
    }
    return node < 0 ? 0 : frequency(node);
  }

  /** BigramDictionary's key hash (hash1) after one more character. */
  static long pairHash1(long state, char d) {
    state = (state ^ (d & 0x00FF)) * FNV_PRIME;
    return (state ^ (d >> 8)) * FNV_PRIME;
  }

  /** BigramDictionary's probe step hash (hash2) after one more character, with Lucene's operator precedence. */
  static int pairHash2(int state, char d) {
    state = ((state << 5) + state) + d & 0x00FF;
    return ((state << 5) + state) + d >> 8;
  }

  /**
   * BigramDictionary.getFrequency for the key whose two hashes are given: the same open-addressing probe
   * over the same table, so the same answer.
   */
  int pairFrequency(long hashId, int hash2Value) {
    int hash1 = (int) (hashId % PRIME_BIGRAM_LENGTH);
    int hash2 = hash2Value % PRIME_BIGRAM_LENGTH;
    if (hash1 < 0) hash1 = PRIME_BIGRAM_LENGTH + hash1;
    if (hash2 < 0) hash2 = PRIME_BIGRAM_LENGTH + hash2;
    int index = hash1;
    int i = 1;
    while (bigramHashes[index] != 0 && bigramHashes[index] != hashId && i < PRIME_BIGRAM_LENGTH) {
      index = (hash1 + i * hash2) % PRIME_BIGRAM_LENGTH;
      i++;
    }
    return i < PRIME_BIGRAM_LENGTH && bigramHashes[index] == hashId ? bigramFrequencies[index] : 0;
  }

  private static int slot(long key, int mask) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
  }

  private int childOrAdd(int node, char c) {
    int found = child(node, c);
    if (found >= 0) {
      return found;
    }
    if (2 * (edges + 1) > edgeKeys.length) {
      growEdges();
    }
    int created = newNode();
    insertEdge(((long) node << 16) | c, created);
    edges++;
    return created;
  }

  /** A node that prefixes words and is not (yet) a word itself. */
  private int newNode() {
    if (nodes == nodeFrequency.length) {
      nodeFrequency = Arrays.copyOf(nodeFrequency, nodes * 2);
    }
    nodeFrequency[nodes] = -1;
    return nodes++;
  }

  private void insertEdge(long key, int childNode) {
    int mask = edgeKeys.length - 1;
    int slot = slot(key, mask);
    while (edgeKeys[slot] != -1) {
      slot = (slot + 1) & mask;
    }
    edgeKeys[slot] = key;
    edgeChildren[slot] = childNode;
  }

  private void growEdges() {
    long[] oldKeys = edgeKeys;
    int[] oldChildren = edgeChildren;
    edgeKeys = new long[oldKeys.length * 2];
    edgeChildren = new int[oldKeys.length * 2];
    Arrays.fill(edgeKeys, -1);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != -1) {
        insertEdge(oldKeys[i], oldChildren[i]);
      }
    }
  }

  private static SmartChineseDictionary load() {
    try (InputStream in = SmartChineseDictionary.class.getResourceAsStream(COMPILED)) {
      if (in != null) {
        SmartChineseDictionary compiled = readCompiled(in.readAllBytes());
        if (compiled != null) {
          return compiled;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + COMPILED, e);
    }
    return fromLucene();
  }

  /** The tables in the layout {@link #readCompiled} reads: a header, then each array in turn. */
  byte[] compiled() {
    byte[] version = Version.LATEST.toString().getBytes(StandardCharsets.US_ASCII);
    int size = 3 * 4 + version.length + 4 * 4
        + 4 * rootChild.length + 12 * edgeKeys.length + 4 * nodes + 12 * bigramHashes.length;
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(COMPILED_MAGIC).putInt(COMPILED_FORMAT).putInt(version.length).put(version);
    out.putInt(nodes).putInt(edges).putInt(edgeKeys.length).putInt(bigramHashes.length);
    out.asIntBuffer().put(rootChild);
    out.position(out.position() + 4 * rootChild.length);
    out.asLongBuffer().put(edgeKeys);
    out.position(out.position() + 8 * edgeKeys.length);
    out.asIntBuffer().put(edgeChildren);
    out.position(out.position() + 4 * edgeChildren.length);
    out.asIntBuffer().put(nodeFrequency, 0, nodes);
    out.position(out.position() + 4 * nodes);
    out.asLongBuffer().put(bigramHashes);
    out.position(out.position() + 8 * bigramHashes.length);
    out.asIntBuffer().put(bigramFrequencies);
    out.position(out.position() + 4 * bigramFrequencies.length);
    if (out.position() != size) {
      throw new IllegalStateException("wrote " + out.position() + " of " + size + " bytes");
    }
    return out.array();
  }

  /** The tables {@link #compiled} wrote, or null when they were written for another Lucene version. */
  static SmartChineseDictionary readCompiled(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (bytes.length < 12 || in.getInt() != COMPILED_MAGIC || in.getInt() != COMPILED_FORMAT) {
      throw new IllegalStateException(COMPILED + " is not a compiled SmartChinese dictionary of format " + COMPILED_FORMAT);
    }
    byte[] version = new byte[in.getInt()];
    in.get(version);
    if (!Version.LATEST.toString().equals(new String(version, StandardCharsets.US_ASCII))) {
      return null;
    }
    try {
      return new SmartChineseDictionary(in);
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new IllegalStateException(COMPILED + " is cut short (" + bytes.length + " bytes)", e);
    }
  }

  private static int[] ints(ByteBuffer in, int[] into) {
    in.asIntBuffer().get(into);
    in.position(in.position() + 4 * into.length);
    return into;
  }

  private static long[] longs(ByteBuffer in, long[] into) {
    in.asLongBuffer().get(into);
    in.position(in.position() + 8 * into.length);
    return into;
  }

  /** Lucene's two serialised dictionaries, read and laid out as a trie and a pair table. */
  static SmartChineseDictionary fromLucene() {
    try {
      Object[] words = read("coredict.mem", 4);
      Object[] pairs = read("bigramdict.mem", 2);
      long[] bigramHashes = (long[]) pairs[0];
      if (bigramHashes.length != PRIME_BIGRAM_LENGTH) {
        throw new IllegalStateException("bigramdict.mem has " + bigramHashes.length + " slots, expected "
            + PRIME_BIGRAM_LENGTH + ": a different lucene-analysis-smartcn?");
      }
      SmartChineseDictionary dict = new SmartChineseDictionary(bigramHashes, (int[]) pairs[1]);
      dict.addWords((short[]) words[0], (char[]) words[1], (char[][][]) words[2], (int[][]) words[3]);
      return dict;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SmartChinese's dictionaries from lucene-analysis-smartcn", e);
    }
  }

  /**
   * Every word WordDictionary can find, into the trie. For each first character the words are found through
   * WordDictionary's own hash table; their rest is kept sorted there, which is what makes its binary searches
   * answer as exact lookups (checked here, since the trie relies on it).
   */
  private void addWords(short[] wordIndexTable, char[] charIndexTable, char[][][] items, int[][] frequencies) {
    for (int c = 1; c < 65536; c++) {
      int slot = charSlot(charIndexTable, (char) c);
      if (slot < 0) {
        continue;
      }
      char[][] rest = items[wordIndexTable[slot]];
      int[] freq = frequencies[wordIndexTable[slot]];
      if (rest == null || rest.length == 0) {
        continue; // getPrefixMatch finds nothing: no word starts with c
      }
      for (int j = 1; j < rest.length; j++) {
        if (Utility.compareArray(rest[j - 1], 0, rest[j], 0) >= 0) {
          throw new IllegalStateException("SmartChinese's words for " + (char) c + " are not strictly sorted");
        }
      }
      int first = newNode();
      rootChild[c] = first;
      for (int j = 0; j < rest.length; j++) {
        int node = first;
        if (rest[j] != null) {
          for (char next : rest[j]) {
            node = childOrAdd(node, next);
          }
        }
        if (freq[j] < 0) { // -1 marks "not a word" here; Lucene would keep a negative frequency
          throw new IllegalStateException("SmartChinese's word " + (char) c + " #" + j + " has frequency " + freq[j]);
        }
        nodeFrequency[node] = freq[j];
      }
    }
  }

  /** WordDictionary.getWordItemTableIndex: where {@code c}'s words are, or -1. */
  private static int charSlot(char[] charIndexTable, char c) {
    int hash1 = (int) (hash1(c) % PRIME_INDEX_LENGTH);
    int hash2 = hash2(c) % PRIME_INDEX_LENGTH;
    if (hash1 < 0) hash1 = PRIME_INDEX_LENGTH + hash1;
    if (hash2 < 0) hash2 = PRIME_INDEX_LENGTH + hash2;
    int index = hash1;
    int i = 1;
    while (charIndexTable[index] != 0 && charIndexTable[index] != c && i < PRIME_INDEX_LENGTH) {
      index = (hash1 + i * hash2) % PRIME_INDEX_LENGTH;
      i++;
    }
    return i < PRIME_INDEX_LENGTH && charIndexTable[index] == c ? index : -1;
  }

  /** AbstractDictionary.hash1(char). */
  private static long hash1(char c) {
    long hash = FNV_OFFSET;
    hash = (hash ^ (c & 0x00FF)) * FNV_PRIME;
    hash = (hash ^ (c >> 8)) * FNV_PRIME;
    hash += hash << 13;
    hash ^= hash >> 7;
    hash += hash << 3;
    hash ^= hash >> 17;
    hash += hash << 5;
    return hash;
  }

  /** AbstractDictionary.hash2(char). */
  private static int hash2(char c) {
    int hash = DJB_OFFSET;
    hash = ((hash << 5) + hash) + c & 0x00FF;
    hash = ((hash << 5) + hash) + c >> 8;
    return hash;
  }

  /** The serialised arrays in one of smartcn's .mem files; nothing but arrays of primitives is accepted. */
  private static Object[] read(String resource, int count) throws IOException {
    try (InputStream in = HHMMSegmenter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " not found beside " + HHMMSegmenter.class.getName());
      }
      ObjectInputStream objects = new ObjectInputStream(new java.io.BufferedInputStream(in));
      objects.setObjectInputFilter(info -> info.serialClass() == null || info.serialClass().isArray()
          ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED);
      Object[] out = new Object[count];
      for (int i = 0; i < count; i++) {
        out[i] = objects.readObject();
      }
      return out;
    } catch (ClassNotFoundException e) {
      throw new IOException(resource + " holds an unexpected class", e);
    }
  }
}
