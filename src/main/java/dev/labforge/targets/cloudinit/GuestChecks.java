package dev.labforge.targets.cloudinit;

import dev.labforge.model.Disk;
import dev.labforge.model.Expectation;
import dev.labforge.model.GuestFile;
import dev.labforge.model.Lab;
import dev.labforge.model.LabHosts;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.model.Route;
import dev.labforge.model.Script;
import dev.labforge.model.User;
import dev.labforge.render.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A machine's check plan (/etc/labforge/checks.json): every built-in check and every expectation,
 * each with the values it compares, all decided here from the model. The guest program
 * (labforge-check) only looks and compares; it knows nothing of the spec. docs/checks.md names
 * each check.
 */
public final class GuestChecks {
  public static final String PLAN_PATH = "/etc/labforge/checks.json";
  public static final String PROGRAM_PATH = "/usr/local/sbin/labforge-check";
  /** cloud-init runs every executable here in the final stage of every boot. */
  public static final String BOOT_HOOK_PATH = "/var/lib/cloud/scripts/per-boot/labforge-check";
  /** One file per command and script: its exit status, written by the step after it. */
  public static final String MARKER_DIR = "/var/lib/labforge/ran";
  /** How long pings and TCP connects keep retrying, in all: peers boot later, or slower. */
  static final int WAIT_SECONDS = 300;
  /** The data sources a labforge seed is read through (NoCloud, config drive, LXD's, OpenStack's). */
  static final List<String> DATASOURCES = List.of("ConfigDrive", "LXD", "NoCloud", "OpenStack");

  /** Who applied the machine's configuration: cloud-init from the seed, or Vagrant's provisioners. */
  public enum Engine { CLOUD_INIT, VAGRANT }

  private final Lab lab;
  private final Machine machine;
  private final Engine engine;
  private final String etcHosts;
  private final List<Map<String, Object>> checks = new ArrayList<>();

  private GuestChecks(Lab lab, Machine machine, Engine engine, String etcHosts) {
    this.lab = lab;
    this.machine = machine;
    this.engine = engine;
    this.etcHosts = etcHosts;
  }

  /**
   * The plan as the JSON text of {@link #PLAN_PATH}; {@code etcHosts} is the machine's /etc/hosts
   * as labforge writes it, or null when the spec writes that file itself.
   */
  public static String plan(Lab lab, Machine machine, Engine engine, String etcHosts) {
    GuestChecks g = new GuestChecks(lab, machine, engine, etcHosts);
    g.cloudInit();
    g.names();
    g.users();
    g.files();
    g.ran();
    g.packages();
    g.disks();
    g.network();
    g.dns();
    g.reach();
    g.expectations();
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("lab", lab.name());
    plan.put("machine", machine.name());
    plan.put("wait_seconds", WAIT_SECONDS);
    plan.put("checks", g.checks);
    return Json.pretty(plan);
  }

  /** The marker file of the machine's {@code n}th command (1-based). */
  public static String commandMarker(int n) {
    return MARKER_DIR + "/command-" + n;
  }

  /** The marker file of the machine's {@code n}th script (1-based). */
  public static String scriptMarker(int n) {
    return MARKER_DIR + "/script-" + n;
  }

  private Map<String, Object> add(String name, String kind) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("kind", kind);
    checks.add(c);
    return c;
  }

  private void skip(String name, String reason) {
    add(name, "skip").put("reason", reason);
  }

  private void cloudInit() {
    if (engine == Engine.VAGRANT) {
      skip("cloud-init", "Vagrant provisions this machine with its own steps, not with cloud-init");
      return;
    }
    add("cloud-init status", "cloud-init-status");
    add("cloud-init errors", "cloud-init-errors");
    add("cloud-init datasource", "cloud-init-datasource").put("expected", DATASOURCES);
  }

  private void names() {
    add("hostname", "hostname").put("expected", machine.hostname());
    add("fqdn", "fqdn").put("expected", machine.fqdn());
  }

  private void users() {
    for (User u : machine.users()) {
      Map<String, Object> c = add("user " + u.name(), "user");
      c.put("user", u.name());
      c.put("shell", u.shell());
      c.put("groups", u.groups());
      if (u.sudo()) {
        add("user " + u.name() + " sudo", "sudo").put("line", u.sudoersLine());
      }
      if (!u.sshAuthorizedKeys().isEmpty()) {
        Map<String, Object> k = add("user " + u.name() + " keys", "keys");
        k.put("user", u.name());
        k.put("keys", u.sshAuthorizedKeys());
      }
      if (u.hasPassword()) {
        Map<String, Object> p = add("user " + u.name() + " password", "password");
        p.put("user", u.name());
        p.put("hash", u.passwordHash());
      }
    }
  }

  private void files() {
    if (etcHosts != null) {
      file("/etc/hosts", etcHosts, "0644", GuestFiles.ROOT_OWNER);
    }
    for (GuestFile f : machine.files()) {
      file(f.path(), f.content(), f.permissions(), f.owner());
    }
    for (Script s : machine.scripts()) {
      file(s.guestPath(), s.content(), GuestFiles.SCRIPT_MODE, GuestFiles.ROOT_OWNER);
    }
  }

  private void file(String path, String content, String mode, String owner) {
    Map<String, Object> c = add("file " + path, "file");
    c.put("path", path);
    c.put("sha256", sha256(content));
    c.put("mode", mode);
    String[] parts = owner.split(":", 2);
    c.put("owner", parts[0]);
    c.put("group", parts.length > 1 ? parts[1] : parts[0]);
  }

  private void ran() {
    String reason = "Vagrant ran it as its own provisioner; vagrant up stops at one that fails";
    List<String> commands = machine.commands();
    for (int i = 0; i < commands.size(); i++) {
      String name = "command " + (i + 1);
      if (engine == Engine.VAGRANT) {
        skip(name, reason);
      } else {
        Map<String, Object> c = add(name, "ran");
        c.put("marker", commandMarker(i + 1));
        c.put("command", commands.get(i));
      }
    }
    List<Script> scripts = machine.scripts();
    for (int i = 0; i < scripts.size(); i++) {
      String name = "script " + scripts.get(i).name();
      if (engine == Engine.VAGRANT) {
        skip(name, reason);
      } else {
        Map<String, Object> c = add(name, "ran");
        c.put("marker", scriptMarker(i + 1));
        c.put("command", String.join(" ", machine.scriptCommand(scripts.get(i))));
      }
    }
  }

  private void packages() {
    String manager = lab.image(machine.image()).packageManager().equals("apt") ? "dpkg" : "rpm";
    for (String p : machine.packages()) {
      Map<String, Object> c = add("package " + p, "package");
      c.put("manager", manager);
      // A version pin (name=1.2) installs the name; the query asks for the name.
      c.put("package", p.contains("=") ? p.substring(0, p.indexOf('=')) : p);
    }
  }

  private void disks() {
    for (Disk d : machine.disks()) {
      if (d.mount() != null) {
        Map<String, Object> c = add("disk " + d.name(), "mount");
        c.put("mount", d.mount());
        c.put("fs", d.fs());
      }
    }
  }

  private void network() {
    for (Nic n : machine.nics()) {
      Map<String, Object> c = add("nic " + n.ifname(), "nic");
      // Vagrant gives a NIC a MAC of its own choosing; its address finds it there.
      c.put("mac", engine == Engine.VAGRANT ? null : n.mac());
      c.put("address", n.dhcp() ? null : String.valueOf(n.ip()));
      c.put("prefix", n.prefix());
      if (n.defaultRoute()) {
        if (engine == Engine.VAGRANT) {
          skip("route default", "Vagrant's own NAT NIC keeps the default route");
        } else {
          route("route default", "0.0.0.0/0", String.valueOf(n.gateway()));
        }
      }
      for (Route r : n.routes()) {
        route("route " + r.to(), String.valueOf(r.to()), String.valueOf(r.via()));
      }
    }
    if (machine.forwarding()) {
      add("forwarding", "forwarding");
    }
  }

  private void route(String name, String to, String via) {
    Map<String, Object> c = add(name, "route");
    c.put("to", to);
    c.put("via", via);
  }

  /** Each name of the machine's own /etc/hosts resolves to its line's address; none when the spec writes that file. */
  private void dns() {
    if (etcHosts == null) {
      return;
    }
    for (LabHosts.Line line : LabHosts.lines(lab, machine)) {
      if (line.ip() == null || line.names().isEmpty()) {
        continue;
      }
      Map<String, Object> c = add("dns " + line.names().get(line.names().size() > 1 ? 1 : 0), "dns");
      c.put("host", line.names().get(line.names().size() > 1 ? 1 : 0));
      c.put("address", String.valueOf(line.ip()));
    }
  }

  /**
   * Every peer's fixed address on each network the machine is on, then each machine behind each of
   * its routes (at its first address the route covers). In a lab over {@link LabHosts#SEED_LIMIT}
   * machines, only the machines next to it in lab order on each network and the routers there, and
   * the first machine behind each route: every link is still pinged by someone, and no plan grows
   * with the square of the lab.
   */
  private void reach() {
    boolean all = LabHosts.listsAll(lab);
    Set<String> done = new LinkedHashSet<>();
    for (Nic mine : machine.nics()) {
      List<Machine> peers = lab.machines().stream().filter(m -> m != machine)
          .filter(m -> m.nics().stream().anyMatch(n -> !n.dhcp() && n.network().equals(mine.network()))).toList();
      for (Machine peer : all ? peers : neighbours(mine.network())) {
        Nic theirs = peer.nics().stream().filter(n -> !n.dhcp() && n.network().equals(mine.network()))
            .findFirst().orElseThrow();
        ping("reach " + peer.name() + " on " + mine.network(), String.valueOf(theirs.ip()), done);
      }
    }
    for (Nic mine : machine.nics()) {
      for (Route r : mine.routes()) {
        for (Machine peer : lab.machines()) {
          if (peer == machine) {
            continue;
          }
          var behind = peer.nics().stream().filter(n -> !n.dhcp())
              .filter(n -> r.to().contains(n.ip())).findFirst();
          if (behind.isPresent()) {
            ping("reach " + peer.name() + " via " + r.via(), String.valueOf(behind.get().ip()), done);
            if (!all) {
              break;
            }
          }
        }
      }
    }
  }

  /** In a big lab: the machines before and after this one on the network, and its routers. */
  private List<Machine> neighbours(String network) {
    List<Machine> on = lab.machines().stream()
        .filter(m -> m.nics().stream().anyMatch(n -> !n.dhcp() && n.network().equals(network))).toList();
    int me = on.indexOf(machine);
    List<Machine> out = new ArrayList<>();
    for (int i = 0; i < on.size(); i++) {
      boolean next = me >= 0 && on.size() > 1 && (i == Math.floorMod(me - 1, on.size()) || i == (me + 1) % on.size());
      if (on.get(i) != machine && (next || on.get(i).forwarding())) {
        out.add(on.get(i));
      }
    }
    return out;
  }

  private void ping(String name, String address, Set<String> done) {
    if (done.add(address)) {
      add(name, "ping").put("address", address);
    }
  }

  private void expectations() {
    List<Expectation> expect = machine.expect();
    for (int i = 0; i < expect.size(); i++) {
      Expectation e = expect.get(i);
      String name = "expect " + (i + 1) + ": ";
      if (e.command() != null) {
        Map<String, Object> c = add(name + e.command(), "command");
        c.put("command", e.command());
        c.put("stdout", e.stdout());
      } else if (e.ping() != null) {
        add(name + "ping " + e.ping(), "ping").put("address", address(e.ping()));
      } else {
        Map<String, Object> c = add(name + "tcp " + e.tcp(), "tcp");
        c.put("address", address(e.tcpHost()));
        c.put("port", e.tcpPort());
      }
    }
  }

  /**
   * A machine name's address as this machine reaches it (on a network both are on, else the
   * other's first fixed address); an address stays as it is.
   */
  private String address(String host) {
    Machine other = lab.machines().stream().filter(m -> m.name().equals(host)).findFirst().orElse(null);
    if (other == null) {
      return host;
    }
    Nic shared = other.nics().stream().filter(n -> !n.dhcp())
        .filter(n -> machine.nics().stream().anyMatch(v -> v.network().equals(n.network()))).findFirst()
        .orElseGet(() -> other.nics().stream().filter(n -> !n.dhcp()).findFirst().orElseThrow());
    return String.valueOf(shared.ip());
  }

  private static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
