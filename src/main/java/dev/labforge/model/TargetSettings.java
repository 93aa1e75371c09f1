package dev.labforge.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Per-target settings from {@code targets:}, with their defaults applied. */
public record TargetSettings(
    Set<String> disabled,
    List<String> vagrantProviders,
    boolean vagrantSyncedFolder,
    String terraformExternalNetwork,
    Map<String, String> terraformFlavors,
    boolean terraformFloatingIps,
    String terraformSshAllowedFrom) {

  public boolean enabled(String targetId) {
    return !disabled.contains(targetId);
  }
}
