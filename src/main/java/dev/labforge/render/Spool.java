package dev.labforge.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where {@code gen} puts a rendered file too big to hold: a folder inside the staging folder, so a
 * lab-wide file (a 10,000-machine preseed is 30 MB) goes to disk as it is rendered and is checked
 * from there, and its bytes never fill the heap. The staging folder's owner moves each spooled file
 * to its place once it passes its checks, or removes the folder with the rest of a failed run.
 */
public final class Spool {
  /** Files up to this size stay in memory (nearly every file: one machine's). */
  static final int IN_MEMORY = 1 << 20;
  // one byte over the output limit is enough to fail the file
  private static final long ON_DISK = OutputTooLargeException.MAX_BYTES + 1L;

  private final Path folder;
  private final AtomicLong next = new AtomicLong();

  public Spool(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  /** An output for one file: in memory until it passes {@link #IN_MEMORY} bytes, then on disk. */
  public Output open() {
    return new Output();
  }

  /** One file's bytes as they are written. */
  public final class Output extends OutputStream {
    private Utf8Chunks memory = new Utf8Chunks();
    private Path file;
    private OutputStream disk;
    private MessageDigest digest;
    private long size;
    private IOException failure;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      long before = size;
      size += len;
      try {
        if (disk != null) {
          // a runaway template fills no disk: past the output limit only the size is counted, for
          // the "is N bytes, over the limit" error that the output checks give before reading the file
          long room = ON_DISK - before;
          if (room > 0) {
            disk.write(b, off, (int) Math.min(len, room));
          }
          return;
        }
        memory.write(b, off, len);
        if (memory.size() > IN_MEMORY) {
          spill();
        }
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    /** What went wrong writing the spooled bytes, or null (a template's own failure is not this). */
    public IOException failure() {
      return failure;
    }

    private void spill() throws IOException {
      Files.createDirectories(folder);
      file = folder.resolve(next.incrementAndGet() + ".part");
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e); // every JDK has SHA-256
      }
      disk = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), digest);
      memory.writeTo(disk);
      memory = null;
    }

    /** The file, once every byte is written: in memory, or spooled. */
    public RenderedFile finish(String path, String origin, Format format, String schema) throws IOException {
      if (disk == null) {
        return new RenderedFile(path, memory.toByteArray(), origin, format, schema);
      }
      try {
        disk.close();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
      return new RenderedFile(path, null, origin, format, schema,
          new RenderedFile.Spooled(file, size, HexFormat.of().formatHex(digest.digest())));
    }

    /** Removes what was spooled of a file that failed to render. */
    public void discard() {
      try {
        if (disk != null) {
          disk.close();
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        // the staging folder it is in goes with the failed run
      }
    }

    @Override
    public void close() {
      // finish or discard decides what happens to the bytes
    }
  }
}
