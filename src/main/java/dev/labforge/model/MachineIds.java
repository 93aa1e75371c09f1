package dev.labforge.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instance id hashes everything a machine's seed is made of (the machine record itself, with
 * its image), so it changes exactly when the seed changes and cloud-init re-runs then.
 */
final class MachineIds {
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private MachineIds() {}

  static Machine withInstanceId(String lab, Machine draft) {
    try {
      byte[] content = CANONICAL.writeValueAsBytes(new Object[] {lab, content(draft)});
      return draft.toBuilder().instanceId(Ids.instanceId(content)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize machine " + draft.name(), e);
    }
  }

  /**
   * What the id hashes, named explicitly so that adding a derived fact to Machine or Nic does not
   * change every instance id: the spec's content of the machine (the host names and DNS follow
   * from it). The keys are the record components the id was first computed from.
   */
  private static Map<String, Object> content(Machine m) {
    Map<String, Object> c = new TreeMap<>();
    c.put("name", m.name());
    c.put("index", m.index());
    c.put("description", m.description());
    c.put("image", m.image());
    c.put("cpus", m.cpus());
    c.put("memoryMib", m.memoryMib());
    c.put("diskMib", m.diskMib());
    c.put("nestedVirtualization", m.nestedVirtualization());
    c.put("timezone", m.timezone());
    c.put("users", m.users());
    c.put("packages", m.packages());
    c.put("disks", m.disks());
    c.put("nics", m.nics().stream().map(MachineIds::content).toList());
    c.put("files", m.files());
    c.put("commands", m.commands());
    c.put("scripts", m.scripts());
    c.put("instanceId", "");
    if (m.forwarding()) {
      c.put("forwarding", true); // only when set: ids of machines without routing stay as they were
    }
    if (!m.expect().isEmpty()) {
      c.put("expect", m.expect()); // the same: a machine without expectations keeps its id
    }
    return c;
  }

  private static Map<String, Object> content(Nic n) {
    Map<String, Object> c = new TreeMap<>();
    c.put("index", n.index());
    c.put("ifname", n.ifname());
    c.put("network", n.network());
    // Addresses as the text they were hashed as before they were typed, so ids stay as they were.
    c.put("ip", n.ip() == null ? null : n.ip().toString());
    c.put("prefix", n.prefix());
    c.put("netmask", n.netmask().toString());
    c.put("gateway", n.gateway().toString());
    c.put("mac", n.mac());
    c.put("defaultRoute", n.defaultRoute());
    if (!n.routes().isEmpty()) {
      c.put("routes", n.routes().stream()
          .map(r -> new TreeMap<>(Map.of("to", r.to().toString(), "via", r.via().toString()))).toList());
    }
    return c;
  }
}
