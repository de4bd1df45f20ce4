package cn.zhenxing.indexer.article;

/**
 * An input that was skipped, with where it came from ({@code file} and a 1-based {@code line}, 0 when the
 * whole file is meant) and why. Reported to the user in summaries and job status.
 */
public record InputProblem(String file, long line, String reason) {

  /** {@code file:line: reason}, the form compilers use, so editors can jump to it. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }
}
