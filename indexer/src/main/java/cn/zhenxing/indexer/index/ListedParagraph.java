package cn.zhenxing.indexer.index;

import java.util.List;

/** A paragraph as a list of search hits shows it: {@link StoredParagraph} without the article's details. */
public record ListedParagraph(
    String id,
    String articleId,
    int paragraph,
    String title,
    String section,
    String date,
    String text,
    List<String> themes) {}
