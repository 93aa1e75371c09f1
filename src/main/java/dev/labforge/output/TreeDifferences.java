package dev.labforge.output;

import dev.labforge.render.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code gen --check} as the files stream out of the output checks: each file is compared with the
 * tree on disk when it arrives and then dropped, so checking a big lab holds no more of it than
 * writing it does (only the differing files are kept, and only for {@code --diff}).
 */
public final class TreeDifferences implements OutputChecks.Store {
  /** A file gen would write with other bytes, one it would add, or one it would remove ({@code extra}). */
  public record Difference(String path, boolean extra, RenderedFile file) {}

  private final Path target;
  private final Set<String> only;
  private final boolean keep;
  private final Set<String> expected = new HashSet<>();
  private final Map<String, Difference> differing = new TreeMap<>();
  private int files;

  /** {@code only}: target folders to compare (all when empty); {@code keep}: hold differing files for a diff. */
  public TreeDifferences(Path outDir, String lab, Set<String> only, boolean keep) {
    this.target = outDir.toAbsolutePath().normalize().resolve(lab);
    this.only = only;
    this.keep = keep;
  }

  @Override
  public void put(RenderedFile file) throws IOException {
    boolean inScope = inScope(file.path());
    boolean differs = inScope && differs(file);
    synchronized (this) {
      files++;
      if (inScope) {
        expected.add(file.path());
      }
      if (differs) {
        differing.put(file.path(), new Difference(file.path(), false, keep ? file : null));
      }
    }
  }

  private boolean inScope(String path) {
    return only.isEmpty() || only.contains(path.split("/", 2)[0]);
  }

  private boolean differs(RenderedFile file) throws IOException {
    Path path = TreeWriter.inside(target, file.path());
    return !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.size(path) != file.size()
        || !Staging.sameContent(path, file);
  }

  /** How many files were compared (in scope or not). */
  public synchronized int files() {
    return files;
  }

  /** After the last file: every difference by path, with the files the previous manifest lists that gen would remove. */
  public synchronized List<Difference> finish() throws IOException {
    Path oldManifest = target.resolve(Manifest.PATH);
    if (Files.isRegularFile(oldManifest, LinkOption.NOFOLLOW_LINKS)) {
      for (String path : Manifest.paths(oldManifest)) {
        if (inScope(path) && !expected.contains(path) && OutputPaths.problem(path) == null
            && Files.exists(target.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
          differing.put(path, new Difference(path, true, null));
        }
      }
    }
    return new ArrayList<>(differing.values());
  }
}
