package dev.labforge.targets.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;
import dev.labforge.schema.SchemaValidator;
import dev.labforge.schema.Schemas;

/**
 * {@code targets.qemu}: whether every machine's seed installs the QEMU guest agent, and how far its
 * lab's SSH ports move from where they are derived (another lab on the host took one). Defaults
 * are the spec schema's {@code default} keywords.
 */
public record QemuSettings(boolean guestAgent, int sshPortOffset) {
  private static final JsonNode SCHEMA = SchemaValidator.raw(Schemas.resource("lab-spec")).at("/$defs/target_qemu/properties");
  public static final QemuSettings DEFAULTS = new QemuSettings(SCHEMA.at("/guest_agent/default").asBoolean(),
      SCHEMA.at("/ssh_port_offset/default").asInt());

  public static QemuSettings of(JsonNode node) {
    return new QemuSettings(node.path("guest_agent").asBoolean(DEFAULTS.guestAgent()),
        node.path("ssh_port_offset").asInt(DEFAULTS.sshPortOffset()));
  }

  public static QemuSettings of(Lab lab) {
    return of(lab.targets().node(QemuTarget.ID));
  }
}
