package dev.labforge.output;

import dev.labforge.render.RenderedFile;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Stage 6: writes a lab's files into a fresh folder beside {@code DIR/<lab>} and swaps it in, so a
 * failed or interrupted run leaves the previous tree as it was. Files the user added to the old
 * tree (terraform state, .vagrant/) are carried over: only what the old manifest lists is ours.
 */
public final class TreeWriter {
  private TreeWriter() {}

  public static Path write(Path outDir, String lab, List<RenderedFile> files) throws IOException {
    Path parent = outDir.toAbsolutePath().normalize();
    Path target = parent.resolve(lab);
    if (!target.getParent().equals(parent)) {
      throw new IOException("lab folder escapes " + parent);
    }
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + lab + ".new-");
    Path previous = parent.resolve("." + lab + ".old-" + ProcessHandle.current().pid());
    try {
      for (RenderedFile file : files) {
        Path path = inside(staging, file.path());
        Files.createDirectories(path.getParent());
        Files.write(path, file.content());
      }
      boolean hadPrevious = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
      if (hadPrevious) {
        carryOverUserFiles(target, staging, files);
        move(target, previous);
      } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(target + " exists and is not a folder");
      }
      try {
        move(staging, target);
      } catch (IOException e) {
        if (hadPrevious) {
          move(previous, target);
        }
        throw e;
      }
      if (hadPrevious) {
        deleteTree(previous);
      }
      return target;
    } finally {
      if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
        deleteTree(staging);
      }
    }
  }

  /** Paths that differ between the tree on disk and what would be written, sorted. */
  public static List<String> differences(Path outDir, String lab, List<RenderedFile> files) throws IOException {
    Path target = outDir.toAbsolutePath().normalize().resolve(lab);
    Set<String> diff = new TreeSet<>();
    Set<String> expected = new TreeSet<>();
    for (RenderedFile file : files) {
      expected.add(file.path());
      Path path = inside(target, file.path());
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
          || !java.util.Arrays.equals(Files.readAllBytes(path), file.content())) {
        diff.add(file.path());
      }
    }
    Path oldManifest = target.resolve(Manifest.PATH);
    if (Files.isRegularFile(oldManifest)) {
      for (String path : Manifest.paths(Files.readAllBytes(oldManifest))) {
        if (!expected.contains(path) && OutputPaths.problem(path) == null
            && Files.exists(target.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
          diff.add(path);
        }
      }
    }
    return new ArrayList<>(diff);
  }

  private static void carryOverUserFiles(Path old, Path staging, List<RenderedFile> files) throws IOException {
    Set<String> ours = new TreeSet<>();
    Path oldManifest = old.resolve(Manifest.PATH);
    if (Files.isRegularFile(oldManifest, LinkOption.NOFOLLOW_LINKS)) {
      ours.addAll(Manifest.paths(Files.readAllBytes(oldManifest)));
    }
    files.forEach(f -> ours.add(f.path()));
    try (Stream<Path> walk = Files.walk(old)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        String relative = old.relativize(source).toString().replace('\\', '/');
        if (relative.isEmpty() || ours.contains(relative)
            || Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        Path copy = staging.resolve(relative);
        if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        Files.createDirectories(copy.getParent());
        if (Files.isSymbolicLink(source)) {
          Files.createSymbolicLink(copy, Files.readSymbolicLink(source));
        } else {
          try {
            Files.createLink(copy, source);
          } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
  }

  private static Path inside(Path root, String relative) throws IOException {
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
    Tools.deleteTree(root);
  }


}
