package cn.zhenxing.indexer.analysis;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.util.Version;
import org.junit.jupiter.api.Test;

/** The tables the build compiles are the ones built from Lucene's dictionaries, and are only used when they fit. */
class SmartChineseDictionaryTest {

  @Test
  void the_compiled_tables_are_lucenes() throws IOException {
    byte[] compiled;
    try (InputStream in = SmartChineseDictionary.class.getResourceAsStream(SmartChineseDictionary.COMPILED)) {
      assertNotNull(in, "the build writes " + SmartChineseDictionary.COMPILED + " into the classes folder");
      compiled = in.readAllBytes();
    }
    SmartChineseDictionary fromLucene = SmartChineseDictionary.fromLucene();
    assertTrue(SmartChineseDictionary.readCompiled(compiled).sameTablesAs(fromLucene));
    assertTrue(SmartChineseDictionary.get().sameTablesAs(fromLucene));
    // Spot checks through the lookups the segmenter makes.
    SmartChineseDictionary dict = SmartChineseDictionary.readCompiled(compiled);
    assertTrue(dict.frequency("振兴".toCharArray()) > 0);
    assertTrue(dict.frequency("振兴东北老工业基地".toCharArray()) == fromLucene.frequency("振兴东北老工业基地".toCharArray()));
  }

  @Test
  void tables_compiled_for_another_lucene_are_not_used() {
    byte[] compiled = SmartChineseDictionary.fromLucene().compiled();
    byte[] version = Version.LATEST.toString().getBytes(StandardCharsets.US_ASCII);
    compiled[12 + version.length - 1]++; // 9.12.3 -> 9.12.4
    assertNull(SmartChineseDictionary.readCompiled(compiled));
  }

  @Test
  void a_damaged_file_is_refused_with_its_name() {
    byte[] compiled = SmartChineseDictionary.fromLucene().compiled();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SmartChineseDictionary.readCompiled(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
    assertTrue(e.getMessage().contains(SmartChineseDictionary.COMPILED), e.getMessage());
    for (int length : new int[] {compiled.length + 4, compiled.length - 4, 100}) {
      byte[] resized = java.util.Arrays.copyOf(compiled, length);
      e = assertThrows(IllegalStateException.class, () -> SmartChineseDictionary.readCompiled(resized));
      assertTrue(e.getMessage().contains(SmartChineseDictionary.COMPILED), e.getMessage());
    }
  }
}
