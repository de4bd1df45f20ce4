package cn.zhenxing.indexer.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Converts traditional Chinese to simplified inside analysis, with OpenCC's dictionaries, as a
 * {@link MappingCharFilter}: text is matched against phrases first (longest match, so 乾隆 stays 乾隆 while
 * 乾淨 becomes 干净), then single characters. Only mappings that keep the UTF-16 length are used, so every
 * token's offsets still point exactly at the original traditional characters and highlighting stays exact.
 */
public final class TraditionalToSimplified {

  private static final String PHRASES = "/cn/zhenxing/indexer/opencc/TSPhrases.txt";
  private static final String CHARACTERS = "/cn/zhenxing/indexer/opencc/TSCharacters.txt";
  private static final java.util.BitSet KEY_CHARS = new java.util.BitSet(1 << 16);
  private static final NormalizeCharMap.Builder RULES = readRules();

  /**
   * Building the mapping (an FST) takes a tenth of a second or more at start-up, and most text never needs
   * it, so it is built the first time a text has a traditional character (or by {@link #preload()}).
   */
  private static final class Mapping {
    static final NormalizeCharMap MAP = RULES.build();
  }

  private TraditionalToSimplified() {}

  /**
   * Wraps {@code reader} so that what comes out is simplified. Most text has no traditional character at
   * all; for it the mapping is skipped after one cheap scan.
   */
  public static org.apache.lucene.analysis.CharFilter filter(Reader reader) {
    return new LazyFilter(reader);
  }

  /**
   * True when {@code text} has a traditional character. Text without one is left alone: the phrase rules
   * only matter around traditional characters (a few, such as 沈默 → 沉默, fix simplified typos and are
   * knowingly skipped).
   */
  static boolean mayNeedConversion(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (KEY_CHARS.get(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Reads its (paragraph-sized) input once, then serves it as is or through the mapping. */
  private static final class LazyFilter extends WholeTextCharFilter {
    LazyFilter(Reader in) {
      super(in);
    }

    @Override
    Reader filter(String text) {
      java.io.StringReader plain = new java.io.StringReader(text);
      return mayNeedConversion(text) ? new MappingCharFilter(Mapping.MAP, plain) : plain;
    }
  }

  /** Converts a string; returns it unchanged (the same instance) when it has nothing to convert. */
  public static String convert(String text) {
    if (!mayNeedConversion(text)) {
      return text;
    }
    try (Reader r = new MappingCharFilter(Mapping.MAP, new java.io.StringReader(text))) {
      StringBuilder sb = new StringBuilder(text.length());
      char[] buf = new char[256];
      int n;
      while ((n = r.read(buf)) > 0) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds the mapping now rather than at the first traditional text, e.g. after a server has started. */
  public static void preload() {
    Mapping.MAP.getClass();
  }

  private static NormalizeCharMap.Builder readRules() {
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    Set<String> keys = new HashSet<>();
    // Phrases first, identity ones included: they stop the character rules inside them (乾坤 stays).
    read(PHRASES, (from, to) -> {
      if (from.length() == to.length() && keys.add(from)) {
        builder.add(from, to);
      }
    });
    read(CHARACTERS, (from, to) -> {
      if (!from.equals(to) && from.length() == to.length() && keys.add(from)) {
        builder.add(from, to);
        KEY_CHARS.set(from.charAt(0));
      }
    });
    return builder;
  }

  private interface Entry {
    void accept(String from, String to);
  }

  private static void read(String resource, Entry entry) {
    try (InputStream in = TraditionalToSimplified.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          continue;
        }
        String from = line.substring(0, tab).strip();
        String rest = line.substring(tab + 1).strip();
        int space = rest.indexOf(' ');
        String to = space < 0 ? rest : rest.substring(0, space);
        if (!from.isEmpty() && !to.isEmpty()) {
          entry.accept(from, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }
}
