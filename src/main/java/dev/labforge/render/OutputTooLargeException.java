package dev.labforge.render;

/**
 * A rendered file over {@link #MAX_BYTES}: the user's lab, not labforge, is at fault, so exit 1.
 * The spec's own limits (4 MiB per spec, 1 MiB per file content) keep one machine's files far
 * below it; only a lab-wide file (the LXD preseed, the Vagrantfile) of a large lab with large
 * files can reach it. Parse-back readers accept up to this size, so no reader limit is hit first.
 */
public final class OutputTooLargeException extends RenderException {
  public static final int MAX_BYTES = 64 * 1024 * 1024;

  public OutputTooLargeException(RenderedFile file) {
    super(file.origin(), "the rendered file " + file.path() + " is " + file.size()
        + " bytes, over labforge's output limit of " + MAX_BYTES
        + " bytes per file; use fewer machines or smaller files");
  }

  /** Throws when {@code file} is over the limit. */
  public static void check(RenderedFile file) throws OutputTooLargeException {
    if (file.size() > MAX_BYTES) {
      throw new OutputTooLargeException(file);
    }
  }
}
