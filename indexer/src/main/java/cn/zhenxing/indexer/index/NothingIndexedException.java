package cn.zhenxing.indexer.index;

/**
 * A build that would replace a live index produced no paragraph at all: every input was skipped or there was
 * none. Publishing it would leave searches with nothing, so the build is thrown away instead.
 */
public final class NothingIndexedException extends Exception {

  public NothingIndexedException(long skipped) {
    super(skipped == 0
        ? "the input holds no article to index"
        : "none of the input could be indexed (" + skipped + " input(s) skipped, listed with their reasons)");
  }
}
