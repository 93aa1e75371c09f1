package dev.labforge.rules;

import dev.labforge.spec.Reporter;
import dev.labforge.spec.Suggest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Expansion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every image, network and machine that is named somewhere exists. */
final class ReferencesRule implements Rule {

  @Override
  public void check(JsonNode spec, Reporter report) {
    List<String> images = Nodes.fieldNames(spec.get("images"));
    Set<String> networks = new HashSet<>();
    Nodes.eachItem(spec.get("networks"), "/networks", (n, at) -> {
      if (Nodes.text(n, "name") != null) {
        networks.add(Nodes.text(n, "name"));
      }
    });
    String defaultImage = Nodes.text(spec.get("defaults"), "image");
    if (defaultImage != null) {
      imageExists(defaultImage, "/defaults/image", images, report);
    }
    Set<String> machineNames = new HashSet<>();
    Nodes.eachItem(spec.get("machines"), "/machines", (machine, at) -> {
      if (Nodes.text(machine, "name") != null) {
        machineNames.add(Nodes.text(machine, "name"));
        machineNames.addAll(Expansion.names(machine));
      }
      String image = Nodes.text(machine, "image");
      if (image != null) {
        imageExists(image, at + "/image", images, report);
      } else if (defaultImage == null && machine.isObject()) {
        report.at(at, "machine has no image; set 'image' here or in 'defaults'");
      }
      Nodes.eachItem(machine.get("nics"), at + "/nics", (nic, nicAt) -> {
        String network = Nodes.text(nic, "network");
        if (network != null && !networks.isEmpty() && !networks.contains(network)) {
          report.at(nicAt + "/network", "no network named '" + network + "'"
              + Suggest.didYouMean(network, networks));
        }
      });
    });
    JsonNode flavors = spec.path("targets").path("terraform").get("flavors");
    for (String machine : Nodes.fieldNames(flavors)) {
      if (!machineNames.contains(machine)) {
        report.atKey("/targets/terraform/flavors/" + machine, "no machine named '" + machine + "'"
            + Suggest.didYouMean(machine, machineNames));
      }
    }
  }

  private static void imageExists(String image, String at, List<String> images, Reporter report) {
    if (!images.isEmpty() && !images.contains(image)) {
      report.at(at, "no image named '" + image + "'" + Suggest.didYouMean(image, images));
    }
  }
}
