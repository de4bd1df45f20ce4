package cn.zhenxing.indexer.index;

import java.util.List;
import java.util.Map;

/** Article-level details kept once per article (on its first paragraph): subtitle, metadata lines, related. */
public record ArticleMeta(String subtitle, Map<String, String> metadata, List<String> related) {

  public static final ArticleMeta EMPTY = new ArticleMeta("", Map.of(), List.of());
}
