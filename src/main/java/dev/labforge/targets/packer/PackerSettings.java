package dev.labforge.targets.packer;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code targets.packer}: nothing beyond {@code enabled}, which the model reads for every target. */
public record PackerSettings() {
  public static PackerSettings of(JsonNode node) {
    return new PackerSettings();
  }
}
