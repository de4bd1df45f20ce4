package cn.zhenxing.indexer.cli;

import cn.zhenxing.indexer.article.FileArticleSource;
import cn.zhenxing.indexer.article.InputProblem;
import cn.zhenxing.indexer.index.BuildAbortedException;
import cn.zhenxing.indexer.index.BuildProgress;
import cn.zhenxing.indexer.index.GenerationBuilder;
import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.indexer.index.IndexInUseException;
import cn.zhenxing.indexer.index.NotAnIndexFolderException;
import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.index.NothingIndexedException;
import cn.zhenxing.indexer.index.ParagraphDocuments;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.indexer.theme.ThemeTagger;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar zhenxing-indexer.jar --input PATH... --index DIR}: builds a new index generation from
 * files and folders, makes it live, and prints a summary with every skipped input and its reason.
 */
public final class IndexerCli {

  static final List<CommandLine.Option> OPTIONS =
      List.of(
          new CommandLine.Option("input", "PATH", true, "files, folders or globs (.txt .jsonl .jsonl.gz .html)"),
          new CommandLine.Option("index", "DIR", false, "index folder (default data/index)"),
          new CommandLine.Option("themes", "FILE", false, "theme taxonomy JSON (default: the built-in one)"),
          new CommandLine.Option("threads", "N", false, "analysis threads (default: number of cores)"),
          new CommandLine.Option("on-error", "skip|abort", false, "bad input lines: skip and report (default) or abort"),
          new CommandLine.Option("help", null, false, "show this help"));

  private IndexerCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.console() != null));
  }

  /** Runs the program; returns the process exit code (0 ok, 1 failed, 2 usage error). */
  public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    CommandLine cl = new CommandLine("java -jar zhenxing-indexer.jar", OPTIONS);
    String summary = "Builds a paragraph index from articles and makes it the live index in DIR.";
    int threads;
    IndexBuilder.OnError onError;
    Taxonomy taxonomy;
    try {
      cl.parse(args);
      if (cl.has("help")) {
        out.print(cl.help(summary));
        return 0;
      }
      if (cl.all("input").isEmpty()) {
        throw new CommandLine.UsageException("--input is required: give at least one file, folder or glob");
      }
      threads = cl.intValue("threads", Runtime.getRuntime().availableProcessors(), 1, 256);
      onError = parseOnError(cl.get("on-error", "skip"));
      taxonomy = cl.has("themes") ? Taxonomy.load(Path.of(cl.get("themes", ""))) : Taxonomy.defaults();
    } catch (CommandLine.UsageException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }

    IndexLayout layout = new IndexLayout(Path.of(cl.get("index", "data/index")));
    FileArticleSource source = FileArticleSource.of(cl.all("input"));
    if (!source.unmatched().isEmpty()) {
      // The build replaces the whole index: without an input that was meant to be in it, articles would vanish.
      source.unmatched().forEach(p -> err.println("error: " + p + " (--input)"));
      err.println("error: nothing was indexed; the live index is unchanged");
      return 2;
    }
    IndexBuilder builder =
        new IndexBuilder(new ParagraphSplitter(), new ThemeTagger(taxonomy), threads);
    BuildProgress progress = new BuildProgress();
    out.printf(Locale.ROOT, "Indexing %d file(s) into %s with %d thread(s)%n", source.files().size(), layout.root(), threads);
    try (java.io.Closeable folder = layout.lock()) {
      GenerationBuilder.Built built;
      try (ProgressReporter ignored = new ProgressReporter(progress, out, terminal)) {
        built = new GenerationBuilder(layout, builder, 256).build(source, onError, progress, "cli");
      }
      layout.publish(built.generation());
      layout.removeStaleGenerations();
      printSummary(out, progress.snapshot(), built.generation());
      out.println("Then: " + progress.finishingSummary());
      return 0;
    } catch (BuildAbortedException e) {
      printSummary(out, progress.snapshot(), null);
      err.println("error: " + e.getMessage() + " (--on-error abort); the live index is unchanged");
      return 1;
    } catch (NothingIndexedException e) {
      printSummary(out, progress.snapshot(), null);
      err.println("error: " + e.getMessage() + "; the live index is unchanged");
      return 1;
    } catch (IndexInUseException | NotAnIndexFolderException e) {
      err.println("error: " + e.getMessage() + "; nothing was indexed");
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage() + "; nothing was indexed");
      return 1;
    } catch (java.nio.file.FileSystemException e) {
      err.println("error: indexing failed: " + e.getFile() + ": " + e.getReason() + "; the live index is unchanged");
      return 1;
    } catch (Exception e) {
      err.println("error: indexing failed: " + e);
      return 1;
    }
  }

  private static IndexBuilder.OnError parseOnError(String raw) throws CommandLine.UsageException {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "skip" -> IndexBuilder.OnError.SKIP;
      case "abort" -> IndexBuilder.OnError.ABORT;
      default -> throw new CommandLine.UsageException("--on-error must be skip or abort, was \"" + raw + "\"");
    };
  }

  private static void printSummary(PrintStream out, BuildProgress.Snapshot s, Path generation) {
    out.printf(
        Locale.ROOT,
        "Done in %.1f s: %,d articles, %,d paragraphs, %,d characters (%,.0f paragraphs/s, %,.0f chars/s); %,d skipped%n",
        s.elapsedMillis() / 1000.0,
        s.articles(),
        s.paragraphs(),
        s.characters(),
        s.paragraphsPerSecond(),
        s.charactersPerSecond(),
        s.skipped());
    for (InputProblem p : s.problems()) {
      out.println("  skipped " + p);
    }
    if (s.skipped() > s.problems().size()) {
      out.printf(Locale.ROOT, "  ... and %,d more%n", s.skipped() - s.problems().size());
    }
    if (generation != null) {
      out.println("Live index: " + generation);
    }
  }
}
