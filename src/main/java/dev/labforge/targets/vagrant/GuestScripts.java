package dev.labforge.targets.vagrant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed guest scripts of the Vagrantfile's provisioning steps, kept as shell files under
 * {@code src/main/resources/labforge/vagrant/} (so dash, bash and shellcheck read them) and laid
 * into Ruby heredocs by the template, line by line.
 */
final class GuestScripts {
  /** The template's {@code guest}: each script's lines, one component per script (its file name). */
  public record Lines(List<String> timezone, List<String> user, List<String> disk, List<String> file,
      List<String> packages, List<String> routing) {}

  static final List<String> NAMES = Arrays.stream(Lines.class.getRecordComponents())
      .map(RecordComponent::getName).toList();
  static final String DIR = "labforge/vagrant/";
  static final Lines LINES = new Lines(load("timezone"), load("user"), load("disk"), load("file"), load("packages"),
      load("routing"));

  private GuestScripts() {}

  private static List<String> load(String name) {
    try (InputStream in = GuestScripts.class.getClassLoader().getResourceAsStream(DIR + name + ".sh")) {
      if (in == null) {
        throw new IllegalStateException("guest script not packed in the jar: " + DIR + name + ".sh");
      }
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      // The heredoc ends at a line "SH"; a script line like it would end it early.
      if (lines.stream().anyMatch(l -> l.strip().equals("SH"))) {
        throw new IllegalStateException(DIR + name + ".sh has a line 'SH', which ends its Ruby heredoc");
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
