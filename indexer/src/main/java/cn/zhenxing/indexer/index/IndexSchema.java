package cn.zhenxing.indexer.index;

import cn.zhenxing.indexer.analysis.ChineseAnalyzers;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;

/**
 * Every field name of the paragraph index, with why each field is indexed the way it is. Nothing outside this
 * package spells a field name.
 *
 * <p>One Lucene document per paragraph. Text is indexed twice: {@link #TEXT} with SmartChinese words (ranks
 * whole-word matches) and {@link #TEXT_BIGRAMS} with CJK uni+bigrams (finds any run of characters). Both keep
 * positions for phrases; snippets mark matches in the stored text.
 */
public final class IndexSchema {

  /** Bumped whenever fields or analysis change in a way that needs a reindex. */
  public static final String VERSION = "9";

  /** Paragraph id {@code articleId#number}: exact-match key for lookups and upserts. Stored. */
  public static final String ID = "id";
  /** Article id: deleting or replacing an article is one term. Stored, exact match. */
  public static final String ARTICLE_ID = "articleId";
  /** Order of the article in its input, then its paragraphs: "document order" for browsing. Doc values. */
  public static final String ARTICLE_SEQ = "articleSeq";
  public static final String PARAGRAPH = "paragraph";

  public static final String TITLE = "title";
  public static final String SECTION = "section";
  /**
   * Title and section as CJK bigrams (single characters only where they stand alone), without positions: a
   * query word is looked up as the conjunction of its bigrams, which is all a place name (吉林 in 吉林省) needs.
   * Not stored.
   */
  public static final String CONTEXT_BIGRAMS = "context_bigrams";
  public static final String TEXT = "text";
  public static final String TEXT_BIGRAMS = "text_bigrams";

  public static final String HEADINGS = "headings";
  public static final String DATE = "date";
  public static final String SOURCE = "source";
  public static final String URL = "url";
  /** Subtitle, metadata lines and related links as JSON, stored on the article's first paragraph only. */
  public static final String ARTICLE_META = "articleMeta";

  /** Facet dimension for themes (SortedSetDocValues, multi-valued), also stored for display. */
  public static final String THEME = "theme";
  /** The terms that earned each theme, as JSON {theme: [terms]}. Stored only. */
  public static final String EVIDENCE = "evidence";

  /** Commit user-data keys. */
  public static final String COMMIT_SCHEMA_VERSION = "schemaVersion";
  public static final String COMMIT_NEXT_ARTICLE_SEQ = "nextArticleSeq";
  public static final String COMMIT_ORIGIN = "origin";

  /**
   * Searchable text with positions (for phrases), stored for display. No offsets in the postings: snippets
   * find their marks in the stored text of the page's hits (cheaper than reading offsets from a million-
   * paragraph index, measured), so offsets would only slow indexing and grow the index.
   */
  static final FieldType STORED_TEXT = textType(true, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false);
  /**
   * The bigram copy: positions, for character sequences as phrases of overlapping bigrams. Keeps its length
   * norms: without them a long paragraph's many bigram matches outrank a short one's (RelevanceEval nDCG@10
   * 0.824 with, 0.815 without).
   */
  static final FieldType BIGRAMS = textType(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false);
  /**
   * Context bigrams: matched as terms, so frequencies are enough. Title and section are short and repeat on
   * every paragraph of an article, so their length says nothing about the paragraph: no length norms (a
   * search reads one byte per hit per norm field, a tenth of its CPU on the 1M bench index when every field had
   * them; RelevanceEval nDCG@10 0.822 with, 0.824 without).
   */
  static final FieldType CONTEXT_TERMS = textType(false, IndexOptions.DOCS_AND_FREQS, true);
  /** Title and section words, searchable, from cached tokens (the stored copy is a separate field); no norms. */
  static final FieldType WORDS_NOT_STORED = textType(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, true);

  private IndexSchema() {}

  private static FieldType textType(boolean stored, IndexOptions options, boolean omitNorms) {
    FieldType type = new FieldType();
    type.setOmitNorms(omitNorms);
    type.setTokenized(true);
    type.setStored(stored);
    type.setIndexOptions(options);
    type.freeze();
    return type;
  }

  /** Facets configuration shared by indexing and searching. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(THEME, true);
    return config;
  }

  /**
   * Writer settings for this schema. A large RAM buffer makes fewer, bigger segments during bulk loads; the
   * analyzer comes from {@link #indexAnalyzer()} so index and query analysis agree; {@link ParagraphCodec}
   * keeps stored paragraphs quick to read.
   */
  public static org.apache.lucene.index.IndexWriterConfig writerConfig(double ramBufferMb) {
    org.apache.lucene.index.IndexWriterConfig config =
        new org.apache.lucene.index.IndexWriterConfig(indexAnalyzer());
    config.setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(ramBufferMb);
    config.setCodec(new ParagraphCodec());
    return config;
  }

  /** The analyzer for the IndexWriter (and for highlighting): per field, as declared above. */
  public static Analyzer indexAnalyzer() {
    return ChineseAnalyzers.forIndexing(
        Map.of(TEXT_BIGRAMS, ChineseAnalyzers.bigrams(), CONTEXT_BIGRAMS, ChineseAnalyzers.queryBigrams()));
  }
}
