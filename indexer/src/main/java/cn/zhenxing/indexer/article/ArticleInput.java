package cn.zhenxing.indexer.article;

/**
 * One item read from an input: either an article or a problem that made a line or file unusable. Readers
 * return these instead of throwing so one bad line never stops a bulk load.
 */
public sealed interface ArticleInput {

  /** Where the item came from, for messages. */
  String file();

  /** 1-based line for line-oriented inputs, 0 for whole-file inputs. */
  long line();

  record Ok(Article article, String file, long line) implements ArticleInput {}

  record Bad(InputProblem problem) implements ArticleInput {
    @Override
    public String file() {
      return problem.file();
    }

    @Override
    public long line() {
      return problem.line();
    }
  }
}
