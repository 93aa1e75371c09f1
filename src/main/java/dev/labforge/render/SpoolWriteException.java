package dev.labforge.render;

import java.io.IOException;

/**
 * A spooled file could not be written to the staging folder (the disk is full, say): the machine's
 * fault, not the lab's or labforge's, so it is reported as a write failure (exit 1), as a file that
 * failed to be written into the staging folder is.
 */
public final class SpoolWriteException extends RenderException {
  public SpoolWriteException(String origin, IOException cause) {
    super(origin, cause);
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
