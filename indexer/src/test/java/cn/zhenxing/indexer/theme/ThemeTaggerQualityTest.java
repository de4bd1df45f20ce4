package cn.zhenxing.indexer.theme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.Seeds;
import cn.zhenxing.indexer.paragraph.Paragraph;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the default taxonomy against a hand-labelled set of 172 seed paragraphs
 * ({@code themes/labelled-paragraphs.jsonl}, labelled by reading, without looking at the term lists) and
 * fails when any theme's precision or recall drops below its floor.
 */
class ThemeTaggerQualityTest {

  /** Floors set a little under the measured figures, so tuning can trade a little but never regress much. */
  static final double PRECISION_FLOOR = 0.75;
  static final double RECALL_FLOOR = 0.80;

  record Labelled(String id, Set<String> themes) {}

  static List<Labelled> labelled = new ArrayList<>();
  static Map<String, Paragraph> paragraphs;

  @BeforeAll
  static void load() throws Exception {
    paragraphs = Seeds.paragraphs();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ThemeTaggerQualityTest.class.getResourceAsStream("/themes/labelled-paragraphs.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        Set<String> themes = new HashSet<>();
        n.get("themes").forEach(t -> themes.add(t.asText()));
        labelled.add(new Labelled(n.get("id").asText(), themes));
      }
    }
  }

  @Test
  void labelled_set_covers_every_theme_and_real_paragraphs() {
    assertTrue(labelled.size() >= 60, "at least 60 labelled paragraphs");
    for (Labelled l : labelled) {
      assertTrue(paragraphs.containsKey(l.id()), "labelled id is a real seed paragraph: " + l.id());
    }
    for (Theme t : Taxonomy.defaults().themes()) {
      long positives = labelled.stream().filter(l -> l.themes().contains(t.id())).count();
      assertTrue(positives >= 15, t.id() + " has at least 15 positive examples, has " + positives);
    }
  }

  @Test
  void every_theme_meets_its_precision_and_recall_floor() {
    ThemeTagger tagger = new ThemeTagger(Taxonomy.defaults());
    StringBuilder report = new StringBuilder();
    List<String> failures = new ArrayList<>();
    for (Theme theme : tagger.taxonomy().themes()) {
      int tp = 0, fp = 0, fn = 0;
      List<String> errors = new ArrayList<>();
      for (Labelled l : labelled) {
        boolean predicted = tagger.tag(paragraphs.get(l.id()).text()).themes().contains(theme.id());
        boolean gold = l.themes().contains(theme.id());
        if (predicted && gold) tp++;
        if (predicted && !gold) { fp++; errors.add("FP " + l.id() + " " + tagger.tag(paragraphs.get(l.id()).text()).evidence().get(theme.id())); }
        if (!predicted && gold) { fn++; errors.add("FN " + l.id()); }
      }
      double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
      double recall = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
      report.append(String.format(Locale.ROOT, "%-10s precision %.2f (%d/%d)  recall %.2f (%d/%d)%n",
          theme.id(), precision, tp, tp + fp, recall, tp, tp + fn));
      if (System.getenv("THEME_ERRORS") != null) {
        errors.forEach(e -> report.append("    ").append(e).append('\n'));
      }
      if (precision < PRECISION_FLOOR || recall < RECALL_FLOOR) {
        failures.add(theme.id());
      }
    }
    System.out.print(report);
    assertTrue(failures.isEmpty(), "themes below the floor " + failures + ":\n" + report);
  }
}
