package dev.labforge.model;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.Generator;
import dev.labforge.SpecInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.codec.digest.Crypt;
import org.junit.jupiter.api.Test;

class ModelBuilderTest {
  static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMK8u9Fgcnomj8MdJekMGl7wkw+OsAdPx8pMUI3VTtsE lab@workstation";

  static Lab lab(String yaml) throws Exception {
    return Rendered.load(new SpecInput("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of(".")));
  }

  static String spec(String machines) {
    return """
        version: 1
        name: t
        defaults:
          image: deb
          cpus: 2
          memory: 2GiB
          packages: [vim]
          users: [{name: lab, sudo: true, password: secret, ssh_authorized_keys: ["%s"]}]
        images:
          deb: {os: debian, release: "12", source: {url: "https://example.org/d.qcow2", format: qcow2}}
        networks:
          - {name: lan, cidr: 192.168.10.0/24}
          - {name: dyn, cidr: 10.0.0.0/24, dhcp: true}
        machines:
        %s""".formatted(KEY, machines);
  }

  @Test
  void defaultsMergeAndMachineKeysOverrideThem() throws Exception {
    Lab lab = lab(spec("  - {name: a, cpus: 4, packages: [git]}\n  - {name: b}\n"));
    Machine a = lab.machines().get(0);
    Machine b = lab.machines().get(1);
    assertThat(a.cpus()).isEqualTo(4);
    assertThat(a.packages()).containsExactly("git");
    assertThat(b.cpus()).isEqualTo(2);
    assertThat(b.memoryMib()).isEqualTo(2048);
    assertThat(b.packages()).containsExactly("vim");
    assertThat(b.users()).extracting(User::name).containsExactly("lab");
    assertThat(b.timezone()).isEqualTo("UTC");
    assertThat(b.diskMib()).isEqualTo(10 * 1024);
  }

  @Test
  void countExpandsToNumberedMachinesInOrder() throws Exception {
    Lab lab = lab(spec("  - {name: w, count: 3}\n  - {name: z}\n"));
    assertThat(lab.machines()).extracting(Machine::name).containsExactly("w-1", "w-2", "w-3", "z");
    assertThat(lab.machines()).extracting(Machine::index).containsExactly(0, 1, 2, 3);
  }

  @Test
  void derivedAddressesSkipStaticOnesAndTheGatewayAndDhcpNetworksGetNone() throws Exception {
    Lab lab = lab(spec("""
          - {name: a, nics: [{network: lan}]}
          - {name: b, nics: [{network: lan, ip: 192.168.10.11}, {network: dyn}]}
          - {name: c, nics: [{network: lan}]}
        """));
    assertThat(lab.machines().get(0).nics().get(0).ip()).hasToString("192.168.10.10");
    assertThat(lab.machines().get(1).nics().get(0).ip()).hasToString("192.168.10.11");
    assertThat(lab.machines().get(1).nics().get(1).ip()).isNull();
    assertThat(lab.machines().get(1).nics().get(1).dhcp()).isTrue();
    assertThat(lab.machines().get(2).nics().get(0).ip()).hasToString("192.168.10.12");
    assertThat(lab.machines().get(1).nics()).extracting(Nic::defaultRoute).containsExactly(true, false);
    assertThat(lab.network("lan").gateway()).hasToString("192.168.10.1");
    assertThat(lab.network("lan").dns()).containsExactly(Address.of(192, 168, 10, 1));
    assertThat(lab.network("lan").netmask()).hasToString("255.255.255.0");
  }

  @Test
  void derivedAddressesSkipDnsServersInsideTheNetwork() throws Exception {
    Lab lab = lab(spec("  - {name: a, nics: [{network: lan}]}\n").replace(
        "{name: lan, cidr: 192.168.10.0/24}", "{name: lan, cidr: 192.168.10.0/24, dns: [192.168.10.10]}"));
    assertThat(lab.machines().get(0).primaryNic().ip()).hasToString("192.168.10.11");
  }

  @Test
  void aMachineWithoutNicsGetsOneOnTheFirstNetwork() throws Exception {
    Nic nic = lab(spec("  - {name: a}\n")).machines().get(0).primaryNic();
    assertThat(nic.network()).isEqualTo("lan");
    assertThat(nic.ifname()).isEqualTo("eth0");
    assertThat(nic.cidrAddress()).isEqualTo("192.168.10.10/24");
  }

  @Test
  void macsAreQemuLocalUniqueAndStable() throws Exception {
    Lab lab = lab(spec("  - {name: w, count: 40, nics: [{network: dyn}, {network: dyn}]}\n"));
    Set<String> macs = new HashSet<>();
    for (Machine m : lab.machines()) {
      for (Nic n : m.nics()) {
        assertThat(n.mac()).matches("52:54:00(:[0-9a-f]{2}){3}");
        assertThat(macs.add(n.mac())).as("unique %s", n.mac()).isTrue();
      }
    }
    Lab again = lab(spec("  - {name: w, count: 40, nics: [{network: dyn}, {network: dyn}]}\n"));
    assertThat(again).isEqualTo(lab);
  }

  @Test
  void passwordsAreHashedWithSha512CryptAndVerify() throws Exception {
    User user = lab(spec("  - {name: a}\n")).machines().get(0).users().get(0);
    assertThat(user.passwordHash()).startsWith("$6$").doesNotContain("secret");
    assertThat(Crypt.crypt("secret", user.passwordHash())).isEqualTo(user.passwordHash());
    assertThat(Crypt.crypt("Secret", user.passwordHash())).isNotEqualTo(user.passwordHash());
  }

  @Test
  void instanceIdChangesExactlyWhenTheMachineChanges() throws Exception {
    String base = spec("  - {name: a}\n  - {name: b}\n");
    Lab one = lab(base);
    Lab same = lab(base);
    Lab changedB = lab(spec("  - {name: a}\n  - {name: b, packages: [git]}\n"));
    assertThat(same.machines().get(0).instanceId()).isEqualTo(one.machines().get(0).instanceId());
    assertThat(changedB.machines().get(0).instanceId()).isEqualTo(one.machines().get(0).instanceId());
    assertThat(changedB.machines().get(1).instanceId()).isNotEqualTo(one.machines().get(1).instanceId());
    assertThat(one.machines().get(0).instanceId()).matches("iid-[0-9a-f]{16}");
    assertThat(one.machines().get(0).uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void disksGetVirtioDevicesInOrder() throws Exception {
    Lab lab = lab(spec("  - {name: a, disks: [{name: x, size: 2GiB, mount: /x}, {name: y, size: 1536MiB}]}\n"));
    List<Disk> disks = lab.machines().get(0).disks();
    assertThat(disks).extracting(Disk::device).containsExactly("vdb", "vdc");
    assertThat(disks.get(1).mount()).isNull();
    assertThat(disks.get(1).sizeGib()).isEqualTo(2);
    assertThat(disks.get(0).fs()).isEqualTo("ext4");
  }

  @Test
  void addressesAreTypedHereAndTheDomainDecidedOnce() throws Exception {
    Lab lab = lab(spec("  - {name: a, nics: [{network: lan}, {network: dyn}]}\n").replace(
        "{name: lan, cidr: 192.168.10.0/24}", "{name: lan, cidr: 192.168.10.0/24, gateway: 192.168.10.254, dns: [192.168.10.53, 1.1.1.1]}"));
    Network lan = lab.network("lan");
    assertThat(lan.subnet()).isEqualTo(Ips.subnet("192.168.10.0/24"));
    assertThat(lan.gateway()).isEqualTo(Address.of(192, 168, 10, 254));
    assertThat(lan.gatewayCidr()).isEqualTo("192.168.10.254/24");
    assertThat(lan.dns()).containsExactly(Address.of(192, 168, 10, 53), Address.of(1, 1, 1, 1));
    assertThat(lab.network("dyn").gateway()).as("the first host by default").isEqualTo(Address.of(10, 0, 0, 1));
    Machine a = lab.machines().get(0);
    Nic static0 = a.nics().get(0);
    assertThat(static0.ip()).isEqualTo(Address.of(192, 168, 10, 10));
    assertThat(static0.subnet()).isEqualTo(lan.subnet());
    assertThat(static0.gateway()).isEqualTo(lan.gateway());
    assertThat(static0.netmask()).hasToString("255.255.255.0");
    assertThat(a.nics().get(1).ip()).isNull();
    assertThat(a.nics().get(1).cidrAddress()).isNull();
    assertThat(lab.domain()).isEqualTo("t.internal");
    assertThat(a.fqdn()).isEqualTo("a." + lab.domain());
  }
}
