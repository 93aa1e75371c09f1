package dev.labforge.targets.xen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.render.Format;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;

/** xl domain configuration, read back with {@link XlCfgReader} (Xen 4.17's grammar). */
public enum XlFormat implements Format {
  XL;

  @Override
  public JsonNode parse(RenderedFile file) throws RenderException {
    try {
      return XlCfgReader.parse(file.path(), file.text()).toJson();
    } catch (XlSyntaxException e) {
      throw new RenderException(file.origin(), "does not parse back as xl.cfg: " + e.getMessage());
    }
  }
}
