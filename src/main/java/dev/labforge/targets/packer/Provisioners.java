package dev.labforge.targets.packer;

import dev.labforge.model.GuestFile;
import dev.labforge.model.Script;
import dev.labforge.targets.packer.PackerView.Attr;
import dev.labforge.targets.packer.PackerView.Value;
import dev.labforge.targets.packer.PackerView.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * The build block's provisioners, in spec order (packages and commands, files, scripts, then
 * {@code cloud-init clean}), and its post-processors.
 */
final class Provisioners {
  /**
   * Runs a script as root whether Packer logged in as root (LXD) or as the build user (SSH with
   * passwordless sudo).
   */
  static final String AS_ROOT = "chmod +x {{ .Path }}; if [ \"$(id -u)\" = 0 ]; then {{ .Vars }} {{ .Path }};"
      + " else sudo -E env {{ .Vars }} {{ .Path }}; fi";
  static final String AS_USER = "chmod +x {{ .Path }}; {{ .Vars }} {{ .Path }}";
  /** Packer may log in before cloud-init has finished (apt locks, users); tolerate its absence. */
  static final String WAIT_FOR_CLOUD_INIT =
      "if command -v cloud-init >/dev/null 2>&1; then cloud-init status --wait >/dev/null || true; fi";
  static final String CLOUD_INIT_CLEAN =
      "if command -v cloud-init >/dev/null 2>&1; then cloud-init clean --logs; fi";
  /** An empty machine-id makes systemd give every machine booted from the image its own. */
  static final String RESET_MACHINE_ID = "if [ -s /etc/machine-id ]; then truncate -s 0 /etc/machine-id; fi";

  private final ImagePlan plan;

  Provisioners(ImagePlan plan) {
    this.plan = plan;
  }

  /** Where labforge writes the i-th image file (0-based) next to the template, relative to packer/. */
  static String fileSource(ImagePlan plan, int i, GuestFile file) {
    String base = file.path().substring(file.path().lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    return plan.dir() + "/files/" + String.format("%02d", i + 1) + "-" + base;
  }

  static String scriptSource(ImagePlan plan, Script script) {
    return plan.dir() + "/scripts/" + script.guestPath().substring(script.guestPath().lastIndexOf('/') + 1);
  }

  /** The image's packages and commands, run as root by the first shell provisioner. */
  static String commandsSource(ImagePlan plan) {
    return plan.dir() + "/provision/commands.sh";
  }

  /** Puts the uploaded guest files in place with their mode and owner. */
  static String installsSource(ImagePlan plan) {
    return plan.dir() + "/provision/install-files.sh";
  }

  /**
   * A shell script of {@code lines}, as Packer itself would write an {@code inline} list (its
   * default shebang {@code /bin/sh -e}, one entry per line). Spec text goes into such uploaded
   * files, never into {@code inline}: Packer renders every provisioner string with its Go template
   * engine first, so {@code {{.ID}}} in a command would reach the guest changed.
   */
  static String script(List<String> lines) {
    return "#!/bin/sh -e\n" + String.join("\n", lines) + "\n";
  }

  List<String> commandLines() {
    List<String> lines = new ArrayList<>();
    lines.add(WAIT_FOR_CLOUD_INIT);
    lines.addAll(plan.distro().installPackages());
    lines.addAll(plan.image().commands());
    return lines;
  }

  /** One uploaded file put in place: {@code staged} is where the file provisioner left it; {@code group} may be null. */
  public record Install(String permissions, String user, String group, String staged, String path) {}

  /** The view of {@code install-files.sh}, in the image's file order. */
  public record InstallView(List<Install> files) {}

  InstallView installs() {
    List<GuestFile> files = plan.image().files();
    List<Install> installs = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      GuestFile f = files.get(i);
      String[] owner = f.owner().split(":", 2);
      installs.add(new Install(f.permissions(), owner[0], owner.length > 1 ? owner[1] : null, staged(i), f.path()));
    }
    return new InstallView(installs);
  }

  private static String staged(int i) {
    return "/tmp/labforge-file-" + String.format("%02d", i + 1);
  }

  List<Block> all() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block("shell", "Packages, then the image's commands, as root.",
        List.of(new Attr("script", Value.root(commandsSource(plan))), new Attr("execute_command", Value.string(AS_ROOT)))));
    List<GuestFile> files = plan.image().files();
    for (int i = 0; i < files.size(); i++) {
      blocks.add(new Block("file", i == 0 ? "Files: uploaded, then put in place with their mode and owner." : null,
          List.of(new Attr("source", Value.root(fileSource(plan, i, files.get(i)))),
              new Attr("destination", Value.string(staged(i))))));
    }
    if (!files.isEmpty()) {
      blocks.add(new Block("shell", null, List.of(new Attr("script", Value.root(installsSource(plan))),
          new Attr("execute_command", Value.string(AS_ROOT)))));
    }
    for (Script s : plan.image().scripts()) {
      blocks.add(new Block("shell", "Script " + s.name() + (s.privileged() ? ", as root." : ", as the build user."),
          List.of(new Attr("script", Value.root(scriptSource(plan, s))),
              new Attr("execute_command", Value.string(s.privileged() ? AS_ROOT : AS_USER)))));
    }
    if (plan.emits("qemu")) {
      blocks.add(new Block("shell", "Only the Vagrant box: Vagrant's user with its insecure key and passwordless sudo,"
          + " DHCP on the first NIC (eth0).", List.of(
              new Attr("only", Value.strings(List.of("qemu." + VagrantBox.source(plan.image().name())))),
              new Attr("execute_command", Value.string(AS_ROOT)),
              new Attr("inline", Value.strings(VagrantBox.script())))));
    }
    blocks.add(shell("Leave cloud-init ready to run again on the image's first boot, with a fresh machine-id.",
        List.of(CLOUD_INIT_CLEAN, RESET_MACHINE_ID)));
    return blocks;
  }

  private static Block shell(String comment, List<String> inline) {
    return new Block("shell", comment, List.of(new Attr("execute_command", Value.string(AS_ROOT)),
        new Attr("inline", Value.strings(inline))));
  }

  List<Block> postProcessors() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block("manifest", "What was built, in output_directory/manifest.json.", List.of(
        new Attr("output", Value.ref("var.output_directory", "/manifest.json")),
        new Attr("strip_path", Value.expr("true")))));
    blocks.add(new Block("checksum", null, List.of(
        new Attr("checksum_types", Value.strings(List.of("sha256"))),
        new Attr("output", Value.ref("var.output_directory", "/{{ .BuildName }}_{{ .BuilderType }}.{{ .ChecksumType }}")))));
    if (plan.emits("qemu")) {
      String name = plan.image().name();
      blocks.add(new Block("vagrant", "The Vagrant box, for the libvirt provider (the box source only).", List.of(
          new Attr("only", Value.strings(List.of("qemu." + VagrantBox.source(name)))),
          new Attr("provider_override", Value.string("libvirt")),
          new Attr("keep_input_artifact", Value.expr("true")),
          new Attr("output", Value.ref("var.output_directory", "/" + name + "-libvirt.box")))));
    }
    return blocks;
  }
}
