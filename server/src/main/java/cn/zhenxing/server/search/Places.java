package cn.zhenxing.server.search;

import cn.zhenxing.indexer.analysis.TraditionalToSimplified;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The place names that scope a query (a data file: {@code cn/zhenxing/indexer/places.txt}). */
final class Places {

  private static final String RESOURCE = "/cn/zhenxing/indexer/places.txt";
  private static final List<String> LINES = load();
  private static final Set<String> NAMES =
      LINES.stream().filter(l -> !l.startsWith("!")).collect(Collectors.toUnmodifiableSet());
  /** The longer names that contain a place but are not it (巴丹吉林 for 吉林), by place. */
  private static final Map<String, List<String>> NOT_IT = notIt();

  private Places() {}

  private static final String[] SUFFIXES = {"省", "市", "自治区", "地区"};

  /**
   * What a region stands for besides its own name: the reports of 辽宁 or 黑龙江 are about the Northeast
   * without saying 东北 (内蒙古's eastern part belongs to it, as the revitalization plans count it).
   */
  private static final Map<String, List<String>> MEMBERS = Map.of(
      "东北", List.of("辽宁", "吉林", "黑龙江", "内蒙古"),
      "东三省", List.of("辽宁", "吉林", "黑龙江"),
      "东北三省", List.of("辽宁", "吉林", "黑龙江"));

  /** True for a place name, also with a 省/市/自治区 suffix typed, in simplified or traditional characters. */
  static boolean isPlace(String word) {
    String simplified = TraditionalToSimplified.convert(word);
    return NAMES.contains(simplified) || bareNameOf(simplified).isPresent();
  }

  /**
   * The name without the 省/市/自治区/地区 typed after it (沈阳市 → 沈阳, 遼寧省 → 辽宁), when that is a known
   * place; in simplified characters, which the index's analysers match either way.
   */
  static Optional<String> bareName(String word) {
    return bareNameOf(TraditionalToSimplified.convert(word));
  }

  private static Optional<String> bareNameOf(String simplified) {
    for (String suffix : SUFFIXES) {
      String bare = simplified.substring(0, Math.max(0, simplified.length() - suffix.length()));
      if (simplified.endsWith(suffix) && NAMES.contains(bare)) {
        return Optional.of(bare);
      }
    }
    return Optional.empty();
  }

  /** Longer names that contain {@code place} but do not mean it (吉林: 巴丹吉林); usually none. */
  static List<String> notIt(String place) {
    return NOT_IT.getOrDefault(TraditionalToSimplified.convert(place), List.of());
  }

  private static Map<String, List<String>> notIt() {
    Map<String, List<String>> out = new HashMap<>();
    for (String line : LINES) {
      if (line.startsWith("!")) {
        String longer = line.substring(1);
        NAMES.stream().filter(longer::contains).forEach(n -> out.computeIfAbsent(n, k -> new ArrayList<>()).add(longer));
      }
    }
    return Map.copyOf(out);
  }

  /** The places a region is made of (东北: 辽宁, 吉林, 黑龙江, 内蒙古); empty for any other name. */
  static List<String> members(String place) {
    return MEMBERS.getOrDefault(TraditionalToSimplified.convert(place), List.of());
  }

  private static List<String> load() {
    List<String> names = new ArrayList<>();
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
    return List.copyOf(names);
  }
}
