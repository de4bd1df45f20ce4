package cn.zhenxing.indexer.article;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Articles from files and folders: {@code .txt} and {@code .html} (one article per file), {@code .jsonl} and
 * {@code .jsonl.gz} (one article per line). Folders are walked recursively in name order; a path with {@code *} or {@code ?} is
 * a glob. Files of other types are reported as skipped inputs, not errors.
 */
public final class FileArticleSource implements ArticleSource {

  private final List<Path> files;
  private final List<InputProblem> problems;

  private FileArticleSource(List<Path> files, List<InputProblem> problems) {
    this.files = List.copyOf(files);
    this.problems = List.copyOf(problems);
  }

  /**
   * Expands the given paths. Paths that do not exist or match nothing become problems reported when the
   * source is read, so a typo in one of many inputs is visible but does not stop the others.
   */
  public static FileArticleSource of(List<String> paths) {
    List<Path> files = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    for (String p : paths) {
      if (p.contains("*") || p.contains("?")) {
        List<Path> matched = glob(p);
        if (matched.isEmpty()) {
          problems.add(new InputProblem(p, 0, "no file matches this pattern"));
        }
        files.addAll(matched);
        continue;
      }
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        files.addAll(walk(path));
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        problems.add(new InputProblem(p, 0, "no such file or folder"));
      }
    }
    // A file named twice (or a folder and a file in it) is read once: read again, each of its articles
    // would be listed as a repeated id.
    java.util.Map<Path, Path> once = new java.util.LinkedHashMap<>();
    files.forEach(f -> once.putIfAbsent(realPath(f), f));
    return new FileArticleSource(new ArrayList<>(once.values()), problems);
  }

  public List<Path> files() {
    return files;
  }

  /** The file itself, whatever links or relative paths lead to it. */
  private static Path realPath(Path f) {
    try {
      return f.toRealPath();
    } catch (java.io.IOException e) {
      return f.toAbsolutePath().normalize();
    }
  }

  /** The given paths that name no file or folder, and the patterns that match none. */
  public List<InputProblem> unmatched() {
    return problems;
  }

  private static String formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl.gz")) {
      return "jsonl.gz";
    }
    if (name.endsWith(".jsonl")) {
      return "jsonl";
    }
    if (name.endsWith(".txt")) {
      return "txt";
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "html";
    }
    return null;
  }

  @Override
  public void read(Consumer<ArticleInput> sink) throws IOException {
    problems.forEach(p -> sink.accept(new ArticleInput.Bad(p)));
    for (Path file : files) {
      String format = formatOf(file);
      if (format == null) {
        sink.accept(new ArticleInput.Bad(new InputProblem(file.toString(), 0,
            "unsupported file type: only .txt, .html, .htm, .jsonl and .jsonl.gz are read")));
        continue;
      }
      switch (format) {
        case "txt" -> sink.accept(TextArticleReader.read(file));
        case "html" -> sink.accept(readHtml(file));
        case "jsonl", "jsonl.gz" -> {
          InputStream in;
          try {
            in = open(file, format);
          } catch (java.util.zip.ZipException | java.io.EOFException e) {
            sink.accept(new ArticleInput.Bad(new InputProblem(file.toString(), 0,
                "not a gzip file, or an empty one" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"))));
            continue;
          }
          try (in; JsonLinesArticleReader reader = new JsonLinesArticleReader(in, file.toString())) {
            reader.forEachRemaining(sink);
          }
        }
        default -> throw new IllegalStateException(format);
      }
    }
  }

  /** Counts lines of JSON Lines files and text files: cheap next to analysis, and it makes ETAs possible. */
  @Override
  public OptionalLong expectedArticles() {
    long total = 0;
    for (Path file : files) {
      String format = formatOf(file);
      if (format == null) {
        continue;
      }
      if (format.equals("txt") || format.equals("html")) {
        total++;
        continue;
      }
      try (InputStream in = open(file, format)) {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
          for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
              total++;
            }
          }
        }
      } catch (IOException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(total);
  }

  private static ArticleInput readHtml(Path file) throws IOException {
    return HtmlArticleReader.read(file);
  }

  private static InputStream open(Path file, String format) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return format.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static List<Path> walk(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      // Every file, not only the readable kinds: one that is skipped (a .docx, a .pdf) is listed as such, so
      // nobody is left to wonder why its articles are missing. Hidden files (.DS_Store) are not articles.
      return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("reading folder " + dir, e);
    }
  }

  private static List<Path> glob(String pattern) {
    // The folder part before the first wildcard is the root to walk; the rest is matched as a glob.
    int wild = indexOfWildcard(pattern);
    int slash = pattern.lastIndexOf('/', wild);
    Path root = slash < 0 ? Path.of(".") : Path.of(pattern.substring(0, slash + 1));
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    String globText = slash < 0 ? pattern : pattern.substring(slash + 1);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + globText);
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> matcher.matches(root.relativize(f)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("reading folder " + root, e);
    }
  }

  private static int indexOfWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return s.length();
  }
}
