package cn.zhenxing.indexer.index;

import cn.zhenxing.indexer.article.ArticleSource;
import cn.zhenxing.indexer.pinyin.PinyinDictionary;
import cn.zhenxing.indexer.suggest.PhraseCollector;
import cn.zhenxing.indexer.suggest.SuggestIndex;
import cn.zhenxing.indexer.suggest.WordPairs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds a complete index, its suggestions and its pinyin dictionary, in a new generation folder beside the
 * live one. The result is committed and closed
 * but not yet live: the caller publishes it (the CLI at once; the server after replaying edits made during
 * the build). On any failure the half-built folder is deleted and the live index is untouched.
 */
public final class GenerationBuilder {

  private final IndexLayout layout;
  private final IndexBuilder builder;
  private final double ramBufferMb;

  public GenerationBuilder(IndexLayout layout, IndexBuilder builder, double ramBufferMb) {
    this.layout = layout;
    this.builder = builder;
    this.ramBufferMb = ramBufferMb;
  }

  /** A finished generation: where it is, how many articles/paragraphs it holds, the next free article seq. */
  public record Built(Path generation, long paragraphs, long nextArticleSeq) {}

  /**
   * Builds a generation from {@code source}. One that indexed no paragraph is thrown away: published, it would
   * replace a live index, or be served empty by every later start.
   *
   * @throws NothingIndexedException when every input was skipped or there was none
   */
  public Built build(ArticleSource source, IndexBuilder.OnError onError, BuildProgress progress, String origin)
      throws IOException, BuildAbortedException, InterruptedException, NothingIndexedException {
    layout.ensureRoot();
    Path gen = layout.newGeneration();
    boolean ok = false;
    try (FSDirectory dir = FSDirectory.open(gen)) {
      // The segments flushed while building live only until the merge into one below: packing each into a
      // compound file first would only copy its bytes (a third of what a 1M-paragraph build writes).
      IndexWriter writer = new IndexWriter(dir, IndexSchema.writerConfig(ramBufferMb).setUseCompoundFile(false));
      try {
        progress.begin();
        progress.expectArticles(source.expectedArticles());
        PhraseCollector phrases = new PhraseCollector();
        long next = builder.build(source, writer, 0, onError, progress, phrases);
        if (writer.getDocStats().numDocs == 0) {
          throw new NothingIndexedException(progress.snapshot().skipped());
        }
        writer.setLiveCommitData(commitData(next, origin).entrySet());
        long t0 = System.nanoTime();
        // The compounds are read from the text beside the merge below, which keeps one core busy for most of the
        // finishing time; the reader holds the segments being merged until it is done.
        DirectoryReader built = DirectoryReader.open(writer);
        java.util.concurrent.CompletableFuture<Map<String, Long>> compounds = java.util.concurrent.CompletableFuture
            .supplyAsync(() -> {
              try (built) {
                return WordPairs.of(built, IndexSchema.TEXT, WordPairs.DEFAULT_BUDGET_CHARS);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
        // A generation is built once and then mostly read: one segment means each query term is looked up in
        // one terms dictionary instead of one per segment. On the 1M-paragraph bench index (7 segments) this
        // cut query time by about a fifth, for about 20 s of merging.
        writer.forceMerge(1);
        writer.commit();
        long paragraphs = writer.getDocStats().numDocs;
        writer.close();
        long t1 = System.nanoTime();
        Map<String, Long> weights = phrases.weights();
        Map<String, Long> words;
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          words = IndexWords.of(reader, IndexSchema.TEXT);
          // Compounds SmartChinese cuts in two (冰雪经济 → 冰雪/经济) are typed as one term: suggested, offered as
          // did-you-mean and spelled in pinyin like the index's words.
          joined(compounds).forEach((compound, count) -> words.merge(compound, count, Math::max));
        }
        // Suggestions and the pinyin dictionary are independent: build them side by side.
        java.util.concurrent.CompletableFuture<Void> suggest = java.util.concurrent.CompletableFuture.runAsync(() -> {
          try {
            SuggestIndex.build(gen, weights, words);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        PinyinDictionary.build(gen, words, weights);
        long t2 = System.nanoTime();
        joined(suggest);
        progress.finishing((t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000, (t2 - t1) / 1_000_000,
            weights.size());
        ok = true;
        return new Built(gen, paragraphs, next);
      } finally {
        if (!ok) {
          writer.rollback(); // closes without committing anything more
        }
      }
    } finally {
      if (!ok) {
        IndexLayout.deleteRecursively(gen);
      }
    }
  }

  /** What {@code task} gave, its I/O failure as an IOException. */
  private static <T> T joined(java.util.concurrent.CompletableFuture<T> task) throws IOException {
    try {
      return task.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
    }
  }

  /** The commit user data every commit of this schema carries. */
  public static Map<String, String> commitData(long nextArticleSeq, String origin) {
    return Map.of(
        IndexSchema.COMMIT_SCHEMA_VERSION, IndexSchema.VERSION,
        IndexSchema.COMMIT_NEXT_ARTICLE_SEQ, Long.toString(nextArticleSeq),
        IndexSchema.COMMIT_ORIGIN, origin);
  }
}
