package dev.labforge.targets.cloudinit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.targets.ToolCheck;
import dev.labforge.model.Lab;
import dev.labforge.model.LabHosts;
import dev.labforge.model.Machine;
import dev.labforge.model.Warning;
import dev.labforge.render.FileSink;
import dev.labforge.render.Formats;
import dev.labforge.render.Json;
import dev.labforge.render.Parallel;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.schema.Schemas;
import dev.labforge.targets.Target;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.cloudinit.iso.IsoImage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Per machine: a NoCloud seed and an OpenStack config drive, each as a folder and as an ISO
 * image. The config drive's user_data is the NoCloud user-data, byte for byte.
 */
public final class CloudInitTarget implements Target {
  public static final String ID = "cloud-init";
  public static final String NOCLOUD_LABEL = "cidata";
  public static final String CONFIG_DRIVE_LABEL = "config-2";
  static final String LATEST = "openstack/latest/";

  /** The view of {@code meta-data}. */
  public record MetaDataView(String instanceId, String hostname) {}

  /** The view of {@code network-config}: the NICs in NIC order. */
  public record NetworkConfigView(String machine, List<GuestNics.GuestNic> nics) {}

  private static final About ABOUT = new About(ID,
      "a NoCloud seed and an OpenStack config drive per machine, as folders and ISO images",
      List.of("cloud-init/user-data", "cloud-init/meta-data", "cloud-init/network-config",
          "cloud-init/meta_data", "cloud-init/network_data"), CloudInitSettings::of);

  @Override
  public About about() {
    return ABOUT;
  }

  @Override
  public List<String> nextSteps(Lab lab, String labDir) {
    String m = lab.machines().get(0).name();
    return List.of("boot a cloud image with a machine's seed (docs/targets/cloud-init.md has the whole command):",
        "qemu-system-x86_64 ... -drive file=" + labDir + "/cloud-init/" + m + "/nocloud.iso,media=cdrom,readonly=on");
  }

  /** A lab over {@link LabHosts#SEED_LIMIT}: every seed writes the machine's /etc/hosts, which lists that machine only. */
  @Override
  public List<Warning> warnings(Lab lab) {
    return LabHosts.warnings(lab);
  }

  @Override
  public List<ToolCheck> checks() {
    return List.of(new CloudInitSchemaCheck(), new CloudInitReadersCheck(), new SeedIsoCheck(), new IsoLabelCheck());
  }

  /** Machine by machine, on every core: a machine's seeds and their two ISO images are ~130 KB. */
  @Override
  public void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException {
    Parallel.each(lab.machines(), machine -> {
      for (RenderedFile file : machine(lab, machine, templates)) {
        out.accept(file);
      }
    });
  }

  private static List<RenderedFile> machine(Lab lab, Machine machine, TemplateRenderer templates) throws RenderException {
    String dir = ID + "/" + machine.name() + "/";
    String userData = userData(lab, machine, templates);
    String metaData = templates.render(ID + "/meta-data.ftl",
        new MetaDataView(machine.instanceId(), machine.hostname()));
    String networkConfig = networkConfig(lab, machine, templates);
    String metaJson = Json.pretty(ConfigDriveJson.metaData(lab, machine));
    String networkJson = Json.pretty(ConfigDriveJson.networkData(lab, machine));

    List<RenderedFile> seed = List.of(
        yaml(dir + "user-data", userData, "templates/cloud-init/user-data.ftl", "user-data"),
        yaml(dir + "meta-data", metaData, "templates/cloud-init/meta-data.ftl", "meta-data"),
        yaml(dir + "network-config", networkConfig, "templates/cloud-init/network-config.ftl", "network-config"));
    String drive = dir + "config-drive/";
    List<RenderedFile> configDrive = List.of(
        json(drive + LATEST + "meta_data.json", metaJson, "meta_data"),
        yaml(drive + LATEST + "user_data", userData, "templates/cloud-init/user-data.ftl", "user-data"),
        json(drive + LATEST + "network_data.json", networkJson, "network_data"));

    List<RenderedFile> files = new ArrayList<>(seed);
    files.addAll(configDrive);
    files.add(iso(dir + "nocloud.iso", NOCLOUD_LABEL, seed, dir));
    files.add(iso(dir + "config-drive.iso", CONFIG_DRIVE_LABEL, configDrive, drive));
    return files;
  }

  /**
   * The machine's NoCloud {@code user-data}, as this target writes it. Other targets that carry
   * the seed in their own files (the LXD profiles) call this, so their copy is byte-identical.
   */
  public static String userData(Lab lab, Machine machine, TemplateRenderer templates) throws RenderException {
    return templates.render(ID + "/user-data.ftl", UserDataView.of(lab, machine,
        EtcHosts.text(lab, machine, templates)));
  }

  /**
   * The machine's {@code user-data} for a seed cloud-init reads under {@code engine}: the same
   * template, with the check plan and steps that engine needs ({@link UserDataView}); for
   * {@link GuestChecks.Engine#CLOUD_INIT} it is {@link #userData(Lab, Machine, TemplateRenderer)}.
   */
  public static String userData(Lab lab, Machine machine, TemplateRenderer templates, GuestChecks.Engine engine)
      throws RenderException {
    return templates.render(ID + "/user-data.ftl", UserDataView.of(lab, machine,
        EtcHosts.text(lab, machine, templates), engine));
  }

  /**
   * The machine's whole {@code /etc/hosts} (every lab machine in it), or null when the spec writes
   * that file itself. The Vagrant provisioning writes this same text.
   */
  public static String etcHosts(Lab lab, Machine machine, TemplateRenderer templates) throws RenderException {
    return EtcHosts.text(lab, machine, templates);
  }

  /** The machine's NoCloud {@code network-config} (version 1), as this target writes it. */
  public static String networkConfig(Lab lab, Machine machine, TemplateRenderer templates) throws RenderException {
    // No qemu management NIC here: cloud-init (22.4) fails a boot whose network-config names a MAC
    // the machine lacks ("Not all expected physical devices present"), which every other engine's
    // guest would; the qemu target raises that NIC from bootcmd instead (QemuTarget.guestBootCommands).
    return templates.render(ID + "/network-config.ftl", new NetworkConfigView(machine.name(),
        GuestNics.of(lab, machine)));
  }

  /** The image holds exactly the folder's files, at their paths below {@code root}. */
  private static RenderedFile iso(String path, String label, List<RenderedFile> content, String root) {
    TreeMap<String, byte[]> entries = new TreeMap<>();
    content.forEach(f -> entries.put(f.path().substring(root.length()), f.content()));
    return new RenderedFile(path, IsoImage.build(label, entries), "IsoImage", Formats.BINARY, null);
  }

  private static RenderedFile yaml(String path, String text, String origin, String schema) {
    return RenderedFile.text(path, text, origin, Formats.YAML, schema(schema));
  }

  private static RenderedFile json(String path, String text, String schema) {
    return RenderedFile.text(path, text, "ConfigDriveJson", Formats.JSON, schema(schema));
  }

  static String schema(String name) {
    return Schemas.resource(ID + "/" + name);
  }
}
