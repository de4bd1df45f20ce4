package cn.zhenxing.indexer.index;

import cn.zhenxing.indexer.paragraph.Paragraph;
import cn.zhenxing.indexer.paragraph.ParsedArticle;
import cn.zhenxing.indexer.theme.ThemeTags;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;

/**
 * Converts between paragraph records and Lucene documents, both ways. The only class that builds or reads a
 * {@link Document}; field names come from {@link IndexSchema}.
 */
public final class ParagraphDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, List<String>>> EVIDENCE_TYPE = new TypeReference<>() {};

  private final FacetsConfig facetsConfig = IndexSchema.facetsConfig();
  private final Analyzer analyzer = IndexSchema.indexAnalyzer();

  /** The term that selects every paragraph of an article: delete or replace an article in one step. */
  public static Term articleTerm(String articleId) {
    return new Term(IndexSchema.ARTICLE_ID, articleId);
  }

  /** All paragraphs of {@code article} as documents, in order, with {@code tags[i]} for paragraph i. */
  public List<Document> toDocuments(ParsedArticle article, List<ThemeTags> tags, long articleSeq) {
    List<Document> docs = new ArrayList<>(article.paragraphs().size());
    CachedTokens context = new CachedTokens(analyzer);
    for (int i = 0; i < article.paragraphs().size(); i++) {
      docs.add(toDocument(article, article.paragraphs().get(i), articleSeq, tags.get(i), i == 0, context));
    }
    return docs;
  }

  private Document toDocument(ParsedArticle article, Paragraph p, long articleSeq, ThemeTags tags,
      boolean first, CachedTokens context) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.ID, p.id(), Field.Store.YES));
    doc.add(new StringField(IndexSchema.ARTICLE_ID, article.id(), Field.Store.YES));
    doc.add(new NumericDocValuesField(IndexSchema.ARTICLE_SEQ, articleSeq));
    doc.add(new NumericDocValuesField(IndexSchema.PARAGRAPH, p.number()));
    doc.add(new StoredField(IndexSchema.PARAGRAPH, p.number()));
    // Title and section repeat on many paragraphs: they are analysed once per article and replayed.
    doc.add(new Field(IndexSchema.TITLE, context.stream(IndexSchema.TITLE, article.title()), IndexSchema.WORDS_NOT_STORED));
    doc.add(new StoredField(IndexSchema.TITLE, article.title()));
    doc.add(new Field(IndexSchema.SECTION, context.stream(IndexSchema.SECTION, p.section()), IndexSchema.WORDS_NOT_STORED));
    doc.add(new StoredField(IndexSchema.SECTION, p.section()));
    doc.add(new Field(IndexSchema.CONTEXT_BIGRAMS,
        context.stream(IndexSchema.CONTEXT_BIGRAMS, article.title() + "\n" + p.section()), IndexSchema.CONTEXT_TERMS));
    doc.add(new Field(IndexSchema.TEXT, p.text(), IndexSchema.STORED_TEXT));
    doc.add(new Field(IndexSchema.TEXT_BIGRAMS, p.text(), IndexSchema.BIGRAMS));
    for (String heading : p.headings()) {
      doc.add(new StoredField(IndexSchema.HEADINGS, heading));
    }
    doc.add(new StoredField(IndexSchema.DATE, article.date()));
    doc.add(new StoredField(IndexSchema.SOURCE, article.source()));
    doc.add(new StoredField(IndexSchema.URL, article.url()));
    if (first) {
      doc.add(new StoredField(IndexSchema.ARTICLE_META, json(articleMeta(article))));
    }
    for (String theme : tags.themes()) {
      doc.add(new SortedSetDocValuesFacetField(IndexSchema.THEME, theme));
      doc.add(new StoredField(IndexSchema.THEME, theme));
    }
    if (!tags.themes().isEmpty()) {
      doc.add(new StoredField(IndexSchema.EVIDENCE, json(tags.evidence())));
    }
    try {
      return facetsConfig.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ArticleMeta articleMeta(ParsedArticle article) {
    return new ArticleMeta(article.subtitle(), article.metadata(), article.related());
  }

  /**
   * The paragraph {@code doc} as a hit list shows it. Only the fields it shows are decoded: a search reads a
   * page of paragraphs, and the theme evidence and article details (JSON) were a fifth of that cost.
   */
  public static ListedParagraph listed(StoredFields stored, int doc) throws IOException {
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(LISTED_FIELDS);
    stored.document(doc, visitor);
    StoredParagraph p = fromDocument(visitor.getDocument()); // the fields left out read as absent
    return new ListedParagraph(p.id(), p.articleId(), p.paragraph(), p.title(), p.section(), p.date(), p.text(),
        p.themes());
  }

  private static final Set<String> LISTED_FIELDS = Set.of(IndexSchema.ID, IndexSchema.ARTICLE_ID,
      IndexSchema.PARAGRAPH, IndexSchema.TITLE, IndexSchema.SECTION, IndexSchema.DATE, IndexSchema.TEXT,
      IndexSchema.THEME);

  /** Reads a stored paragraph back. */
  public static StoredParagraph fromDocument(Document doc) {
    String evidence = doc.get(IndexSchema.EVIDENCE);
    String meta = doc.get(IndexSchema.ARTICLE_META);
    IndexableField number = doc.getField(IndexSchema.PARAGRAPH);
    return new StoredParagraph(
        doc.get(IndexSchema.ID),
        doc.get(IndexSchema.ARTICLE_ID),
        number == null ? 0 : number.numericValue().intValue(),
        nonNull(doc.get(IndexSchema.TITLE)),
        nonNull(doc.get(IndexSchema.SECTION)),
        Arrays.asList(doc.getValues(IndexSchema.HEADINGS)),
        nonNull(doc.get(IndexSchema.DATE)),
        nonNull(doc.get(IndexSchema.SOURCE)),
        nonNull(doc.get(IndexSchema.URL)),
        nonNull(doc.get(IndexSchema.TEXT)),
        Arrays.asList(doc.getValues(IndexSchema.THEME)),
        evidence == null ? Map.of() : parse(evidence, EVIDENCE_TYPE),
        meta == null ? null : parse(meta, new TypeReference<ArticleMeta>() {}));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T parse(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt stored JSON: " + json, e);
    }
  }
}
