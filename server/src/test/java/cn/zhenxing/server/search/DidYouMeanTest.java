package cn.zhenxing.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DidYouMeanTest {

  @Test
  void a_spelling_fix_is_counted_in_characters_changed() {
    assertEquals(1, DidYouMean.editDistance("营商环竟", "营商环境"));
    assertEquals(2, DidYouMean.editDistance("沈阳营商环境", "一流营商环境"), "two changed: no spelling fix of six");
    assertEquals(1, DidYouMean.editDistance("数字沈阳", "数字沈阳市"));
    assertEquals(0, DidYouMean.editDistance("", ""));
  }
}
