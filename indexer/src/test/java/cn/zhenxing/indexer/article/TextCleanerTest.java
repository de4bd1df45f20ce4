package cn.zhenxing.indexer.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

  @Test
  void invisible_characters_go_and_a_line_of_nothing_else_goes_with_its_break() {
    assertEquals("改\n革，加快发展。\n\n第二段。", TextCleaner.clean("改\n\u200b\n革，加快发展。\n\n第二段。"),
        "Wikisource cuts words with a line of a zero-width space: that is no blank line between paragraphs");
    assertEquals("改\n革", TextCleaner.clean("改\r\n\u200b\u200e\r\n革"));
    assertEquals("数字沈阳\n\n营商", TextCleaner.clean("\uFEFF数字\u200b沈阳\n\n营商"));
    assertEquals("甲\n\n乙\n \n丙", TextCleaner.clean("甲\n\n乙\n \n丙"), "blank lines stay blank lines");
  }
}
