package cn.zhenxing.server.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The place names that scope a query (a data file: {@code cn/zhenxing/indexer/places.txt}). */
final class Places {

  private static final String RESOURCE = "/cn/zhenxing/indexer/places.txt";
  private static final Set<String> NAMES = load();

  private Places() {}

  private static final String[] SUFFIXES = {"省", "市", "自治区", "地区"};

  /** True for a place name, also with a 省/市/自治区 suffix typed. */
  static boolean isPlace(String word) {
    return NAMES.contains(word) || bareName(word).isPresent();
  }

  /** The name without the 省/市/自治区/地区 typed after it (沈阳市 → 沈阳), when that is a known place. */
  static Optional<String> bareName(String word) {
    for (String suffix : SUFFIXES) {
      if (word.endsWith(suffix) && NAMES.contains(word.substring(0, word.length() - suffix.length()))) {
        return Optional.of(word.substring(0, word.length() - suffix.length()));
      }
    }
    return Optional.empty();
  }

  private static Set<String> load() {
    Set<String> names = new HashSet<>();
    try (InputStream in = Places.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(names);
  }
}
