package dev.labforge.targets.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code targets.terraform}: the external network, flavors by machine (or base) name, floating
 * IPs, and the CIDR allowed to reach SSH (null: no SSH rule).
 */
public record TerraformSettings(String externalNetwork, Map<String, String> flavors, boolean floatingIps,
    String sshAllowedFrom) {

  public static TerraformSettings of(JsonNode node) {
    Map<String, String> flavors = new TreeMap<>();
    node.path("flavors").fields().forEachRemaining(e -> flavors.put(e.getKey(), e.getValue().asText()));
    return new TerraformSettings(node.path("external_network").asText("public"),
        Collections.unmodifiableMap(flavors), node.path("floating_ips").asBoolean(false),
        node.hasNonNull("ssh_allowed_from") ? node.get("ssh_allowed_from").asText() : null);
  }

  public static TerraformSettings of(Lab lab) {
    return of(lab.targets().node(TerraformTarget.ID));
  }
}
