package dev.labforge.targets.lxc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code targets.lxc}: only {@code enabled}. The LXC path is LXC's default for root,
 * {@link LxcViews#LXC_PATH}: every config names its container's folder there, so the configs are
 * complete files LXC's parser can read as they are.
 */
public record LxcSettings(boolean enabled) {
  public static LxcSettings of(JsonNode node) {
    return new LxcSettings(node.path("enabled").asBoolean(true));
  }
}
