package cn.zhenxing.indexer.index;

import cn.zhenxing.indexer.article.InputProblem;

/** A build stopped at the first bad input because the caller asked to abort on errors. */
public final class BuildAbortedException extends Exception {

  private final transient InputProblem problem;

  public BuildAbortedException(InputProblem problem) {
    super("stopped at the first bad input: " + problem);
    this.problem = problem;
  }

  public InputProblem problem() {
    return problem;
  }
}
