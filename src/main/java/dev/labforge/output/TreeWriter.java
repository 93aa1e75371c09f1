package dev.labforge.output;

import dev.labforge.render.RenderedFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Stage 6: writes a lab's files into a fresh folder beside {@code DIR/<lab>} and swaps it in, so a
 * failed or interrupted run leaves the previous tree as it was. Files the user added to the old
 * tree (terraform state, .vagrant/) are carried over: only what the old manifest lists is ours.
 *
 * <p>One writer at a time holds {@code DIR/.<lab>.lock}. A run killed halfway leaves
 * {@code .<lab>.new-*} or {@code .<lab>.old-*} beside the tree; the next run restores or removes
 * them first, and removes a file from them only when it is ours or the tree holds the same bytes.
 */
public final class TreeWriter {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  /**
   * Called with the name of each step of a write as it is reached; tests replace it to stop a run
   * at that exact point (see {@code TreeWriterCrashTest}). Production code never sets it.
   */
  static volatile Consumer<String> steps = step -> {};

  /** The steps {@link #steps} is called with, in order. */
  public static final List<String> STEPS = List.of(
      "locked", "recovered", "staged", "manifest-staged", "carried", "old-moved", "new-moved", "deleting-old",
      "done");

  private TreeWriter() {}

  /** A refusal the user can act on: another run holds the lock, or a user file is in the way. */
  public static final class RefusedException extends IOException {
    public RefusedException(String message) {
      super(message);
    }
  }

  /**
   * Takes the lab's lock, recovers what a killed run left, and opens a fresh staging folder beside
   * the tree for files to stream into; {@link Staging#commit} swaps it in, closing without a
   * commit leaves the tree as it was.
   */
  public static Staging open(Path outDir, String lab, Consumer<String> notes) throws IOException {
    Path parent = outDir.toAbsolutePath().normalize();
    Path target = parent.resolve(lab);
    if (!target.getParent().equals(parent)) {
      throw new IOException("lab folder escapes " + parent);
    }
    boolean newParent = !Files.exists(parent, NOFOLLOW);
    Files.createDirectories(parent);
    if (Files.exists(target, NOFOLLOW) && !Files.isDirectory(target, NOFOLLOW)) {
      throw new RefusedException(target + " exists and is not a folder; move it away");
    }
    Path lockFile = parent.resolve("." + lab + ".lock");
    FileChannel channel = openLock(lockFile);
    try {
      FileLock lock = tryLock(channel, lockFile, target);
      steps.accept("locked");
      recover(parent, lab, target, notes);
      steps.accept("recovered");
      return new Staging(parent, lab, target, channel, lock, FreshFolder.create(parent, "." + lab + ".new-"),
          newParent ? lockFile : null);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Opens the lock file without following a link: a symbolic link planted at the lock's path would
   * have labforge create or write the file it points at, and a FIFO would block the open. Either is
   * refused, naming the path; the check before the open gives the message, O_NOFOLLOW closes the race.
   */
  private static FileChannel openLock(Path lockFile) throws IOException {
    refuseUnlessRegular(lockFile);
    try {
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, NOFOLLOW);
    } catch (java.nio.file.FileSystemException e) {
      refuseUnlessRegular(lockFile); // replaced by a link since the check (open fails with ELOOP)
      throw e;
    }
  }

  private static void refuseUnlessRegular(Path lockFile) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(lockFile, BasicFileAttributes.class, NOFOLLOW);
    } catch (java.nio.file.NoSuchFileException e) {
      return;
    }
    if (!attrs.isRegularFile()) {
      throw new RefusedException(lockFile + " is " + (attrs.isSymbolicLink() ? "a symbolic link" : "not a regular file")
          + ", not labforge's lock file; remove it and run again");
    }
  }

  private static FileLock tryLock(FileChannel channel, Path lockFile, Path target) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new RefusedException("another labforge run is writing " + target + " (it holds " + lockFile
          + "); run again when it has finished");
    }
    return lock;
  }

  /**
   * Moves the staged tree in place of the old one. {@code written}: the paths staged (the manifest
   * not among them); {@code manifest}: its bytes, or null for a tree without one.
   */
  static Path swap(Path parent, String lab, Path target, Path staging, Set<String> written, RenderedFile manifest,
      Set<String> only, Path spool) throws IOException {
    Path previous = parent.resolve("." + lab + ".old-" + ProcessHandle.current().pid());
    boolean hadPrevious = Files.isDirectory(target, NOFOLLOW);
    Set<String> all = new TreeSet<>(written);
    if (manifest != null) {
      all.add(Manifest.PATH);
    }
    Set<String> kept = hadPrevious ? keptOfOtherTargets(target, all, only) : Set.of();
    byte[] withKept = null;
    if (!kept.isEmpty() && manifest != null) {
      withKept = Manifest.withKept(manifest.content(), Files.readAllBytes(target.resolve(Manifest.PATH)), kept);
      if (manifest.spooled() != null) {
        Files.delete(manifest.spooled().file()); // replaced by withKept
      }
    }
    steps.accept("staged");
    // Until the manifest is staged, the staging folder holds only labforge's files: a killed run's
    // folder without a manifest is removed whole. User files are carried in only after it.
    if (manifest != null) {
      if (withKept != null) {
        put(staging, Manifest.PATH, withKept);
      } else if (manifest.spooled() != null) {
        Files.move(manifest.spooled().file(), staging.resolve(Manifest.PATH), StandardCopyOption.ATOMIC_MOVE);
      } else {
        put(staging, Manifest.PATH, manifest.content());
      }
    }
    if (spool != null) {
      // every spooled file is in its place now (one left behind would be a labforge bug, and fail here)
      Files.deleteIfExists(spool);
    }
    if (manifest != null) {
      steps.accept("manifest-staged");
    }
    Map<Path, Path> carry = hadPrevious ? userFiles(target, staging, all, kept) : Map.of();
    for (Map.Entry<Path, Path> user : carry.entrySet()) {
      link(user.getValue(), staging.resolve(user.getKey()));
    }
    for (String path : kept) {
      link(target.resolve(path), staging.resolve(path));
    }
    steps.accept("carried");
    if (hadPrevious) {
      move(target, previous);
      steps.accept("old-moved");
    }
    try {
      move(staging, target);
    } catch (IOException e) {
      if (hadPrevious) {
        move(previous, target);
      }
      throw e;
    }
    steps.accept("new-moved");
    if (hadPrevious) {
      deleteTree(previous, "deleting-old");
    }
    steps.accept("done");
    return target;
  }

  /** Files of targets outside {@code only} that the old manifest lists and that are still there. */
  private static Set<String> keptOfOtherTargets(Path old, Set<String> writing, Set<String> only) throws IOException {
    Set<String> kept = new TreeSet<>();
    Path oldManifest = old.resolve(Manifest.PATH);
    if (only.isEmpty() || !Files.isRegularFile(oldManifest, NOFOLLOW)) {
      return kept;
    }
    for (String path : Manifest.paths(oldManifest)) {
      if (!path.equals(Manifest.PATH) && !writing.contains(path) && !only.contains(path.split("/", 2)[0])
          && OutputPaths.problem(path) == null && Files.isRegularFile(old.resolve(path), NOFOLLOW)) {
        kept.add(path);
      }
    }
    return kept;
  }

  /**
   * The user's files in the old tree (not listed in its manifest), by relative path. The paths are
   * {@code Path}s, never names turned into text and back: a Linux name is bytes, which
   * {@code toString()} decodes lossily (0xff and 0xfe both become U+FFFD), so a name made from the text
   * would rename the file, and two such files would become one. The text is only compared with
   * labforge's own names, which it can never equal when it is lossy. A user file
   * standing where labforge writes a file with other bytes, or where it needs a folder, stops the
   * write: deleting it silently would lose the user's work.
   */
  private static Map<Path, Path> userFiles(Path old, Path staging, Set<String> writing, Set<String> kept)
      throws IOException {
    Set<String> ours = new TreeSet<>(kept);
    Path oldManifest = old.resolve(Manifest.PATH);
    if (Files.isRegularFile(oldManifest, NOFOLLOW)) {
      ours.addAll(Manifest.paths(oldManifest));
    }
    Set<String> folders = new TreeSet<>();
    for (String path : writing) {
      for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
        folders.add(path.substring(0, i));
      }
    }
    Map<Path, Path> user = new TreeMap<>();
    Set<String> inTheWay = new TreeSet<>();
    // visited, not listed: the old tree of a big lab holds 100,000 files, and only the user's are kept
    Files.walkFileTree(old, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path source, BasicFileAttributes attrs) throws IOException {
        String relative = relative(old, source);
        if (ours.contains(relative)) {
          return FileVisitResult.CONTINUE;
        }
        if (folders.contains(relative)) {
          inTheWay.add(source + " (labforge writes a folder there)");
        } else if (writing.contains(relative)) {
          if (!attrs.isRegularFile() || Files.mismatch(source, staging.resolve(relative)) != -1) {
            inTheWay.add(source + " (labforge writes its own file there)");
          }
        } else if (writing.contains(parentFile(relative, writing))) {
          inTheWay.add(source + " (labforge writes a file where this folder is)");
        } else {
          user.put(old.relativize(source), source);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    if (!inTheWay.isEmpty()) {
      throw new RefusedException("your files stand where labforge writes; move them away and run again:\n  "
          + String.join("\n  ", inTheWay));
    }
    return user;
  }

  /** The nearest ancestor of {@code path} that is in {@code files}, or "" when there is none. */
  private static String parentFile(String path, Set<String> files) {
    for (int i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
      if (files.contains(path.substring(0, i))) {
        return path.substring(0, i);
      }
    }
    return "";
  }

  /**
   * Restores or removes what a killed run left beside the tree. With no tree, the newest
   * {@code .old-*} is the previous tree and goes back in place. Every other stranded folder is
   * removed, after any user file in it that the tree lacks has been moved back into the tree; a
   * folder still holding a user file the tree has with other bytes is kept and named.
   */
  static void recover(Path parent, String lab, Path target, Consumer<String> notes) throws IOException {
    List<Path> olds = stranded(parent, "." + lab + ".old-");
    List<Path> news = stranded(parent, "." + lab + ".new-");
    if (!Files.exists(target, NOFOLLOW) && !olds.isEmpty()) {
      Path newest = olds.get(olds.size() - 1);
      move(newest, target);
      olds.remove(newest);
      notes.accept("restored " + target + " from " + newest.getFileName() + ", left there by an interrupted run");
    }
    List<Path> all = new ArrayList<>(olds);
    all.addAll(news);
    for (Path folder : all) {
      salvage(folder, target, notes);
    }
  }

  private static List<Path> stranded(Path parent, String prefix) throws IOException {
    try (Stream<Path> children = Files.list(parent)) {
      return children.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p, NOFOLLOW))
          .sorted(Comparator.comparing(TreeWriter::modified).thenComparing(Comparator.naturalOrder()))
          .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }
  }

  private static long modified(Path folder) {
    try {
      Path manifest = folder.resolve(Manifest.PATH);
      return Files.getLastModifiedTime(Files.exists(manifest, NOFOLLOW) ? manifest : folder, NOFOLLOW).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void salvage(Path folder, Path target, Consumer<String> notes) throws IOException {
    Set<String> ours = new TreeSet<>();
    Path manifest = folder.resolve(Manifest.PATH);
    if (folder.getFileName().toString().contains(".new-") && !Files.exists(manifest, NOFOLLOW)) {
      // staged files only: user files are carried in after the manifest
      deleteTree(folder, null);
      notes.accept("removed " + folder + ", left there by an interrupted run");
      return;
    }
    if (Files.isRegularFile(manifest, NOFOLLOW)) {
      ours.addAll(Manifest.paths(manifest));
    }
    boolean staging = folder.getFileName().toString().contains(".new-");
    List<String> differing = new ArrayList<>();
    for (Path source : walk(folder)) {
      String relative = relative(folder, source);
      if (ours.contains(relative) || Files.isDirectory(source, NOFOLLOW)
          || (staging && relative.startsWith(Staging.SPOOL + "/"))) {
        continue; // a spooled file is labforge's, never the user's
      }
      Path there = target.resolve(folder.relativize(source)); // by Path: the name's bytes, as userFiles
      if (Files.exists(there, NOFOLLOW) || Files.isSymbolicLink(there)) {
        if (!sameContent(source, there)) {
          differing.add(relative);
        }
        continue;
      }
      try {
        Files.createDirectories(there.getParent());
        move(source, there);
        notes.accept("moved your file " + relative + " from " + folder.getFileName() + " back into " + target);
      } catch (FileAlreadyExistsException | java.nio.file.NotDirectoryException e) {
        differing.add(relative);
      }
    }
    if (differing.isEmpty()) {
      deleteTree(folder, null);
      notes.accept("removed " + folder + ", left there by an interrupted run");
    } else {
      notes.accept("kept " + folder + ", left there by an interrupted run: it holds files that differ from "
          + target + ": " + String.join(", ", differing));
    }
  }

  private static boolean sameContent(Path a, Path b) throws IOException {
    if (Files.isSymbolicLink(a) || Files.isSymbolicLink(b)) {
      return Files.isSymbolicLink(a) && Files.isSymbolicLink(b)
          && Files.readSymbolicLink(a).equals(Files.readSymbolicLink(b));
    }
    if (!Files.isRegularFile(a, NOFOLLOW) || !Files.isRegularFile(b, NOFOLLOW)) {
      return false;
    }
    return Files.isSameFile(a, b) || Files.mismatch(a, b) == -1;
  }

  static void put(Path root, String relative, byte[] content) throws IOException {
    Path path = inside(root, relative);
    Files.createDirectories(path.getParent());
    Files.write(path, content);
  }

  private static void link(Path source, Path copy) throws IOException {
    Files.createDirectories(copy.getParent());
    if (Files.isSymbolicLink(source)) {
      Files.createSymbolicLink(copy, Files.readSymbolicLink(source));
      return;
    }
    try {
      Files.createLink(copy, source);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  private static Collection<Path> walk(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root)).sorted().toList();
    }
  }

  private static String relative(Path root, Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  static Path inside(Path root, String relative) throws IOException {
    if (OutputPaths.problem(relative) != null) {
      throw new IOException("refusing to write outside the lab folder: " + relative);
    }
    Path path = root.resolve(relative).normalize();
    if (!path.startsWith(root)) {
      throw new IOException("refusing to write outside the lab folder: " + relative);
    }
    return path;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteTree(Path root) throws IOException {
    deleteTree(root, null);
  }

  static void deleteTree(Path root, String step) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        if (step != null) {
          steps.accept(step);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
