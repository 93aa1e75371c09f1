package dev.labforge.targets.libvirt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;

/**
 * {@code targets.libvirt}: the domain type ({@code kvm}, or {@code qemu} for software emulation
 * where there is no KVM) and the host bridge that {@code kind: bridged} networks join.
 */
public record LibvirtSettings(String domainType, String hostBridge) {
  public static final LibvirtSettings DEFAULTS = new LibvirtSettings("kvm", "br0");

  public static LibvirtSettings of(JsonNode node) {
    return new LibvirtSettings(node.path("domain_type").asText(DEFAULTS.domainType()),
        node.path("host_bridge").asText(DEFAULTS.hostBridge()));
  }

  public static LibvirtSettings of(Lab lab) {
    return of(lab.targets().node(LibvirtTarget.ID));
  }
}
