package cn.zhenxing.bench.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;

/** The query mix and the translation of one mix entry into a Solr request. */
final class QueryMix {

  /** One line of the mix: {"q": "...", "themes": [...]}. */
  record Entry(String q, List<String> themes) {}

  /** Characters with a meaning in Lucene/edismax syntax, except '"' (phrases are kept). */
  private static final String SPECIAL = "\\+-!():^[]{}~*?|&/;";

  private QueryMix() {}

  static List<Entry> read(Path file, ObjectMapper json) throws IOException {
    List<Entry> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = json.readTree(line);
        } catch (IOException e) {
          throw new IOException(file + ":" + no + ": bad JSON: " + e.getMessage(), e);
        }
        String q = n.path("q").asText("");
        List<String> themes = new ArrayList<>();
        for (JsonNode t : n.path("themes")) {
          if (!t.asText("").isBlank()) {
            themes.add(t.asText());
          }
        }
        out.add(new Entry(q, List.copyOf(themes)));
      }
    }
    if (out.isEmpty()) {
      throw new IOException(file + ": no queries");
    }
    return out;
  }

  /**
   * Escapes Lucene/edismax special characters except double quotes; drops the last double quote
   * when they are unbalanced. Whitespace is left alone (it separates terms). Blank → "*:*".
   */
  static String escapeQuery(String raw) {
    String s = raw == null ? "" : raw.strip();
    long quotes = s.chars().filter(c -> c == '"').count();
    if (quotes % 2 == 1) {
      int last = s.lastIndexOf('"');
      s = s.substring(0, last) + s.substring(last + 1);
    }
    if (s.replace('"', ' ').isBlank()) {
      return "*:*";
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** Builds the request for one mix entry (a fresh object per request; SolrQuery is mutable). */
  static SolrQuery build(Entry e) {
    SolrQuery q = new SolrQuery();
    q.set("defType", "edismax");
    q.set("qf", "text");
    q.setQuery(escapeQuery(e.q()));
    q.setStart(0);
    q.setRows(10);
    q.setFields("id", "score");

    q.setFacet(true);
    q.set("facet.field", "{!ex=t}theme");
    q.setFacetMinCount(0);
    q.setFacetLimit(10);

    q.setHighlight(true);
    q.set("hl.fl", "text");
    q.set("hl.method", "unified");
    q.set("hl.snippets", 2);
    q.set("hl.fragsize", 120);

    if (!e.themes().isEmpty()) {
      StringBuilder fq = new StringBuilder("{!tag=t}theme:(");
      for (int i = 0; i < e.themes().size(); i++) {
        if (i > 0) {
          fq.append(" OR ");
        }
        fq.append(escapeTerm(e.themes().get(i)));
      }
      q.addFilterQuery(fq.append(')').toString());
    }
    return q;
  }

  /** Escapes a single term completely (including quotes and whitespace). */
  static String escapeTerm(String t) {
    StringBuilder b = new StringBuilder(t.length() + 4);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (SPECIAL.indexOf(c) >= 0 || c == '"' || Character.isWhitespace(c)) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
