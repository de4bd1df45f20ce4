package cn.zhenxing.server.search;

import cn.zhenxing.indexer.index.ArticleMeta;
import cn.zhenxing.indexer.index.IndexSchema;
import cn.zhenxing.indexer.index.ParagraphDocuments;
import cn.zhenxing.indexer.index.StoredParagraph;
import cn.zhenxing.server.index.IndexService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Reads a whole article back from its paragraphs, in order, for {@code GET /api/articles/{id}}. */
public final class ArticleView {

  private static final Sort BY_PARAGRAPH = new Sort(new SortField(IndexSchema.PARAGRAPH, SortField.Type.INT));
  /** No real article has more paragraphs than this; the cap only bounds memory for a pathological one. */
  static final int MAX_PARAGRAPHS = 20_000;

  private final IndexService index;

  public ArticleView(IndexService index) {
    this.index = index;
  }

  /** The JSON contract of the article endpoint. */
  public record Article(
      String id,
      String title,
      String subtitle,
      String date,
      String source,
      String url,
      Map<String, String> metadata,
      List<String> related,
      List<Paragraph> paragraphs) {}

  /** One paragraph with the headings before it, its themes, and the terms that earned each theme. */
  public record Paragraph(
      String id,
      int paragraph,
      String section,
      List<String> headings,
      String text,
      List<String> themes,
      Map<String, List<String>> evidence) {}

  /** Whether there is such an article: a count of one term, without reading its paragraphs. */
  public boolean exists(String articleId) throws IOException {
    try (IndexService.Lease lease = index.acquire()) {
      return lease.searcher().count(new TermQuery(ParagraphDocuments.articleTerm(articleId))) > 0;
    }
  }

  public Optional<Article> article(String articleId) throws IOException {
    try (IndexService.Lease lease = index.acquire()) {
      IndexSearcher searcher = lease.searcher();
      TopDocs top = searcher.search(new TermQuery(ParagraphDocuments.articleTerm(articleId)), MAX_PARAGRAPHS, BY_PARAGRAPH);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      var stored = searcher.storedFields();
      List<Paragraph> paragraphs = new ArrayList<>();
      StoredParagraph first = null;
      ArticleMeta meta = ArticleMeta.EMPTY;
      for (ScoreDoc sd : top.scoreDocs) {
        StoredParagraph p = ParagraphDocuments.fromDocument(stored.document(sd.doc));
        if (first == null) {
          first = p;
        }
        if (p.articleMeta() != null) {
          meta = p.articleMeta();
        }
        paragraphs.add(new Paragraph(p.id(), p.paragraph(), p.section(), p.headings(), p.text(), p.themes(), p.evidence()));
      }
      return Optional.of(new Article(first.articleId(), first.title(), meta.subtitle(), first.date(),
          first.source(), first.url(), meta.metadata(), meta.related(), paragraphs));
    }
  }
}
