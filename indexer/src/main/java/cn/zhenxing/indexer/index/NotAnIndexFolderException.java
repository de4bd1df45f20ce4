package cn.zhenxing.indexer.index;

/**
 * The index folder holds something other than an index this program can safely serve or replace: someone's
 * files, a generation without the {@code CURRENT} file naming it, or a {@code CURRENT} that names no generation.
 * The message says what was found and what to do; nothing in the folder was changed.
 */
public final class NotAnIndexFolderException extends IllegalStateException {
  public NotAnIndexFolderException(String message) {
    super(message);
  }
}
