package dev.labforge.targets.vagrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.spec.SchemaValidator;
import dev.labforge.render.RenderException;
import java.util.List;

/**
 * The Vagrantfile is Ruby, which labforge cannot parse back, so its view model is checked against
 * its schema before rendering instead: a view that breaks it is a labforge bug (exit 3).
 */
final class ViewValidation {
  static final String SCHEMA = "schemas/vagrant/vagrantfile.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ViewValidation() {}

  static JsonNode toJson(VagrantView view) {
    return JSON.valueToTree(view);
  }

  static void check(VagrantView view, String origin) throws RenderException {
    List<SchemaValidator.Problem> problems = SchemaValidator.validate(SCHEMA, toJson(view));
    if (!problems.isEmpty()) {
      SchemaValidator.Problem first = problems.get(0);
      throw new RenderException(origin, "the Vagrantfile view fails " + SCHEMA + " at "
          + (first.pointer().isEmpty() ? "/" : first.pointer()) + ": " + first.message()
          + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    }
  }
}
