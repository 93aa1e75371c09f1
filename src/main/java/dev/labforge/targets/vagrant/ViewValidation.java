package dev.labforge.targets.vagrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.render.RenderException;
import dev.labforge.schema.SchemaValidator;
import dev.labforge.schema.Schemas;
import java.util.Iterator;
import java.util.List;

/**
 * The Vagrantfile is Ruby, which labforge cannot parse back, so its view model is checked against
 * its schema before rendering instead: a view that breaks it is a labforge bug (exit 3).
 */
final class ViewValidation {
  static final String SCHEMA_NAME = "vagrant/vagrantfile";
  static final String SCHEMA = Schemas.resource(SCHEMA_NAME);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ViewValidation() {}

  static JsonNode toJson(VagrantView view) {
    return JSON.valueToTree(view);
  }

  /**
   * The view's problems, machine by machine: a big lab's view is never one tree. The root goes with
   * its first machine, each other machine becomes a tree only while it is checked.
   */
  static List<SchemaValidator.Problem> problems(VagrantView view) {
    List<VagrantView.MachineView> machines = view.machines();
    VagrantView head = new VagrantView(view.specFile(), view.lab(), view.labComment(), view.providers(),
        view.syncedFolder(), view.experimentalDisks(), view.routing(), machines.subList(0, Math.min(1, machines.size())));
    Iterator<JsonNode> rest = machines.stream().skip(1).map(m -> (JsonNode) JSON.valueToTree(m)).iterator();
    return SchemaValidator.validate(SCHEMA, (ObjectNode) toJson(head), "machines", rest);
  }

  static void check(VagrantView view, String origin) throws RenderException {
    List<SchemaValidator.Problem> problems = problems(view);
    if (!problems.isEmpty()) {
      SchemaValidator.Problem first = problems.get(0);
      throw new RenderException(origin, "the Vagrantfile view fails " + SCHEMA + " at "
          + (first.pointer().isEmpty() ? "/" : first.pointer()) + ": " + first.message()
          + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    }
  }
}
