package dev.labforge.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Sizes;
import java.util.ArrayList;
import java.util.List;

/**
 * What a spec key means when the spec leaves it out, read from the {@code default} keywords of
 * {@code schemas/lab-spec.schema.json}: the schema is the one place a default is written. The model
 * takes its values from here, editors offer them from the schema, and {@code DocsTest} holds
 * docs/lab-spec.md's default column to them. A default missing from the schema fails at class load.
 */
public final class SpecDefaults {
  private static final JsonNode SCHEMA = SchemaValidator.raw(Schemas.resource("lab-spec"));

  public static final String LAB_DESCRIPTION = at("/properties/description").asText();
  public static final String DESCRIPTION = machine("description").asText();
  public static final int CPUS = machine("cpus").asInt();
  public static final long MEMORY_MIB = mib(machine("memory"));
  public static final long DISK_MIB = mib(machine("disk"));
  public static final boolean NESTED_VIRTUALIZATION = machine("nested_virtualization").asBoolean();
  public static final boolean FORWARDING = machine("forwarding").asBoolean();
  public static final String TIMEZONE = machine("timezone").asText();
  public static final String CHECKSUM = at("/$defs/image/properties/source/properties/checksum").asText();
  public static final List<String> BUILDERS = strings(at("/$defs/image/properties/builders"));
  public static final boolean DHCP = at("/$defs/network/properties/dhcp").asBoolean();
  public static final String KIND = at("/$defs/network/properties/kind").asText();
  public static final String FS = at("/$defs/disk/properties/fs").asText();
  public static final String PERMISSIONS = at("/$defs/file/properties/permissions").asText();
  public static final String OWNER = at("/$defs/file/properties/owner").asText();
  public static final boolean PRIVILEGED = at("/$defs/script/properties/privileged").asBoolean();
  public static final boolean SUDO = at("/$defs/user/properties/sudo").asBoolean();
  public static final String SHELL = at("/$defs/user/properties/shell").asText();

  private SpecDefaults() {}

  /** Whether a target the spec's {@code targets} names is on when it does not say {@code enabled}. */
  public static boolean enabled(String target) {
    String ref = SCHEMA.at("/properties/targets/properties/" + target).path("$ref").asText("");
    return at((ref.startsWith("#/") ? ref.substring(1) : "/properties/targets/properties/" + target)
        + "/properties/enabled").asBoolean();
  }

  private static JsonNode machine(String key) {
    return at("/$defs/machine/properties/" + key);
  }

  private static JsonNode at(String property) {
    JsonNode value = SCHEMA.at(property + "/default");
    if (value.isMissingNode()) {
      throw new IllegalStateException("the lab spec schema has no default at " + property);
    }
    return value;
  }

  private static long mib(JsonNode size) {
    return Sizes.mib(size).orElseThrow(() -> new IllegalStateException("the default " + size + " is not a size"));
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(item -> out.add(item.asText()));
    return List.copyOf(out);
  }
}
