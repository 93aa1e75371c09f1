package dev.labforge.cli;

import dev.labforge.schema.Schemas;
import dev.labforge.targets.Targets;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/** {@code labforge schema [lab|TARGET/FILE]}: prints a packed schema. */
final class SchemaAction {
  private final PrintWriter out;
  private final PrintWriter err;

  SchemaAction(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String name) {
    String resource = Schemas.resource(name.equals("lab") ? "lab-spec" : name);
    if (name.contains("..") || name.startsWith("/")) {
      return unknown(name);
    }
    try (InputStream in = SchemaAction.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return unknown(name);
      }
      out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      out.flush();
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println("labforge: cannot read " + resource + ": " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
  }

  private int unknown(String name) {
    err.println("labforge: no schema named '" + name + "'; known: " + String.join(", ", known()));
    return ExitCodes.USAGE;
  }

  /** "lab", the manifest's and every target's schema names. */
  static List<String> known() {
    TreeSet<String> names = new TreeSet<>(Targets.schemas());
    names.add("lab");
    names.add("manifest");
    return List.copyOf(names);
  }
}
