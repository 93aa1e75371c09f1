package dev.labforge.targets.packer;

import dev.labforge.targets.packer.PackerView.Attr;
import dev.labforge.targets.packer.PackerView.Entry;
import dev.labforge.targets.packer.PackerView.Value;
import dev.labforge.targets.packer.PackerView.Plugin;
import dev.labforge.targets.packer.PackerView.Source;
import dev.labforge.targets.packer.PackerView.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns an {@link ImagePlan} into the template's view: packer block, variables and sources. */
final class PackerViews {
  static final String REQUIRED_VERSION = ">= 1.7.0";
  /** Builder plugins, and the vagrant post-processor's, as {@code packer init} installs them. */
  private static final Map<String, Plugin> PLUGINS = Map.of(
      "qemu", new Plugin("qemu", "github.com/hashicorp/qemu", ">= 1.1.0"),
      "lxd", new Plugin("lxd", "github.com/hashicorp/lxd", ">= 1.0.0"),
      "virtualbox-iso", new Plugin("virtualbox", "github.com/hashicorp/virtualbox", ">= 1.1.0"),
      "vmware-iso", new Plugin("vmware", "github.com/hashicorp/vmware", ">= 1.1.0"),
      "vagrant", new Plugin("vagrant", "github.com/hashicorp/vagrant", ">= 1.1.0"));
  static final List<String> BUILDERS = List.of("qemu", "lxd", "virtualbox-iso", "vmware-iso");

  private final ImagePlan plan;

  PackerViews(ImagePlan plan) {
    this.plan = plan;
  }

  PackerView view() {
    String name = plan.image().name();
    List<String> emitted = BUILDERS.stream().filter(plan::emits).toList();
    List<Source> sources = sources(emitted);
    return new PackerView(name, plan.image().os(), plan.image().release(), name + ".pkr.hcl", notes(), plugins(emitted),
        variables(), List.of(), sources,
        Value.strings(sources.stream().map(s -> "source." + s.type() + "." + s.name()).toList()),
        new Provisioners(plan).all(), new Provisioners(plan).postProcessors());
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (String builder : List.of("virtualbox-iso", "vmware-iso")) {
      if (plan.builds(builder) && !plan.emits(builder)) {
        notes.add(builder + " is left out: it installs from an ISO, and this image starts from a qcow2 cloud image.");
      }
    }
    if (plan.emits("qemu")) {
      String name = plan.image().name();
      notes.add("Source qemu." + VagrantBox.source(name) + " builds the Vagrant box (with Vagrant's insecure key), qemu."
          + name + " the plain image; build one with -only=" + name + ".qemu." + VagrantBox.source(name) + ".");
    }
    if (sshBased()) {
      notes.add("Packer logs in as " + plan.user().name() + " (variable ssh_username): pass -var ssh_private_key_file=PATH"
          + (plan.user().hasPassword() ? " or -var ssh_password=PASSWORD" : "") + ".");
    }
    return notes;
  }

  private List<Plugin> plugins(List<String> emitted) {
    List<Plugin> plugins = new ArrayList<>(emitted.stream().map(PLUGINS::get).toList());
    if (emitted.contains("qemu")) {
      plugins.add(PLUGINS.get("vagrant"));
    }
    return plugins;
  }

  private boolean sshBased() {
    return plan.emits("qemu") || plan.emits("virtualbox-iso") || plan.emits("vmware-iso");
  }

  private List<Variable> variables() {
    List<Variable> v = new ArrayList<>();
    boolean vm = sshBased();
    if (vm) {
      v.add(new Variable("iso_url", "string", Value.string(plan.image().sourceUrl()),
          plan.iso() ? "Installer ISO the build boots." : "Cloud image (qcow2) the build starts from.", false));
      v.add(new Variable("iso_checksum", "string", Value.string(plan.image().sourceChecksum()),
          "Checksum of iso_url: none, TYPE:HEX, or file:URL of a checksum list (packer validate downloads that list;"
              + " -var iso_checksum=none validates offline).", false));
      if (plan.iso()) {
        v.add(new Variable("boot_wait", "string", Value.string("5s"), "Wait before typing the boot command.", false));
      }
      v.add(new Variable("cpus", "number", Value.expr("2"), "Virtual CPUs of the build VM.", false));
      v.add(new Variable("memory", "number", Value.expr("2048"), "Memory of the build VM, in MiB.", false));
      v.add(new Variable("disk_size", "number", Value.expr(String.valueOf(plan.diskMib())),
          "Disk size in MiB (the largest root disk of the machines using this image).", false));
      v.add(new Variable("headless", "bool", Value.expr("true"), "Run the build VM without a console window.", false));
    }
    if (plan.emits("qemu")) {
      v.add(new Variable("accelerator", "string", Value.string("kvm"), "QEMU accelerator: kvm, or tcg where there is no"
          + " KVM (much slower).", false));
      v.add(new Variable("qemuargs", "list(list(string))", Value.expr("[]"), "Extra QEMU arguments, e.g. to replace"
          + " the build VM's network backend; empty keeps Packer's defaults.", false));
    }
    v.add(new Variable("output_directory", "string", Value.string("output/" + plan.image().name()),
        "Folder for the built images, the manifest and the checksums (relative to where packer runs).", false));
    if (vm) {
      v.add(new Variable("ssh_username", "string", Value.string(plan.user().name()),
          "User Packer logs in as; the seed or installer creates it with passwordless sudo.", false));
      v.add(new Variable("ssh_password", "string", Value.expr("null"), "Password of ssh_username, if it has one.", true));
      v.add(new Variable("ssh_private_key_file", "string", Value.expr("null"),
          "Private key matching one of ssh_username's authorized keys.", true));
      v.add(new Variable("ssh_timeout", "string", Value.string("30m"), "How long to wait for SSH to come up.", false));
    }
    if (plan.emits("lxd")) {
      v.add(new Variable("lxd_image", "string", Value.string(plan.distro().lxdImage()),
          "LXD image the container starts from (a /cloud variant carries cloud-init).", false));
      v.add(new Variable("lxd_output_image", "string", Value.string(plan.image().name()),
          "Alias of the image LXD publishes.", false));
    }
    return v;
  }

  private List<Source> sources(List<String> emitted) {
    List<Source> sources = new ArrayList<>();
    for (String builder : emitted) {
      List<Attr> a = switch (builder) {
        case "qemu" -> qemu("qemu");
        case "lxd" -> lxd();
        case "virtualbox-iso" -> virtualbox();
        default -> vmware();
      };
      sources.add(new Source(builder, plan.image().name(), a));
      if (builder.equals("qemu")) {
        sources.add(new Source(builder, VagrantBox.source(plan.image().name()), qemu("vagrant")));
      }
    }
    return sources;
  }

  private List<Attr> machine(List<Attr> a) {
    a.add(new Attr("iso_url", Value.expr("var.iso_url")));
    a.add(new Attr("iso_checksum", Value.expr("var.iso_checksum")));
    a.add(new Attr("cpus", Value.expr("var.cpus")));
    a.add(new Attr("memory", Value.expr("var.memory")));
    a.add(new Attr("disk_size", Value.expr("var.disk_size")));
    a.add(new Attr("headless", Value.expr("var.headless")));
    return a;
  }

  private void installer(List<Attr> a) {
    a.add(new Attr("http_directory", Value.root(plan.dir() + "/http")));
    a.add(new Attr("boot_wait", Value.expr("var.boot_wait")));
    a.add(new Attr("boot_command", Value.strings(plan.distro().bootCommand())));
  }

  private void login(List<Attr> a, String outputSubdir) {
    a.add(new Attr("ssh_username", Value.expr("var.ssh_username")));
    a.add(new Attr("ssh_password", Value.expr("var.ssh_password")));
    a.add(new Attr("ssh_private_key_file", Value.expr("var.ssh_private_key_file")));
    a.add(new Attr("ssh_timeout", Value.expr("var.ssh_timeout")));
    a.add(new Attr("shutdown_command", Value.string("sudo shutdown -P now")));
    a.add(new Attr("output_directory", Value.ref("var.output_directory", "/" + outputSubdir)));
  }

  /** A qemu source writing to {@code output_directory/<outputSubdir>}. */
  private List<Attr> qemu(String outputSubdir) {
    List<Attr> a = machine(new ArrayList<>());
    a.add(new Attr("accelerator", Value.expr("var.accelerator")));
    a.add(new Attr("qemuargs", Value.expr("var.qemuargs")));
    a.add(new Attr("format", Value.string("qcow2")));
    a.add(new Attr("disk_interface", Value.string("virtio")));
    a.add(new Attr("net_device", Value.string("virtio-net")));
    a.add(new Attr("vm_name", Value.string(plan.image().name() + ".qcow2")));
    if (plan.iso()) {
      installer(a);
    } else {
      a.add(new Attr("disk_image", Value.expr("true")));
      a.add(new Attr("cd_files", Value.list(List.of(Value.root(plan.dir() + "/seed/meta-data"),
          Value.root(plan.dir() + "/seed/user-data")))));
      a.add(new Attr("cd_label", Value.string("cidata")));
    }
    login(a, outputSubdir);
    return a;
  }

  private List<Attr> lxd() {
    List<Attr> a = new ArrayList<>();
    a.add(new Attr("image", Value.expr("var.lxd_image")));
    a.add(new Attr("output_image", Value.expr("var.lxd_output_image")));
    a.add(new Attr("container_name", Value.string("packer-" + plan.image().name())));
    return a;
  }

  private List<Attr> virtualbox() {
    List<Attr> a = machine(new ArrayList<>());
    a.add(new Attr("guest_os_type", Value.string(plan.distro().virtualboxGuestType())));
    a.add(new Attr("guest_additions_mode", Value.string("disable")));
    if (plan.nested()) {
      a.add(new Attr("vboxmanage", Value.tuple(List.of(Value.tuple(
          List.of(Value.string("modifyvm"), Value.string("{{ .Name }}"), Value.string("--nested-hw-virt"),
              Value.string("on")))))));
    }
    installer(a);
    login(a, "virtualbox");
    return a;
  }

  private List<Attr> vmware() {
    List<Attr> a = machine(new ArrayList<>());
    a.add(new Attr("guest_os_type", Value.string(plan.distro().vmwareGuestType())));
    if (plan.nested()) {
      a.add(new Attr("vmx_data", Value.map(List.of(new Entry("vhv.enable", "TRUE")))));
    }
    installer(a);
    login(a, "vmware");
    return a;
  }
}
