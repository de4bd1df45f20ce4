package cn.zhenxing.indexer.article;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Something articles can be read from: files named on a command line, or a request body. Pushes every item
 * (good or bad) to the sink in input order, on the calling thread.
 */
public interface ArticleSource {

  void read(Consumer<ArticleInput> sink) throws IOException;

  /** How many articles to expect, when that is cheap to know; used for progress and ETA only. */
  default OptionalLong expectedArticles() {
    return OptionalLong.empty();
  }
}
