package dev.labforge.targets.lxc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.render.Format;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;

/** A classic LXC config, read back with {@link LxcConfigReader} as key/value pairs. */
public enum LxcConfigFormat implements Format {
  LXC;

  @Override
  public JsonNode parse(RenderedFile file) throws RenderException {
    try {
      return LxcConfigReader.toJson(LxcConfigReader.read(file.text()));
    } catch (LxcConfigReader.LxcSyntaxException e) {
      throw new RenderException(file.origin(), "does not parse back as an LXC config: " + e.getMessage());
    }
  }
}
