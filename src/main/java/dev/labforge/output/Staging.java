package dev.labforge.output;

import dev.labforge.render.RenderedFile;
import dev.labforge.render.Spool;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One write of a lab's tree in progress (from {@link TreeWriter#open}): it holds the lab's lock,
 * takes files into a staging folder as they are made (from several threads), and on
 * {@link #commit} swaps them in. Closed without a commit, it removes the staging folder and the
 * tree stays as it was.
 */
public final class Staging implements AutoCloseable, OutputChecks.Store {
  private final Path parent;
  private final String lab;
  private final Path target;
  private final FileChannel channel;
  private final FileLock lock;
  private final Path folder;
  private final Path createdLock;
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final Spool spool;
  private boolean committed;
  private volatile Set<java.nio.file.attribute.PosixFilePermission> freshMode;

  /** {@code createdLock}: the lock file, when this write created the output folder that holds it. */
  Staging(Path parent, String lab, Path target, FileChannel channel, FileLock lock, Path folder, Path createdLock) {
    this.createdLock = createdLock;
    this.parent = parent;
    this.lab = lab;
    this.target = target;
    this.channel = channel;
    this.lock = lock;
    this.folder = folder;
    // inside the staging folder: a failed or killed run's spooled files go with it
    this.spool = new Spool(folder.resolve(SPOOL));
  }

  /** The spool's folder in the staging folder; a name no target's file has (they start with a target id). */
  static final String SPOOL = ".spool";

  @Override
  public Spool spool() {
    return spool;
  }

  /** Stages one file (not the manifest, which {@link #commit} writes last of labforge's files). */
  @Override
  public void put(RenderedFile file) throws IOException {
    if (file.path().equals(Manifest.PATH)) {
      throw new IOException("the manifest is staged by commit");
    }
    Path path = TreeWriter.inside(folder, file.path());
    Path dir = path.getParent();
    if (!folders.contains(dir)) {
      Files.createDirectories(dir);
      folders.add(dir);
    }
    RenderedFile.Spooled spooled = file.spooled();
    if (sameAsBefore(file, path)) {
      if (spooled != null) {
        Files.delete(spooled.file());
      }
    } else {
      if (spooled != null) {
        Files.move(spooled.file(), path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.write(path, file.content());
      }
      if (freshMode == null) {
        freshMode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
      }
    }
    written.add(file.path());
  }

  /**
   * Links the previous tree's file into staging when it holds exactly these bytes and the mode a
   * fresh file gets. A second {@code gen} of a big lab then writes only what changed; creating and
   * deleting 10,000s of inodes per run is what costs most on ext4 (its inode allocator skips
   * recently deleted inodes), far more than reading the old bytes back to compare them.
   */
  private static final int PIECE = 64 * 1024;

  private boolean sameAsBefore(RenderedFile file, Path path) throws IOException {
    Set<java.nio.file.attribute.PosixFilePermission> mode = freshMode;
    if (mode == null) {
      return false;
    }
    Path old = TreeWriter.inside(target, file.path());
    java.nio.file.attribute.PosixFileAttributes attrs;
    try {
      attrs = Files.readAttributes(old, java.nio.file.attribute.PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
    if (!attrs.isRegularFile() || attrs.size() != file.size() || !attrs.permissions().equals(mode)
        || !sameContent(old, file)) {
      return false;
    }
    try {
      Files.createLink(path, old);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  // a big file is read in pieces: a big lab's previous preseed (30 MB) is not held beside the new
  // one; a small one (nearly all of a lab's 100,000 files) at once, without a piece buffer each
  static boolean sameContent(Path old, RenderedFile file) throws IOException {
    if (file.spooled() != null) {
      return Files.mismatch(old, file.spooled().file()) == -1;
    }
    byte[] content = file.content();
    if (content.length <= PIECE) {
      return java.util.Arrays.equals(Files.readAllBytes(old), content);
    }
    byte[] piece = new byte[PIECE];
    int at = 0;
    try (java.io.InputStream in = Files.newInputStream(old)) {
      for (int n; (n = in.read(piece)) > 0; at += n) {
        if (at + n > content.length
            || !java.util.Arrays.equals(piece, 0, n, content, at, at + n)) {
          return false;
        }
      }
    }
    return at == content.length;
  }

  /**
   * Adds the manifest ({@code null}: a tree without one), carries the user's files over and swaps
   * the staged tree in. With {@code only} (target ids) non-empty, other targets' files are kept.
   */
  public Path commit(RenderedFile manifest, Set<String> only) throws IOException {
    Path done = TreeWriter.swap(parent, lab, target, folder, written, manifest, only, spool.folder());
    committed = true;
    return done;
  }

  @Override
  public void close() throws IOException {
    try {
      if (!committed && Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
        TreeWriter.deleteTree(folder, null);
      }
      if (!committed && createdLock != null) {
        // a first run that failed leaves nothing behind, not even the output folder it made
        Files.deleteIfExists(createdLock);
        try {
          Files.deleteIfExists(parent);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
          // someone else's files arrived meanwhile: the folder is theirs too now
        }
      }
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }
}
