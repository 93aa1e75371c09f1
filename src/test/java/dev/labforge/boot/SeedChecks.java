package dev.labforge.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.GuestFile;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.model.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.assertj.core.api.SoftAssertions;

/**
 * What a booted guest must show after cloud-init applied a labforge seed, read from its disk.
 * Expected values come from the model (the same objects the generators render from) and, for
 * clear-text passwords, from the spec itself; nothing is copied from the guest into the
 * expectation.
 */
final class SeedChecks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUDOERS = "/etc/sudoers.d/90-cloud-init-users";

  private SeedChecks() {}

  /**
   * @param datasource the cloud-init class name expected, e.g. DataSourceConfigDrive
   * @param instanceId the id the seed gives the instance
   * @param passwords clear-text password per user name, from the spec
   */
  static void verify(GuestDisk disk, Machine machine, String datasource, String instanceId,
      Map<String, String> passwords) {
    verify(disk, Map.of(), machine, datasource, instanceId, passwords);
  }

  /**
   * @param mounts data disks by mount point: a file below one is read from that disk (the root
   *     disk only has the empty mount point)
   */
  static void verify(GuestDisk disk, Map<String, GuestDisk> mounts, Machine machine, String datasource,
      String instanceId, Map<String, String> passwords) {
    SoftAssertions soft = new SoftAssertions();
    cloudInit(soft, disk, datasource, instanceId);
    soft.assertThat(disk.text("/etc/hostname").strip()).as("/etc/hostname").isEqualTo(machine.name());
    if (machine.timezone() != null) {
      soft.assertThat(disk.text("/etc/timezone").strip()).as("/etc/timezone").isEqualTo(machine.timezone());
    }
    GuestAccounts accounts = GuestAccounts.read(disk);
    for (User user : machine.users()) {
      user(soft, disk, accounts, user, passwords.get(user.name()));
    }
    for (GuestFile file : machine.files()) {
      String path = file.path();
      GuestDisk on = disk;
      for (Map.Entry<String, GuestDisk> mount : mounts.entrySet()) {
        if (path.startsWith(mount.getKey() + "/")) {
          on = mount.getValue();
          path = path.substring(mount.getKey().length());
        }
      }
      file(soft, on, accounts, file, path);
    }
    String runcmd = disk.text("/var/lib/cloud/instance/scripts/runcmd");
    for (String command : machine.commands()) {
      soft.assertThat(runcmd).as("runcmd script holds the command byte-exact").contains(command);
    }
    for (Nic nic : machine.nics()) {
      if (!nic.dhcp()) {
        soft.assertThat(disk.text("/etc/network/interfaces.d/50-cloud-init"))
            .as("network config rendered by cloud-init").contains("address " + nic.cidrAddress());
      }
    }
    soft.assertAll();
  }

  private static void cloudInit(SoftAssertions soft, GuestDisk disk, String datasource, String instanceId) {
    JsonNode status = json(disk.text("/var/lib/cloud/data/status.json")).path("v1");
    soft.assertThat(status.path("datasource").asText()).as("status.json datasource").startsWith(datasource + " ");
    for (String stage : List.of("init-local", "init", "modules-config", "modules-final")) {
      soft.assertThat(status.path(stage).path("errors").toString()).as("status.json %s errors", stage).isEqualTo("[]");
      soft.assertThat(status.path(stage).path("finished").isNumber()).as("stage %s finished", stage).isTrue();
    }
    JsonNode result = json(disk.text("/var/lib/cloud/data/result.json")).path("v1");
    soft.assertThat(result.path("datasource").asText()).as("result.json datasource").startsWith(datasource + " ")
        .contains("/dev/sr0");
    soft.assertThat(result.path("errors").toString()).as("result.json errors").isEqualTo("[]");
    soft.assertThat(disk.text("/var/lib/cloud/data/instance-id").strip()).as("instance id").isEqualTo(instanceId);
  }

  private static void user(SoftAssertions soft, GuestDisk disk, GuestAccounts accounts, User user, String password) {
    soft.assertThat(accounts.user(user.name())).as("/etc/passwd has %s", user.name()).isPresent();
    if (!user.sshAuthorizedKeys().isEmpty()) {
      String home = accounts.user(user.name()).map(f -> f[5]).orElse("/home/" + user.name());
      List<String> keys = disk.text(home + "/.ssh/authorized_keys").lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
      soft.assertThat(keys).as("%s's authorized_keys", user.name()).isEqualTo(user.sshAuthorizedKeys());
    }
    if (user.hasPassword()) {
      String hash = accounts.passwordHash(user.name()).orElse("");
      soft.assertThat(hash).as("/etc/shadow hash of %s", user.name()).isEqualTo(user.passwordHash());
      soft.assertThat(password).as("spec password of %s", user.name()).isNotNull();
      if (password != null && hash.startsWith("$6$")) {
        soft.assertThat(Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8), hash))
            .as("the spec's password verifies against the guest's hash").isEqualTo(hash);
      }
    }
    if (user.sudo()) {
      soft.assertThat(disk.text(SUDOERS).lines().anyMatch(l -> l.startsWith(user.name() + " ")))
          .as("%s has a sudo rule in %s", user.name(), SUDOERS).isTrue();
    }
    for (String group : user.groups()) {
      soft.assertThat(accounts.members(group)).as("members of group %s", group).contains(user.name());
    }
  }

  private static void file(SoftAssertions soft, GuestDisk disk, GuestAccounts accounts, GuestFile file,
      String pathOnDisk) {
    soft.assertThat(disk.read(pathOnDisk)).as("%s exists", file.path()).isPresent();
    disk.read(pathOnDisk).ifPresent(bytes -> soft.assertThat(bytes).as("%s content byte-exact", file.path())
        .isEqualTo(file.content().getBytes(StandardCharsets.UTF_8)));
    disk.stat(pathOnDisk).ifPresent(inode -> {
      // cloud-init's own defaults when the spec leaves them out
      String mode = file.permissions() == null ? "0644" : file.permissions();
      String[] owner = (file.owner() == null ? "root:root" : file.owner()).split(":", 2);
      soft.assertThat(inode.mode()).as("%s mode", file.path()).isEqualTo(Integer.parseInt(mode, 8));
      soft.assertThat(inode.uid()).as("%s owner", file.path()).isEqualTo(accounts.uid(owner[0]));
      soft.assertThat(inode.gid()).as("%s group", file.path())
          .isEqualTo(accounts.gid(owner.length > 1 ? owner[1] : owner[0]));
    });
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
