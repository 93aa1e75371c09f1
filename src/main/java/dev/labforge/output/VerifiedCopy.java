package dev.labforge.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code labforge check} hands the real tools: a private copy of a lab folder holding only the
 * files its manifest lists, each with the bytes whose sha256 the manifest records. A tool can run what
 * it reads ({@code Match exec} in ssh_config, Ruby in a Vagrantfile, an {@code ansible.cfg} beside the
 * inventory), so it never reads a file labforge did not write: a changed file is left out and named in
 * {@link #changed()}, a file the manifest does not list is never copied. Each file is hashed as it is
 * copied, so what was checked is what the tool reads.
 */
public final class VerifiedCopy implements AutoCloseable {
  private final Path dir;
  private final SortedMap<String, String> changed;

  private VerifiedCopy(Path dir, SortedMap<String, String> changed) {
    this.dir = dir;
    this.changed = changed;
  }

  /** The folder the tools read, in place of the lab folder. */
  public Path dir() {
    return dir;
  }

  /**
   * Listed files that are there, but not as labforge wrote them (other bytes, a link, not a regular
   * file, reached through a linked folder), each with why. A missing one is missing from the copy
   * too: the checks see what they would have seen.
   */
  public SortedMap<String, String> changed() {
    return changed;
  }

  /** "path: why" for each changed file under any of {@code folders} (top-level folders of the lab: target ids). */
  public List<String> changedUnder(Set<String> folders) {
    return changed.entrySet().stream().filter(e -> folders.contains(e.getKey().split("/", 2)[0]))
        .map(e -> e.getKey() + " " + e.getValue()).toList();
  }

  public static VerifiedCopy of(Path labDir) throws IOException {
    Path manifest = labDir.resolve(Manifest.PATH);
    Map<String, String> listed = new HashMap<>();
    byte[] manifestBytes = Files.readAllBytes(manifest);
    JsonNode root = new ObjectMapper().readTree(manifestBytes);
    for (JsonNode entry : root.path("files")) {
      String path = entry.path("path").asText();
      if (OutputPaths.problem(path) == null) {
        listed.put(path, entry.path("sha256").asText());
      }
    }
    Path copy = Files.createTempDirectory("labforge-check-");
    try {
      Files.write(copy.resolve(Manifest.PATH), manifestBytes);
      SortedMap<String, String> changed = new TreeMap<>();
      Set<String> seen = new HashSet<>();
      // walked without following links: a listed path reached through a linked folder is not copied
      Files.walkFileTree(labDir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          String relative = labDir.relativize(file).toString().replace('\\', '/');
          String sha256 = listed.get(relative);
          if (sha256 == null || relative.equals(Manifest.PATH)) {
            return FileVisitResult.CONTINUE;
          }
          seen.add(relative);
          if (!attrs.isRegularFile()) {
            changed.put(relative, "is a symbolic link or not a regular file");
          } else if (!copyIfSame(file, copy.resolve(relative), sha256)) {
            changed.put(relative, "has other bytes than labforge wrote (its sha256 differs from " + Manifest.PATH + ")");
          }
          return FileVisitResult.CONTINUE;
        }
      });
      for (String path : listed.keySet()) {
        if (!seen.contains(path) && !path.equals(Manifest.PATH) && Files.exists(labDir.resolve(path))) {
          changed.put(path, "is reached through a symbolic link");
        }
      }
      return new VerifiedCopy(copy, changed);
    } catch (IOException | RuntimeException e) {
      TreeWriter.deleteTree(copy);
      throw e;
    }
  }

  /** Copies {@code from} to {@code to} when its bytes hash to {@code sha256}; otherwise leaves no copy. */
  private static boolean copyIfSame(Path from, Path to, String sha256) throws IOException {
    Files.createDirectories(to.getParent());
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS);
        OutputStream out = new DigestOutputStream(Files.newOutputStream(to, StandardOpenOption.CREATE_NEW), digest)) {
      in.transferTo(out);
    }
    if (!java.util.HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
      Files.delete(to);
      return false;
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS);
    Files.setPosixFilePermissions(to, mode);
    return true;
  }

  /** A problem a tool printed names the lab folder, not the copy it read. */
  public String inLab(String problem, Path labDir) {
    return problem.replace(dir.toString(), labDir.toString());
  }

  @Override
  public void close() throws IOException {
    TreeWriter.deleteTree(dir);
  }
}
