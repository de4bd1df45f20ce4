package cn.zhenxing.indexer.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process holds the index folder: a running server, or an indexer run. Two writers would each switch
 * the live generation under the other, and a server would go on writing edits to a generation an indexer run
 * had already replaced, losing them at its next start.
 */
public final class IndexInUseException extends IOException {

  public IndexInUseException(Path root) {
    super("the index folder " + root + " is in use by another process (a running server or indexer): stop it "
        + "first, or rebuild through the running server (POST /api/admin/reindex)");
  }
}
