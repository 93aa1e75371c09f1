package dev.labforge.target.vagrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.check.SchemaCheck;
import dev.labforge.render.RenderException;
import java.util.List;

/**
 * The Vagrantfile is Ruby, which labforge cannot parse back, so its view model is checked against
 * its schema before rendering instead: a view that breaks it is a labforge bug (exit 3).
 */
final class ViewCheck {
  static final String SCHEMA = "schemas/vagrant/vagrantfile.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ViewCheck() {}

  static JsonNode toJson(VagrantView view) {
    return JSON.valueToTree(view);
  }

  static void check(VagrantView view, String origin) throws RenderException {
    List<SchemaCheck.Problem> problems = SchemaCheck.validate(SCHEMA, toJson(view));
    if (!problems.isEmpty()) {
      SchemaCheck.Problem first = problems.get(0);
      throw new RenderException(origin, "the Vagrantfile view fails " + SCHEMA + " at "
          + (first.pointer().isEmpty() ? "/" : first.pointer()) + ": " + first.message()
          + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    }
  }
}
