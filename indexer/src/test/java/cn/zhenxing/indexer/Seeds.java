package cn.zhenxing.indexer;

import cn.zhenxing.indexer.article.ArticleInput;
import cn.zhenxing.indexer.article.FileArticleSource;
import cn.zhenxing.indexer.paragraph.Paragraph;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.paragraph.ParsedArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project's real seed documents ({@code seeds/} at the repository root), split as the indexer splits them. */
public final class Seeds {

  private Seeds() {}

  public static Path folder() {
    for (Path p : List.of(Path.of("seeds"), Path.of("../seeds"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException("seeds folder not found from " + Path.of("").toAbsolutePath());
  }

  public static List<ParsedArticle> articles() {
    List<ParsedArticle> out = new ArrayList<>();
    ParagraphSplitter splitter = new ParagraphSplitter();
    try {
      FileArticleSource.of(List.of(folder().toString())).read(in -> {
        if (in instanceof ArticleInput.Ok ok) {
          out.add(splitter.split(ok.article()));
        } else {
          throw new IllegalStateException("bad seed input: " + in);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Every seed paragraph by id. */
  public static Map<String, Paragraph> paragraphs() {
    Map<String, Paragraph> out = new LinkedHashMap<>();
    for (ParsedArticle a : articles()) {
      for (Paragraph p : a.paragraphs()) {
        out.put(p.id(), p);
      }
    }
    return out;
  }
}
