package dev.labforge.targets.lxd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;

/**
 * {@code targets.lxd}: the instance type every machine is launched as, and the LXD image they
 * launch from ({@code null}: derived per spec image, see {@link LxdViews}).
 */
public record LxdSettings(String type, String image) {
  public static final String CONTAINER = "container";
  public static final String VIRTUAL_MACHINE = "virtual-machine";

  public static LxdSettings of(JsonNode node) {
    String image = node.path("image").asText("");
    return new LxdSettings(node.path("type").asText(CONTAINER), image.isEmpty() ? null : image);
  }

  public static LxdSettings of(Lab lab) {
    return of(lab.targets().node(LxdTarget.ID));
  }

  public boolean virtualMachine() {
    return VIRTUAL_MACHINE.equals(type);
  }
}
