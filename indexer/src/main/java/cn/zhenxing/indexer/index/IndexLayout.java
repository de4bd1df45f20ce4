package cn.zhenxing.indexer.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The on-disk layout of an index folder: complete Lucene indexes live in generation folders
 * ({@code gen-000007}) and a small file {@code CURRENT} names the live one. A rebuild writes a new generation
 * beside the live one and then replaces {@code CURRENT} with an atomic rename, so a crash at any moment
 * leaves either the old or the new generation live, never a half-built one. A generation being built carries
 * a {@code BUILDING} mark until it is published. Generations that {@code CURRENT} does not name are leftovers
 * and are removed by {@link #removeStaleGenerations()}; before anything is removed, {@link #checkIsIndexFolder()}
 * makes sure the folder really is an index folder.
 */
public final class IndexLayout {

  private static final String CURRENT = "CURRENT";
  private static final String LOCK = "index.lock";
  private static final String BUILDING = "BUILDING";
  /** The server's spool for uploads, kept in the index folder so it is on the same disk. */
  private static final String UPLOADS = "uploads";
  private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6,})");

  private final Path root;

  public IndexLayout(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** Creates the root folder if needed; fails with a message naming it when that is impossible. */
  public void ensureRoot() {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new IllegalArgumentException("index folder " + root + " is a file, not a folder");
    }
    try {
      Files.createDirectories(root);
    } catch (java.nio.file.FileSystemException e) {
      throw new IllegalArgumentException("cannot create index folder " + root + ": "
          + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()) + " (" + e.getFile() + ")", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot create index folder " + root + ": " + e, e);
    }
    if (!Files.isWritable(root)) {
      throw new IllegalArgumentException("index folder " + root + " is not writable");
    }
  }

  /**
   * Takes the folder for this process until the returned handle is closed: a server holds it while it runs,
   * an indexer run while it builds and publishes. The operating system drops it when the process dies.
   *
   * @throws NotAnIndexFolderException when the folder holds something other than an index ({@link
   *     #checkIsIndexFolder()})
   * @throws IndexInUseException when another process (or another holder in this one) has it
   */
  public java.io.Closeable lock() throws IOException {
    ensureRoot();
    checkIsIndexFolder(); // before the lock file is made: a folder that is refused is left exactly as it was
    org.apache.lucene.store.FSDirectory dir = org.apache.lucene.store.FSDirectory.open(root);
    try {
      org.apache.lucene.store.Lock lock = dir.obtainLock(LOCK);
      return () -> {
        try (dir) {
          lock.close();
        }
      };
    } catch (org.apache.lucene.store.LockObtainFailedException e) {
      dir.close();
      throw new IndexInUseException(root);
    }
  }

  /** The live generation, when there is one whose folder exists. */
  public Optional<Path> current() {
    Path pointer = root.resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      if (!GENERATION.matcher(name).matches()) {
        throw new NotAnIndexFolderException(pointer + " names \"" + name + "\", which is not a generation folder: write the"
            + " name of the generation to serve into it (such as gen-000001), or move the folder away to start afresh");
      }
      Path gen = root.resolve(name);
      return Files.isDirectory(gen) ? Optional.of(gen) : Optional.empty();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new NotAnIndexFolderException(pointer + " is not the name of a generation: write the name of the"
          + " generation to serve into it (such as gen-000001), or move the folder away to start afresh");
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + pointer, e);
    }
  }

  /** Creates the folder for the next generation (one past the highest present), marked as being built. */
  public Path newGeneration() throws IOException {
    long next = generations().stream().mapToLong(IndexLayout::number).max().orElse(0) + 1;
    Path gen = root.resolve(String.format("gen-%06d", next));
    Files.createDirectories(gen);
    Files.createFile(gen.resolve(BUILDING));
    return gen;
  }

  /**
   * Refuses a folder that holds anything but an index: without a {@code CURRENT} file it may hold only
   * generations still marked as being built (a crash during the first build), an empty upload spool and the
   * lock. Anything else is someone's files ({@code --index} pointed at the wrong folder) or a complete
   * generation whose {@code CURRENT} was lost; removing leftovers would delete them.
   *
   * @throws NotAnIndexFolderException saying what was found and what to do
   */
  public void checkIsIndexFolder() throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    if (Files.isRegularFile(root.resolve(CURRENT))) {
      Optional<Path> live = current();
      if (live.isEmpty() || !isComplete(live.get())) {
        List<String> complete = completeGenerations();
        if (!complete.isEmpty()) {
          // Removing leftovers now would remove every index there is.
          throw new NotAnIndexFolderException(root.resolve(CURRENT) + " names " + (live.isEmpty()
              ? "a generation that does not exist" : "a generation that holds no complete index") + ", but " + root
              + " has " + String.join(", ", complete) + ": " + howToServe(complete) + "; nothing was removed");
        }
      }
      return;
    }
    List<String> unmarked = new ArrayList<>(); // not being built: complete, or someone's folder of that name
    List<String> foreign = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.equals(LOCK) || name.equals(CURRENT + ".tmp") || (name.equals(UPLOADS) && isEmptyFolder(p))) {
          continue;
        }
        if (Files.isDirectory(p) && GENERATION.matcher(name).matches()) {
          if (!Files.exists(p.resolve(BUILDING))) {
            unmarked.add(name);
          }
          continue;
        }
        foreign.add(name);
      }
    }
    if (!foreign.isEmpty()) {
      java.util.Collections.sort(foreign);
      throw new NotAnIndexFolderException("index folder " + root + " is not empty and holds no index (it has "
          + String.join(", ", foreign.subList(0, Math.min(5, foreign.size()))) + (foreign.size() > 5 ? ", …" : "")
          + "): give --index an empty or new folder");
    }
    if (!unmarked.isEmpty()) {
      java.util.Collections.sort(unmarked);
      List<String> complete = completeGenerations();
      String way = complete.isEmpty()
          ? "none of them holds a complete index; to start afresh, move the folder away"
          : howToServe(complete) + "; to start afresh, move the folder away";
      throw new NotAnIndexFolderException("index folder " + root + " has the generation folder(s) "
          + String.join(", ", unmarked) + " but no CURRENT file naming the live one, so nothing is removed or"
          + " rebuilt: " + way);
    }
  }

  /** What makes the newest of {@code complete} live again: the command to write its name into CURRENT. */
  private String howToServe(List<String> complete) {
    String newest = complete.get(complete.size() - 1);
    return "to serve " + newest + ", run `echo " + newest + " > " + root.resolve(CURRENT) + "`";
  }

  /** Generations that hold a complete index, oldest first. */
  private List<String> completeGenerations() throws IOException {
    List<String> out = new ArrayList<>();
    for (Path gen : generations()) {
      if (isComplete(gen)) {
        out.add(gen.getFileName().toString());
      }
    }
    return out;
  }

  /** Not marked as being built, and holding a committed Lucene index. */
  private static boolean isComplete(Path gen) throws IOException {
    if (Files.exists(gen.resolve(BUILDING))) {
      return false;
    }
    try (Directory dir = FSDirectory.open(gen)) {
      return org.apache.lucene.index.DirectoryReader.indexExists(dir);
    }
  }

  private static boolean isEmptyFolder(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      return false;
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.findAny().isEmpty();
    }
  }

  /**
   * Makes {@code generation} the live one: writes the pointer to a temporary file, forces it to disk and
   * renames it over {@code CURRENT} atomically, then forces the folder so the rename itself survives a crash.
   */
  public void publish(Path generation) throws IOException {
    if (!generation.getParent().equals(root)) {
      throw new IllegalArgumentException(generation + " is not inside " + root);
    }
    Files.deleteIfExists(generation.resolve(BUILDING));
    fsyncDirectory(generation);
    Path tmp = root.resolve(CURRENT + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap((generation.getFileName() + "\n").getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsyncDirectory(root);
  }

  /**
   * Deletes generation folders other than the live one (half-built ones after a crash, replaced ones after a
   * rebuild). A folder whose Lucene write lock is held by a running process is left alone.
   *
   * @return the folders removed
   */
  public List<Path> removeStaleGenerations() throws IOException {
    Optional<Path> live = current();
    boolean pointer = Files.isRegularFile(root.resolve(CURRENT));
    List<Path> removed = new ArrayList<>();
    for (Path gen : generations()) {
      if (live.isPresent() && live.get().equals(gen)) {
        continue;
      }
      if (!pointer && !Files.exists(gen.resolve(BUILDING))) {
        continue; // complete, and no CURRENT: never guess (checkIsIndexFolder says what to do)
      }
      if (isLocked(gen)) {
        continue;
      }
      deleteRecursively(gen);
      removed.add(gen);
    }
    Files.deleteIfExists(root.resolve(CURRENT + ".tmp"));
    return removed;
  }

  /** Deletes one generation folder and everything in it. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  List<Path> generations() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      for (Path p : ds) {
        if (Files.isDirectory(p) && GENERATION.matcher(p.getFileName().toString()).matches()) {
          out.add(p);
        }
      }
    }
    out.sort(Comparator.comparingLong(IndexLayout::number));
    return out;
  }

  private static long number(Path gen) {
    Matcher m = GENERATION.matcher(gen.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private static boolean isLocked(Path gen) {
    if (!Files.exists(gen.resolve("write.lock"))) {
      return false;
    }
    try (Directory dir = FSDirectory.open(gen);
        Lock lock = dir.obtainLock("write.lock")) {
      return false;
    } catch (LockObtainFailedException e) {
      return true;
    } catch (IOException e) {
      return true;
    }
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot open folders for syncing; the rename is still atomic there.
    }
  }
}
