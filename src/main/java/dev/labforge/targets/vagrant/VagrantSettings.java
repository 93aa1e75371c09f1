package dev.labforge.targets.vagrant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;
import java.util.ArrayList;
import java.util.List;

/** {@code targets.vagrant}: the providers the Vagrantfile configures, and the /vagrant synced folder. */
public record VagrantSettings(List<String> providers, boolean syncedFolder) {
  public static final List<String> DEFAULT_PROVIDERS = List.of("libvirt", "virtualbox", "vmware_desktop");

  public static VagrantSettings of(JsonNode node) {
    List<String> providers = new ArrayList<>();
    node.path("providers").forEach(p -> providers.add(p.asText()));
    return new VagrantSettings(providers.isEmpty() ? DEFAULT_PROVIDERS : List.copyOf(providers),
        node.path("synced_folder").asBoolean(false));
  }

  public static VagrantSettings of(Lab lab) {
    return of(lab.targets().node(VagrantTarget.ID));
  }
}
