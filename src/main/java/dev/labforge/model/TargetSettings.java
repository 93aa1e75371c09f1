package dev.labforge.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import java.util.Set;

/**
 * The spec's {@code targets:}: which targets are off, and each target's own settings node, which
 * only that target reads (its {@code Target.settings}); the model knows no target by name.
 */
public record TargetSettings(Set<String> disabled, Map<String, JsonNode> nodes) {

  public boolean enabled(String targetId) {
    return !disabled.contains(targetId);
  }

  /** The spec's {@code targets.<id>} node, or a missing node. */
  public JsonNode node(String targetId) {
    return nodes.getOrDefault(targetId, MissingNode.getInstance());
  }
}
