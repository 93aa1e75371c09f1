package dev.labforge.targets.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;

/**
 * {@code targets.docker}: the image every Dockerfile builds {@code FROM} unless its
 * {@code LABFORGE_DOCKER_BASE_<image>} says otherwise ({@code null}: {@code <os>:<release>} per spec
 * image, see {@link DockerViews}).
 */
public record DockerSettings(String base) {
  public static DockerSettings of(JsonNode node) {
    String base = node.path("base").asText("");
    return new DockerSettings(base.isEmpty() ? null : base);
  }

  public static DockerSettings of(Lab lab) {
    return of(lab.targets().node(DockerTarget.ID));
  }
}
