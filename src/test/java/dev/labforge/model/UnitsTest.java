package dev.labforge.model;

import dev.labforge.spec.Ipv4;
import dev.labforge.spec.Sizes;
import dev.labforge.spec.SshKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class UnitsTest {
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void sizesParseIntegersAsMibAndStringsWithUnits() {
    assertThat(Sizes.mib(F.numberNode(512))).contains(512L);
    assertThat(Sizes.mib(F.textNode("2GiB"))).contains(2048L);
    assertThat(Sizes.mib(F.textNode("1.5 GiB"))).contains(1536L);
    assertThat(Sizes.mib(F.textNode("1TiB"))).contains(1024L * 1024);
    assertThat(Sizes.mib(F.textNode("2GB"))).isEmpty();
    assertThat(Sizes.mib(F.textNode("0.1MiB"))).isEmpty();
    assertThat(Sizes.mib(F.numberNode(0))).isEmpty();
    assertThat(Sizes.show(2048)).isEqualTo("2 GiB");
    assertThat(Sizes.show(1536)).isEqualTo("1536 MiB");
    assertThat(Sizes.show(1024L * 1024)).isEqualTo("1 TiB");
  }

  @Test
  void ipv4ParsingIsStrict() {
    assertThat(Ipv4.parse("192.168.1.1")).contains(0xC0A80101L);
    assertThat(Ipv4.parse("255.255.255.255")).contains(0xFFFFFFFFL);
    assertThat(Ipv4.parse("192.168.1")).isEmpty();
    assertThat(Ipv4.parse("192.168.1.256")).isEmpty();
    assertThat(Ipv4.parse("192.168.01.1")).as("leading zero reads as octal elsewhere").isEmpty();
    assertThat(Ipv4.parse("1.2.3.4 ")).isEmpty();
    assertThat(Ipv4.format(0xC0A80101L)).isEqualTo("192.168.1.1");
  }

  @Test
  void cidrArithmetic() {
    Ipv4.Cidr c = Ipv4.Cidr.parse("10.1.0.0/24").orElseThrow();
    assertThat(c.exact()).isTrue();
    assertThat(Ipv4.format(c.broadcast())).isEqualTo("10.1.0.255");
    assertThat(c.netmask()).isEqualTo("255.255.255.0");
    assertThat(c.contains(Ipv4.parse("10.1.0.77").orElseThrow())).isTrue();
    assertThat(c.contains(Ipv4.parse("10.1.1.0").orElseThrow())).isFalse();
    assertThat(c.overlaps(Ipv4.Cidr.parse("10.1.0.128/25").orElseThrow())).isTrue();
    assertThat(c.overlaps(Ipv4.Cidr.parse("10.1.1.0/24").orElseThrow())).isFalse();
    assertThat(Ipv4.Cidr.parse("10.1.0.5/24").orElseThrow().exact()).isFalse();
    assertThat(Ipv4.Cidr.parse("10.1.0.0/33")).isEmpty();
    assertThat(Ipv4.Cidr.parse("0.0.0.0/0").orElseThrow().contains(0xFFFFFFFFL)).isTrue();
  }

  @Test
  void sshKeysAreDecodedAndTheirTypeCompared() {
    String ed = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMK8u9Fgcnomj8MdJekMGl7wkw+OsAdPx8pMUI3VTtsE lab@workstation";
    assertThat(SshKeys.problem(ed)).isEmpty();
    assertThat(SshKeys.problem(ed.replace(" lab@workstation", ""))).isEmpty();
    assertThat(SshKeys.problem("ssh-rsa" + ed.substring("ssh-ed25519".length())))
        .contains("the key says 'ssh-rsa' but its data holds a 'ssh-ed25519' key");
    assertThat(SshKeys.problem("ssh-ed25519")).contains("not an OpenSSH public key; expected 'TYPE BASE64 [COMMENT]'");
    assertThat(SshKeys.problem("ssh-ed25519 AAAA\nssh-rsa AAAA")).contains("an SSH public key must be a single line");
    assertThat(SshKeys.problem("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5")).contains("an ssh-ed25519 key must hold 32 bytes of key data");
    assertThat(SshKeys.problem("ssh-ed25519 AAAAC3Nz")).contains("the key data is truncated");
  }

  @Test
  void uuidsAreDerivedAndStable() {
    assertThat(Ids.uuidOf("iid-0123456789abcdef")).isEqualTo(Ids.uuidOf("iid-0123456789abcdef"));
    assertThat(Ids.uuidOf("iid-0123456789abcdef")).isNotEqualTo(Ids.uuidOf("iid-0123456789abcdee"));
  }
}
