package dev.labforge.schema;

/**
 * Where a packed schema lives. A target names its schemas as {@code Target.schemas()} lists them
 * ({@code packer/template}); the resource in the jar is derived here, so no path is written twice
 * ({@code ConventionTest} fails on a target that checks a file against a schema it does not declare).
 */
public final class Schemas {
  private Schemas() {}

  /** {@code packer/template} is {@code schemas/packer/template.schema.json}. */
  public static String resource(String name) {
    return "schemas/" + name + ".schema.json";
  }
}
