package cn.zhenxing.server.http;

import cn.zhenxing.indexer.suggest.SuggestIndex;
import cn.zhenxing.server.index.IndexService;
import cn.zhenxing.server.search.SynonymSource;
import cn.zhenxing.server.search.UserQueryParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search-box suggestions ({@code GET /api/suggest}) and the OpenSearch description that lets a browser add
 * the site as a search engine with live suggestions ({@code GET /opensearch.xml}).
 */
final class SuggestRoutes {

  static final int MAX_INPUT = 50;
  static final int DEFAULT_SIZE = 8;
  static final int MAX_SIZE = 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final IndexService index;
  private final SynonymSource synonyms;

  SuggestRoutes(IndexService index, SynonymSource synonyms) {
    this.index = index;
    this.synonyms = synonyms;
  }

  void register(JavalinConfig config) {
    HttpApp.getAndHead(config, "/api/suggest", this::suggest);
    config.routes.get("/opensearch.xml", this::openSearch);
  }

  /** One suggestion as JSON. */
  record Suggestion(String text, long weight) {}

  /** The answer, its fields in this order. */
  record Suggestions(String query, List<Suggestion> suggestions) {}

  /**
   * What the box is completing: a phrase without its opening quote ("营商 completes as 营商, where the quote had
   * made it 国营商业), and nothing for an exclusion (-沈阳: choosing 沈阳市 would turn it into its opposite).
   */
  static String completing(String typed) {
    if (typed.startsWith("-") || typed.startsWith("－")) {
      return "";
    }
    return typed.replaceAll("^[\"'“”‘’＂「」]+|[\"'“”‘’＂「」]+$", "").strip();
  }

  private void suggest(Context ctx) throws IOException {
    Map<String, List<String>> params = ctx.queryParamMap();
    SearchParams.rejectUnknown(params, Set.of("q", "size", "format"));
    String q = SearchParams.single(params, "q");
    q = q == null ? "" : q.strip();
    int chars = q.codePointCount(0, q.length());
    if (chars > MAX_INPUT) {
      throw ApiException.badParameter("q", "q may be at most " + MAX_INPUT + " characters for suggestions, was " + chars);
    }
    int size = SearchParams.integer(params, "size", DEFAULT_SIZE, 1, MAX_SIZE);
    String format = SearchParams.single(params, "format");
    if (format != null && !format.equals("json") && !format.equals("opensearch")) {
      throw ApiException.badParameter("format", "format must be json (the default) or opensearch, was \"" + SearchParams.abbreviate(format) + "\"");
    }
    String typed = completing(UserQueryParser.sanitize(q).strip());
    // Typed as an abbreviation or a synonym (GDP, AI), the phrases of the text are suggested too.
    List<SuggestIndex.Suggestion> found = typed.isEmpty() ? List.of()
        : index.suggest(typed, synonyms.current().variants(typed).stream().skip(1).toList(), size);
    if ("opensearch".equals(format)) {
      // The OpenSearch suggestions format: [query, [completions]].
      String body = JSON.writeValueAsString(List.of(q, found.stream().map(SuggestIndex.Suggestion::text).toList()));
      ctx.contentType("application/x-suggestions+json; charset=utf-8").result(body);
      return;
    }
    ctx.json(new Suggestions(q, found.stream().map(s -> new Suggestion(s.text(), s.weight())).toList()));
  }

  private void openSearch(Context ctx) {
    // Behind a TLS proxy the request reaches us as http: the proxy's X-Forwarded-Proto says what the browser
    // used. Trusting it is harmless here: it only shapes the addresses sent back to the one who asked.
    String forwarded = String.valueOf(ctx.header("X-Forwarded-Proto")).strip().toLowerCase(java.util.Locale.ROOT);
    String scheme = forwarded.equals("https") || forwarded.equals("http") ? forwarded : ctx.scheme();
    String base = xml(scheme + "://" + ctx.host());
    ctx.contentType("application/opensearchdescription+xml; charset=utf-8");
    ctx.result("""
        <?xml version="1.0" encoding="UTF-8"?>
        <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
          <ShortName>振兴搜索</ShortName>
          <Description>东北全面振兴政策文献段落检索</Description>
          <InputEncoding>UTF-8</InputEncoding>
          <Language>zh-CN</Language>
          <Url type="text/html" method="get" template="%1$s/?q={searchTerms}"/>
          <Url type="application/x-suggestions+json" method="get" template="%1$s/api/suggest?q={searchTerms}&amp;format=opensearch"/>
          <Url type="application/json" method="get" template="%1$s/api/search?q={searchTerms}&amp;page={startPage?}"/>
          <Url type="application/opensearchdescription+xml" rel="self" template="%1$s/opensearch.xml"/>
          <moz:SearchForm>%1$s/</moz:SearchForm>
        </OpenSearchDescription>
        """.formatted(base));
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
  }
}
