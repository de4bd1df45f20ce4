package cn.zhenxing.indexer.article;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a plain-text article: the whole file is one article whose id is the file name without extension. The
 * title is left empty so the splitter takes the first piece of the text as the title.
 */
public final class TextArticleReader {

  private TextArticleReader() {}

  public static ArticleInput read(Path file) throws IOException {
    String name = file.toString();
    String raw;
    try {
      raw = StrictText.decode(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      return new ArticleInput.Bad(new InputProblem(name, 0, "not UTF-8 text"));
    }
    return fromText(ArticleIds.fromFileName(file.getFileName().toString()), raw, name);
  }

  /** An article from already-decoded text, for callers that have the text in hand. */
  public static ArticleInput fromText(String id, String raw, String name) {
    var idProblem = ArticleIds.problem(id);
    if (idProblem.isPresent()) {
      return new ArticleInput.Bad(new InputProblem(name, 0, idProblem.get()));
    }
    String text = TextCleaner.clean(raw);
    if (TextCleaner.squeeze(text).isEmpty()) {
      return new ArticleInput.Bad(new InputProblem(name, 0, "text is empty after cleaning"));
    }
    return new ArticleInput.Ok(new Article(id, "", "", "", "", text), name, 0);
  }
}
