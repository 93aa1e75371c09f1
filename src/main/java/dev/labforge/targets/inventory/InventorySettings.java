package dev.labforge.targets.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;

/** {@code targets.inventory}: nothing beyond {@code enabled}, which the model reads for every target. */
public record InventorySettings() {
  public static InventorySettings of(JsonNode node) {
    return new InventorySettings();
  }

  public static InventorySettings of(Lab lab) {
    return of(lab.targets().node(InventoryTarget.ID));
  }
}
