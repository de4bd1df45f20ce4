package cn.zhenxing.bench;

import cn.zhenxing.server.ServerMain;
import cn.zhenxing.server.search.ParagraphSearcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tells a slow search path from a slow JVM: starts our HTTP server and, in the same JVM, runs the same searches
 * in a loop on one thread whenever asked, so the loop's latency can be compared with wrk's against the server
 * at the same moment, with the same compiled code. Each line written to the control file's folder as
 * {@code go} (the number of seconds) starts one loop; its figures are printed and {@code done} is written.
 *
 * <p>The in-process searcher needs its own copy of the index (the server holds the write lock):
 * {@code cp -al bench/data/index /tmp/index2 && find /tmp/index2 \( -name write.lock -o -name index.lock \) -delete}.
 *
 * <pre>java -Xmx512m -cp bench/target/zhenxing-bench.jar cn.zhenxing.bench.SameJvmBench INDEX COPY MIX PORT CONTROL_DIR</pre>
 *
 * See {@code bench/scripts/same-jvm.sh}, which alternates the two.
 */
public final class SameJvmBench {

  private SameJvmBench() {}

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    Path copy = Path.of(args[1]);
    List<QueryPaths.Search> mix = QueryPaths.load(Path.of(args[2]));
    String port = args[3];
    Path control = Path.of(args[4]);
    ServerMain.main(new String[] {"--index", index.toString(), "--port", port, "--cache-entries", "0", "--rate-limit", "0"});
    try (InProcessSearch open = InProcessSearch.open(copy)) {
      ParagraphSearcher searcher = open.searcher();
      Files.writeString(control.resolve("ready"), "1");
      Path go = control.resolve("go");
      while (true) {
        while (!Files.exists(go)) {
          Thread.sleep(50);
        }
        String[] request = Files.readString(go).trim().split(" ");
        Files.delete(go);
        double seconds = Double.parseDouble(request[0]);
        int threads = request.length > 1 ? Integer.parseInt(request[1]) : 1;
        System.out.println("in-process, same JVM: " + RawLuceneBench.run(searcher, mix, threads, seconds));
        Files.writeString(control.resolve("done"), "1");
      }
    }
  }
}
