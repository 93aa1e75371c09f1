package dev.labforge.targets.cloudinit;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code targets.cloud-init}: nothing beyond {@code enabled}, which the model reads for every target. */
public record CloudInitSettings() {
  public static CloudInitSettings of(JsonNode node) {
    return new CloudInitSettings();
  }
}
