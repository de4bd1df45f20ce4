package cn.zhenxing.indexer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict parser for {@code --name value} options shared by the indexer and server programs. Unknown
 * options, missing values and repeated single-valued options are errors that name the option, so a typo
 * fails fast instead of being ignored.
 */
public final class CommandLine {

  /** An option: its name without dashes, a value placeholder (null for a flag), and help text. */
  public record Option(String name, String valueName, boolean repeatable, String help) {}

  /** Thrown for any mistake on the command line; the message is meant for the user. */
  public static final class UsageException extends Exception {
    public UsageException(String message) {
      super(message);
    }
  }

  private final String program;
  private final Map<String, Option> options = new LinkedHashMap<>();
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  public CommandLine(String program, List<Option> options) {
    this.program = program;
    for (Option o : options) {
      this.options.put(o.name(), o);
    }
  }

  /** Parses {@code args}; a repeatable option takes every following argument up to the next option. */
  public CommandLine parse(String[] args) throws UsageException {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument \"" + arg + "\" (options start with --; see --help)");
      }
      String name = arg.substring(2);
      String inlineValue = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inlineValue = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Option option = options.get(name);
      if (option == null) {
        throw new UsageException("unknown option --" + name + " (see --help)");
      }
      if (option.valueName() == null) {
        values.put(name, List.of("true"));
        continue;
      }
      List<String> got = new ArrayList<>();
      if (inlineValue != null) {
        got.add(inlineValue);
      }
      while (i + 1 < args.length && !args[i + 1].startsWith("--") && (option.repeatable() || got.isEmpty())) {
        got.add(args[++i]);
      }
      if (got.isEmpty()) {
        throw new UsageException("option --" + name + " needs a value: --" + name + " " + option.valueName());
      }
      if (values.containsKey(name) && !option.repeatable()) {
        throw new UsageException("option --" + name + " given twice");
      }
      values.computeIfAbsent(name, k -> new ArrayList<>()).addAll(got);
    }
    return this;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String get(String name, String fallback) {
    List<String> v = values.get(name);
    return v == null ? fallback : v.get(0);
  }

  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** An integer option within bounds; anything else is a usage error naming the option and the value. */
  public int intValue(String name, int fallback, int min, int max) throws UsageException {
    String raw = get(name, null);
    if (raw == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < min || v > max) {
        throw new UsageException("--" + name + " must be between " + min + " and " + max + ", was " + raw);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, was \"" + raw + "\"");
    }
  }

  public String help(String summary) {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: ").append(program).append(" [options]\n").append(summary).append("\n\nOptions:\n");
    for (Option o : options.values()) {
      String left = "  --" + o.name() + (o.valueName() == null ? "" : " " + o.valueName()) + (o.repeatable() ? "..." : "");
      sb.append(String.format("%-30s %s%n", left, o.help()));
    }
    return sb.toString();
  }
}
