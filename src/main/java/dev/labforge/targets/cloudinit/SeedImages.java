package dev.labforge.targets.cloudinit;

import dev.labforge.targets.cloudinit.CloudInitTarget;
import java.nio.file.Path;
import java.util.List;

/** Each machine's two images, the folder each must mirror, and the label each must carry. */
record SeedImages(Path iso, Path folder, String label, List<String> files) {
  static final String NOCLOUD_LABEL = CloudInitTarget.NOCLOUD_LABEL;
  static final String CONFIG_DRIVE_LABEL = CloudInitTarget.CONFIG_DRIVE_LABEL;

  static List<SeedImages> of(Path machine) {
    return List.of(
        new SeedImages(machine.resolve("nocloud.iso"), machine, NOCLOUD_LABEL,
            List.of("meta-data", "network-config", "user-data")),
        new SeedImages(machine.resolve("config-drive.iso"), machine.resolve("config-drive"), CONFIG_DRIVE_LABEL,
            List.of("openstack/latest/meta_data.json", "openstack/latest/network_data.json",
                "openstack/latest/user_data")));
  }
}
