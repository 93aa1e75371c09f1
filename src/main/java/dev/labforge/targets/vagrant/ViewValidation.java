package dev.labforge.targets.vagrant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.spec.SchemaValidator;
import dev.labforge.render.RenderException;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /**
   * The view's problems, read as a stream of tokens (which hold the view's own strings): a big lab's
   * view is checked machine by machine, never as one tree.
   */
  static List<SchemaValidator.Problem> problems(VagrantView view) {
    try (TokenBuffer tokens = new TokenBuffer(JSON, false)) {
      JSON.writeValue(tokens, view);
      try (JsonParser stream = tokens.asParser(JSON)) {
        return SchemaValidator.validate(SCHEMA, stream);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a view in memory cannot fail to serialize", e);
    }
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
