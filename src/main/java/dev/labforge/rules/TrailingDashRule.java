package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Reporter;

/**
 * The name pattern lets a name end in '-', but the lab's, a machine's, a network's and a disk's
 * names become parts of host names, LXD instance, network and device names and hostnames, none of
 * which may end in '-' (RFC 1123 labels). Refused here, at the name, instead of failing in a target.
 */
final class TrailingDashRule implements Rule {

  @Override
  public void check(JsonNode spec, Reporter report) {
    check(Nodes.text(spec, "name"), "/name", "the lab's name", report);
    Nodes.eachItem(spec.get("networks"), "/networks",
        (network, at) -> check(Nodes.text(network, "name"), at + "/name", "a network's name", report));
    Nodes.eachItem(spec.get("machines"), "/machines", (machine, at) -> {
      check(Nodes.text(machine, "name"), at + "/name", "a machine's name", report);
      Nodes.eachItem(machine.get("disks"), at + "/disks",
          (disk, diskAt) -> check(Nodes.text(disk, "name"), diskAt + "/name", "a disk's name", report));
    });
  }

  private static void check(String name, String pointer, String what, Reporter report) {
    if (name != null && name.endsWith("-")) {
      report.at(pointer, "'" + name + "' ends in '-': " + what + " becomes part of hostnames and of "
          + "libvirt, LXD and Xen names, which cannot end in '-'; write '" + name.replaceAll("-+$", "") + "'");
    }
  }
}
