package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cli.Main;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import dev.labforge.targets.Tools;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;

/** {@code labforge check} passes a fresh tree and catches each kind of damage with the right tool. */
class CloudInitChecksTest {
  static final Path SPEC = Path.of("examples/lpic3-353.yaml");

  @Test
  void checkPassesAFreshTree() throws Exception {
    RealTools.require(SeedCheckScript.PYTHON, "cloud-init", "xorriso", "blkid");
    Path lab = Specs.generate(SPEC, Files.createTempDirectory("labforge-check"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "check", lab.toString());
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("ok   cloud-init schema", "ok   cloud-init readers",
        "ok   xorriso seed images", "ok   blkid seed labels");
  }

  @Test
  void sudoAsAListFailsCloudInitSchema() throws Exception {
    RealTools.require("cloud-init");
    Path lab = Specs.generate(SPEC, Files.createTempDirectory("labforge-check"));
    Path userData = lab.resolve("cloud-init/cloud/user-data");
    Files.writeString(userData, Files.readString(userData)
        .replace("sudo: \"ALL=(ALL) NOPASSWD:ALL\"", "sudo: [\"ALL=(ALL) NOPASSWD:ALL\"]"));
    assertThat(new CloudInitSchemaCheck().run(lab, Tools.system())).singleElement().asString()
        .startsWith("cloud-init/cloud/user-data: ");
  }

  @Test
  void driftBetweenSeedAndDriveFailsTheReaders() throws Exception {
    RealTools.require(SeedCheckScript.PYTHON, "cloud-init");
    Path lab = Specs.generate(SPEC, Files.createTempDirectory("labforge-check"));
    Path metaData = lab.resolve("cloud-init/packer/meta-data");
    Files.writeString(metaData, Files.readString(metaData).replace("local-hostname: \"packer\"", "local-hostname: \"other\""));
    Path broken = lab.resolve("cloud-init/cloud/network-config");
    Files.writeString(broken, Files.readString(broken).replace("address: \"192.168.56.10/24\"", "address: default/24"));
    assertThat(new CloudInitReadersCheck().run(lab, Tools.system()))
        .anyMatch(p -> p.startsWith("cloud-init/packer: hostname differ"))
        .anyMatch(p -> p.contains("cloud-init/cloud: network-config: ValueError: Address default/24 is not a valid ip address"));
  }

  @Test
  void aSwappedOrStaleImageFailsXorrisoAndBlkid() throws Exception {
    RealTools.require("xorriso", "blkid");
    Path lab = Specs.generate(SPEC, Files.createTempDirectory("labforge-check"));
    Path machine = lab.resolve("cloud-init/cloud");
    Files.copy(machine.resolve("config-drive.iso"), machine.resolve("nocloud.iso"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(lab.resolve("cloud-init/packer/config-drive/openstack/latest/user_data"), "#cloud-config\n");
    assertThat(new SeedIsoCheck().run(lab, Tools.system()))
        .anyMatch(p -> p.startsWith("cloud-init/cloud/nocloud.iso: primary volume id is not CIDATA"))
        .anyMatch(p -> p.startsWith("cloud-init/cloud/nocloud.iso: holds"))
        .anyMatch(p -> p.equals("cloud-init/packer/config-drive.iso: openstack/latest/user_data differs from "
            + "cloud-init/packer/config-drive/openstack/latest/user_data"));
    assertThat(new IsoLabelCheck().run(lab, Tools.system()))
        .containsExactly("cloud-init/cloud/nocloud.iso: blkid label is 'config-2', expected 'cidata'");
  }
}
