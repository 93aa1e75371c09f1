package dev.labforge.targets.vagrant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed guest scripts of the Vagrantfile's provisioning steps, kept as shell files under
 * {@code src/main/resources/labforge/vagrant/} (so dash, bash and shellcheck read them) and laid
 * into Ruby heredocs by the template, line by line.
 */
final class GuestScripts {
  static final List<String> NAMES = List.of("timezone", "user", "disk", "file", "packages", "routing");
  static final String DIR = "labforge/vagrant/";
  /** Script name to its lines. */
  static final Map<String, List<String>> LINES = load();

  private GuestScripts() {}

  private static Map<String, List<String>> load() {
    Map<String, List<String>> scripts = new LinkedHashMap<>();
    for (String name : NAMES) {
      try (InputStream in = GuestScripts.class.getClassLoader().getResourceAsStream(DIR + name + ".sh")) {
        if (in == null) {
          throw new IllegalStateException("guest script not packed in the jar: " + DIR + name + ".sh");
        }
        List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        // The heredoc ends at a line "SH"; a script line like it would end it early.
        if (lines.stream().anyMatch(l -> l.strip().equals("SH"))) {
          throw new IllegalStateException(DIR + name + ".sh has a line 'SH', which ends its Ruby heredoc");
        }
        scripts.put(name, lines);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(scripts);
  }
}
