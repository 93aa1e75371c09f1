package dev.labforge.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

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
      byte[] content = CANONICAL.writeValueAsBytes(new Object[] {lab, draft});
      String id = Ids.instanceId(content);
      return new Machine(draft.name(), draft.index(), draft.description(), draft.image(), draft.cpus(),
          draft.memoryMib(), draft.diskMib(), draft.nestedVirtualization(), draft.timezone(), draft.users(),
          draft.packages(), draft.disks(), draft.nics(), draft.files(), draft.commands(), draft.scripts(), id);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize machine " + draft.name(), e);
    }
  }
}
