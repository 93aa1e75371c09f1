package dev.labforge.targets.docker;

import dev.labforge.model.Lab;
import dev.labforge.model.LabHosts;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.model.Warning;
import dev.labforge.render.FileSink;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.schema.Schemas;
import dev.labforge.targets.LabScriptCheck;
import dev.labforge.targets.Target;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.cloudinit.CloudInitTarget;
import dev.labforge.targets.cloudinit.CloudInitTarget.MetaDataView;
import dev.labforge.targets.cloudinit.GuestChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker/compose.yaml} (Compose Specification: one service per machine, one network per spec
 * network, the data disks as named volumes), one {@code Dockerfile} per image (systemd as PID 1 and
 * cloud-init) and each machine's NoCloud seed, bind-mounted read-only where cloud-init looks for it.
 * The seed is the machine's own, for Docker: Docker sets the addresses (network-config disabled),
 * so its user-data carries the routes and a check plan that knows what Docker cannot do.
 */
public final class DockerTarget implements Target {
  public static final String ID = "docker";
  static final String COMPOSE = "docker/compose.yaml";
  static final String LAB_SH = "docker/lab.sh";
  static final String COMPOSE_SCHEMA = "docker/compose";
  static final String DOCKERFILE = "Dockerfile";
  /** Where cloud-init's NoCloud data source looks for a seed on the root filesystem. */
  public static final String SEED_MOUNT = "/var/lib/cloud/seed/nocloud";

  private static final About ABOUT = new About(ID,
      "a Compose file (a service per machine, its seed mounted), a Dockerfile per image and a lab.sh",
      List.of(COMPOSE_SCHEMA), DockerSettings::of);

  @Override
  public About about() {
    return ABOUT;
  }

  @Override
  public List<String> nextSteps(Lab lab, String labDir) {
    return List.of("run the machines as containers with Docker Compose (docs/targets/docker.md):",
        "cd " + labDir + "/docker && bash lab.sh up");
  }

  /**
   * A lab over {@link LabHosts#SEED_LIMIT} (every seed's /etc/hosts lists its machine only), and a
   * machine with two NICs on one network: Docker attaches a container to a network once.
   */
  @Override
  public List<Warning> warnings(Lab lab) {
    List<Warning> warnings = new ArrayList<>(LabHosts.warnings(lab));
    for (Machine machine : lab.machines()) {
      for (Nic nic : DockerViews.unattached(machine)) {
        warnings.add(new Warning("/machines", "machine '" + machine.name() + "' has more than one NIC on network '"
            + nic.network() + "': Docker attaches a container to a network once, so docker/compose.yaml leaves out "
            + nic.ifname() + (nic.dhcp() ? "" : " (" + nic.ip() + ")") + ", and the in-guest checks that look for it fail"));
      }
    }
    return warnings;
  }

  @Override
  public List<ToolCheck> checks() {
    return List.of(new DockerfileRulesCheck(), new ComposeConfigCheck(), new LabScriptCheck(LAB_SH));
  }

  /** A machine's seed folder, relative to docker/. */
  static String seedDir(Machine machine) {
    return machine.name() + "/seed";
  }

  @Override
  public void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException {
    DockerView view = DockerViews.of(lab);
    out.accept(templates.file(COMPOSE, "docker/compose.yaml.ftl", view, Formats.YAML, Schemas.resource(COMPOSE_SCHEMA)));
    for (DockerView.ImageView image : view.images()) {
      out.accept(templates.file(ID + "/" + DockerViews.imageDir(image.name()) + "/" + DOCKERFILE,
          "docker/Dockerfile.ftl", new DockerfileView(view.lab(), image), Formats.TEXT, null));
    }
    for (Machine machine : lab.machines()) {
      String dir = ID + "/" + seedDir(machine) + "/";
      out.accept(RenderedFile.text(dir + "user-data",
          CloudInitTarget.userData(lab, machine, templates, GuestChecks.Engine.DOCKER),
          "templates/cloud-init/user-data.ftl", Formats.YAML, null));
      out.accept(templates.file(dir + "meta-data", CloudInitTarget.ID + "/meta-data.ftl",
          new MetaDataView(machine.instanceId(), machine.hostname()), Formats.YAML, null));
      out.accept(templates.file(dir + "network-config", "docker/network-config.ftl",
          new NetworkConfigView(machine.name()), Formats.YAML, null));
    }
    out.accept(templates.file(LAB_SH, "docker/lab.sh.ftl", view, Formats.TEXT, null));
  }

  /** One image's Dockerfile. */
  public record DockerfileView(String lab, DockerView.ImageView image) {}

  /** A seed's network-config: disabled, Docker sets the addresses. */
  public record NetworkConfigView(String machine) {}
}
