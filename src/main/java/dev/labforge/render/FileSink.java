package dev.labforge.render;

/** Where a target hands each file as soon as it is made, so a large lab is never held whole. */
@FunctionalInterface
public interface FileSink {
  void accept(RenderedFile file) throws RenderException;
}
