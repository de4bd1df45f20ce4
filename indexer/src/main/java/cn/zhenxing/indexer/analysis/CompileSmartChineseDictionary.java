package cn.zhenxing.indexer.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A build step (the indexer's pom runs it after compiling): builds SmartChinese's tables from Lucene's
 * dictionaries once and writes them where {@link SmartChineseDictionary} looks for them at run time.
 *
 * <pre>java cn.zhenxing.indexer.analysis.CompileSmartChineseDictionary CLASSES_DIR</pre>
 */
public final class CompileSmartChineseDictionary {

  private CompileSmartChineseDictionary() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CompileSmartChineseDictionary CLASSES_DIR");
    }
    Path out = Path.of(args[0]).resolve(SmartChineseDictionary.class.getPackageName().replace('.', '/'))
        .resolve(SmartChineseDictionary.COMPILED);
    Files.createDirectories(out.getParent());
    Files.write(out, SmartChineseDictionary.fromLucene().compiled());
  }
}
