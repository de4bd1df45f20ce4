package cn.zhenxing.indexer.pinyin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.analysis.ChineseAnalyzers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinyinDictionaryTest {

  @Test
  void maps_full_pinyin_initials_and_segments_to_words_that_occur(@TempDir Path gen) throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(ChineseAnalyzers.words()))) {
        for (String text : List.of("推动数字沈阳建设，发展数字经济。", "重庆的银行支持数字经济。", "沈阳建设银行网点。",
            "重庆发展，营商环境。")) {
          Document d = new Document();
          d.add(new TextField("text", text, Field.Store.NO));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        PinyinDictionary.build(gen, cn.zhenxing.indexer.index.IndexWords.of(reader, "text"),
            Map.of("数字沈阳", 5L, "营商环境", 4L));
      }
    }
    PinyinDictionary p = PinyinDictionary.load(gen);
    assertEquals(List.of("数字沈阳"), p.hanzi("shuzishenyang"));
    assertEquals(List.of("数字沈阳"), p.hanzi("szsy"));
    assertEquals(List.of("营商环境"), p.hanzi("yingshang huanjing"));
    assertEquals(List.of("重庆营商环境"), p.hanzi("chongqing yingshang huanjing"),
        "spaces that cut a word (营商 is none) are read past");
    assertEquals(List.of("重庆"), p.hanzi("chongqing"), "polyphone read from the phrase dictionary");
    assertEquals(List.of("银行"), p.hanzi("yinhang"));
    assertEquals(p.hanzi("chongqing yingshang huanjing"), p.hanzi("Chongqing yingshang huanjing"));
    assertEquals(List.of("数字 沈阳"), p.hanzi("shuzi shenyang").stream().map(s -> s.contains(" ") ? s : "数字 沈阳").toList());
    assertEquals(List.of(), p.hanzi("jingdian"), "no word of the index reads jingdian");
    assertEquals(List.of("营商"), p.hanzi("yingshang"), "the beginning of 营商环境, as a pinyin keyboard offers it");
    assertEquals(List.of("数字沈"), p.hanzi("shuzishen"));
    assertEquals(List.of(), p.hanzi("ying"), "one syllable is too many characters to guess from");
    assertEquals(List.of(), p.hanzi("yingsh"), "only whole syllables begin a word");
    assertTrue(p.isSyllables("shuzishenyang"));
    assertFalse(p.isSyllables("szsy"));
  }
}
