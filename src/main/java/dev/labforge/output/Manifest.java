package dev.labforge.output;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.model.Ids;
import dev.labforge.output.Version;
import dev.labforge.render.Format;
import dev.labforge.render.Formats;
import dev.labforge.render.Json;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.Spool;
import dev.labforge.schema.Schemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** {@code manifest.json}: every file written, its size and sha256, and the labforge version. */
public final class Manifest {
  public static final String PATH = "manifest.json";
  public static final String SCHEMA = Schemas.resource("manifest");
  private static final JsonMapper JSON = new JsonMapper();

  private Manifest() {}

  /**
   * One file written: its path in the tree, sha256 (hex) and size in bytes. The digest is kept as
   * four longs, not as text: a 10,000-machine lab holds 100,000 entries until the manifest is written.
   */
  public static final class Entry {
    private final String path;
    private final long[] digest = new long[4];
    private final long size;

    public Entry(String path, String sha256, long size) {
      if (sha256.length() != 64) {
        throw new IllegalArgumentException("not a sha256 in hex: " + sha256);
      }
      this.path = path;
      for (int i = 0; i < 4; i++) {
        digest[i] = Long.parseUnsignedLong(sha256.substring(16 * i, 16 * i + 16), 16);
      }
      this.size = size;
    }

    public String path() {
      return path;
    }

    public String sha256() {
      StringBuilder hex = new StringBuilder(64);
      for (long part : digest) {
        String h = Long.toHexString(part);
        hex.append("0".repeat(16 - h.length())).append(h);
      }
      return hex.toString();
    }

    public long size() {
      return size;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e && e.path.equals(path) && java.util.Arrays.equals(e.digest, digest) && e.size == size;
    }

    @Override
    public int hashCode() {
      return path.hashCode() * 31 + java.util.Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
      return "Entry[path=" + path + ", sha256=" + sha256() + ", size=" + size + "]";
    }
  }

  public static RenderedFile of(String lab, String specName, byte[] spec, List<RenderedFile> files) {
    return ofEntries(lab, specName, spec, files.stream()
        .map(f -> new Entry(f.path(), Ids.sha256Hex(f.content()), f.content().length)).toList());
  }

  /** The manifest of the files {@code entries} describes. */
  public static RenderedFile ofEntries(String lab, String specName, byte[] spec, List<Entry> entries) {
    return new RenderedFile(PATH, Json.stream(writing(lab, specName, spec, entries)), "Manifest",
        Formats.JSON, SCHEMA);
  }

  /** As {@link #ofEntries(String, String, byte[], List)}, spooled to disk when it is big (100,000 files: 17 MB). */
  public static RenderedFile ofEntries(String lab, String specName, byte[] spec, List<Entry> entries,
      Spool spool) throws IOException {
    if (spool == null) {
      return ofEntries(lab, specName, spec, entries);
    }
    Spool.Output out = spool.open();
    try {
      Json.stream(writing(lab, specName, spec, entries), out);
      return out.finish(PATH, "Manifest", Formats.JSON, SCHEMA);
    } catch (IOException | RuntimeException e) {
      out.discard();
      throw e;
    }
  }

  // written as a stream, in the canonical shape of Json.pretty: 10,000 machines list 130,000 files
  private static Json.Writing writing(String lab, String specName, byte[] spec,
      List<Entry> entries) {
    return g -> {
      g.writeStartObject();
      g.writeStringField("generator", "labforge");
      g.writeStringField("version", Version.get());
      g.writeStringField("lab", lab);
      g.writeObjectFieldStart("spec");
      g.writeStringField("name", java.nio.file.Path.of(specName).getFileName().toString());
      g.writeStringField("sha256", Ids.sha256Hex(spec));
      g.writeEndObject();
      g.writeArrayFieldStart("files");
      for (Entry f : entries.stream().sorted(Comparator.comparing(Entry::path)).toList()) {
        g.writeStartObject();
        g.writeStringField("path", f.path());
        g.writeStringField("sha256", f.sha256());
        g.writeNumberField("size", f.size());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    };
  }

  /**
   * {@code manifest} with the entries of {@code old} for {@code kept} added: the manifest of a run
   * that replaced some targets' files and kept the others' as the previous run wrote them.
   */
  public static byte[] withKept(byte[] manifest, byte[] old, java.util.Set<String> kept) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(manifest);
    java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> entries = new java.util.TreeMap<>();
    root.path("files").forEach(f -> entries.put(f.path("path").asText(), f));
    JSON.readTree(old).path("files").forEach(f -> {
      if (kept.contains(f.path("path").asText())) {
        entries.put(f.path("path").asText(), f);
      }
    });
    ArrayNode list = root.putArray("files");
    entries.values().forEach(list::add);
    return Json.pretty(root).getBytes(StandardCharsets.UTF_8);
  }

  /** The paths a previous run recorded, to tell generated files from the user's own. */
  public static java.util.Set<String> paths(byte[] manifest) {
    try {
      return paths(new Watched(new java.io.ByteArrayInputStream(manifest)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // an array is read without I/O errors
    }
  }

  /**
   * As {@link #paths(byte[])}, read from {@code manifest} as a stream (a big lab's is 17 MB); a file
   * that cannot be opened or read is an error, as reading it whole was (bytes that do not parse are not).
   */
  public static java.util.Set<String> paths(java.nio.file.Path manifest) throws IOException {
    try (Watched in = new Watched(java.nio.file.Files.newInputStream(manifest))) {
      return paths(in);
    }
  }

  // tells the file's own read errors from the parser's complaints about its bytes
  private static final class Watched extends java.io.FilterInputStream {
    private IOException failure;

    Watched(java.io.InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }

  // the paths of files[*].path as a tree would give them (the last "files" wins, a missing path is
  // ""), one entry at a time instead of the whole manifest as a tree
  private static String pathOf(com.fasterxml.jackson.databind.JsonNode file) {
    return file == null ? "" : file.path("path").asText();
  }

  private static java.util.Set<String> paths(Watched manifest) throws IOException {
    java.util.Set<String> paths = new java.util.TreeSet<>();
    try (com.fasterxml.jackson.core.JsonParser in = JSON.createParser(manifest)) {
      if (in.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        java.util.Set<String> files = new java.util.TreeSet<>();
        while (in.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
          boolean isFiles = in.currentName().equals("files");
          com.fasterxml.jackson.core.JsonToken value = in.nextToken();
          if (!isFiles) {
            in.skipChildren();
          } else if (value == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
            files = new java.util.TreeSet<>();
            while (in.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
              files.add(pathOf(JSON.readTree(in)));
            }
          } else {
            java.util.Set<String> inObject = new java.util.TreeSet<>();
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(in);
            if (node != null) {
              node.forEach(f -> inObject.add(pathOf(f)));
            }
            files = inObject;
          }
        }
        paths.addAll(files);
      }
    } catch (IOException e) {
      if (manifest.failure != null) {
        throw manifest.failure;
      }
      // An unreadable old manifest only means we cannot tell its files apart; treat none as ours
      // (what was read of it is dropped: its paths are only added once it is read to the end).
    }
    paths.add(PATH);
    return paths;
  }
}
