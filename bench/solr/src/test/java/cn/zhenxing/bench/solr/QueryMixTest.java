package cn.zhenxing.bench.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;

class QueryMixTest {

  @Test
  void blankBecomesMatchAll() {
    assertEquals("*:*", QueryMix.escapeQuery(""));
    assertEquals("*:*", QueryMix.escapeQuery("   "));
    assertEquals("*:*", QueryMix.escapeQuery("\"\""));
    assertEquals("*:*", QueryMix.escapeQuery("\""));
  }

  @Test
  void quotesKeptWhenBalancedAndOtherSpecialsEscaped() {
    assertEquals("\"营商环境\"", QueryMix.escapeQuery("\"营商环境\""));
    assertEquals("\"人工智能\\+\"", QueryMix.escapeQuery("\"人工智能+\""));
    assertEquals("R\\&D", QueryMix.escapeQuery("R&D"));
    assertEquals("a\\:b \\(c\\) d\\*", QueryMix.escapeQuery("a:b (c) d*"));
    assertEquals("shuzi shenyang", QueryMix.escapeQuery("shuzi shenyang"));
    assertEquals("PM2.5", QueryMix.escapeQuery("PM2.5"));
  }

  @Test
  void unbalancedQuoteDropped() {
    assertEquals("\"营商\" 环境", QueryMix.escapeQuery("\"营商\" 环境\""));
    assertEquals("营商环境", QueryMix.escapeQuery("营商环境\""));
  }

  @Test
  void requestCarriesAllParameters() {
    SolrQuery q = QueryMix.build(new QueryMix.Entry("营商环境", List.of("digital", "innovation")));
    assertEquals("edismax", q.get("defType"));
    assertEquals("text", q.get("qf"));
    assertEquals("营商环境", q.getQuery());
    assertEquals("{!tag=t}theme:(digital OR innovation)", q.getFilterQueries()[0]);
    assertEquals("{!ex=t}theme", q.get("facet.field"));
    assertEquals("0", q.get("facet.mincount"));
    assertEquals("10", q.get("facet.limit"));
    assertEquals("unified", q.get("hl.method"));
    assertEquals("2", q.get("hl.snippets"));
    assertEquals("120", q.get("hl.fragsize"));
    assertEquals("id,score", q.getFields());
    assertEquals(null, q.get("q.op"));
  }

  @Test
  void noThemesNoFilter() {
    SolrQuery q = QueryMix.build(new QueryMix.Entry("", List.of()));
    assertEquals("*:*", q.getQuery());
    assertEquals(null, q.getFilterQueries());
  }
}
