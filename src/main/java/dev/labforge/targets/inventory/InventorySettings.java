package dev.labforge.targets.inventory;

/** {@code targets.inventory}: nothing beyond {@code enabled}, which the model reads for every target. */
public record InventorySettings() {}
