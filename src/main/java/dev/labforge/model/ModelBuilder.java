package dev.labforge.model;

import dev.labforge.spec.Ipv4;
import dev.labforge.spec.Sizes;
import dev.labforge.spec.Expansion;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.rules.DerivedAddresses;
import dev.labforge.schema.SpecDefaults;
import dev.labforge.spec.LocatedTree;
import dev.labforge.spec.SpecFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stage 3: builds the immutable {@link Lab} from a spec that passed {@code SpecRules}; every problem
 * has been found by then (a network with no free address too, by the address rule).
 */
public final class ModelBuilder {

  private final LocatedTree tree;
  private final JsonNode spec;
  private final String labName;
  /** One crypt per user and password: at 50000 rounds, a lab of many machines would hash each again. */
  private final Map<List<String>, String> hashes = new java.util.HashMap<>();

  private ModelBuilder(LocatedTree tree) {
    this.tree = tree;
    this.spec = tree.root();
    this.labName = spec.path("name").asText();
  }

  /** The lab of a spec that passed {@code SpecRules}: every rule the model relies on has held. */
  public static Lab build(LocatedTree tree) {
    return new ModelBuilder(tree).lab();
  }

  private Lab lab() {
    List<Image> images = new ArrayList<>();
    new TreeMap<String, JsonNode>(fields(spec.path("images"))).forEach((name, node) -> images.add(image(name, node)));
    List<Network> networks = new ArrayList<>();
    for (JsonNode n : spec.path("networks")) {
      networks.add(network(n, gatewayOwner(n)));
    }
    DerivedAddresses addresses = DerivedAddresses.of(spec);
    Macs macs = new Macs(labName);
    List<Machine> machines = new ArrayList<>();
    JsonNode defaults = spec.path("defaults");
    JsonNode machineNodes = spec.path("machines");
    for (int m = 0; m < machineNodes.size(); m++) {
      JsonNode node = machineNodes.get(m);
      for (String name : Expansion.names(node)) {
        machines.add(machine(name, machines.size(), "/machines/" + m, node, defaults, networks, addresses, macs));
      }
    }
    return new Lab(labName, spec.path("description").asText(SpecDefaults.LAB_DESCRIPTION), tree.source().name(),
        List.copyOf(images), List.copyOf(networks), List.copyOf(machines), targets());
  }

  private Image image(String name, JsonNode node) {
    JsonNode source = node.path("source");
    List<String> builders = strings(node.get("builders"));
    return new Image(name, node.path("os").asText(), node.path("release").asText(),
        source.path("url").asText(), source.path("checksum").asText(SpecDefaults.CHECKSUM), source.path("format").asText(),
        builders.isEmpty() ? SpecDefaults.BUILDERS : builders,
        node.path("vagrant_box").asText(defaultBox(node)),
        node.path("openstack_image").asText(name),
        strings(node.get("packages")), strings(node.get("commands")), files(node.path("files")),
        scripts(node.path("scripts"), "/var/lib/labforge/image-scripts/"));
  }

  private static String defaultBox(JsonNode image) {
    String release = image.path("release").asText().replace(".", "");
    return "generic/" + image.path("os").asText() + release;
  }

  private static Network network(JsonNode node, String gatewayOwner) {
    Subnet subnet = subnet(node.path("cidr").asText());
    Address gateway = gateway(node);
    List<Address> dns = strings(node.get("dns")).stream().map(ModelBuilder::address).toList();
    List<Route> routes = new ArrayList<>();
    node.path("routes").forEach(r -> routes.add(new Route(subnet(r.path("to").asText()), address(r.path("via").asText()))));
    return new Network(node.path("name").asText(), subnet, gateway, node.path("dhcp").asBoolean(SpecDefaults.DHCP),
        dns.isEmpty() ? List.of(gateway) : dns, node.path("kind").asText(SpecDefaults.KIND), List.copyOf(routes), gatewayOwner);
  }

  private static Address gateway(JsonNode network) {
    return network.hasNonNull("gateway") ? address(network.get("gateway").asText())
        : subnet(network.path("cidr").asText()).defaultGateway();
  }

  /**
   * The one place address text becomes a typed value; the rules have checked every text by then, so
   * text that does not parse is a bug here.
   */
  private static Address address(String text) {
    return new Address(Ipv4.parse(text).orElseThrow(() -> new IllegalStateException("the address rule let " + text + " pass")));
  }

  private static Subnet subnet(String text) {
    Ipv4.Cidr cidr = Ipv4.Cidr.parse(text).orElseThrow(() -> new IllegalStateException("the address rule let " + text + " pass"));
    return new Subnet(new Address(cidr.network()), cidr.prefix());
  }

  /** The machine whose static ip on this network is its gateway (the rules allow only a router). */
  private String gatewayOwner(JsonNode network) {
    String name = network.path("name").asText();
    Address gateway = gateway(network);
    for (JsonNode machine : spec.path("machines")) {
      for (JsonNode nic : machine.path("nics")) {
        if (name.equals(nic.path("network").asText()) && nic.hasNonNull("ip") && gateway.equals(address(nic.get("ip").asText()))) {
          return machine.path("name").asText();
        }
      }
    }
    return null;
  }

  private Machine machine(String name, int index, String pointer, JsonNode node, JsonNode defaults,
      List<Network> networks, DerivedAddresses addresses, Macs macs) {
    JsonNode cpus = pick(node, defaults, "cpus");
    List<Network> nicNetworks = new ArrayList<>();
    List<Address> ips = new ArrayList<>();
    JsonNode nicNodes = node.get("nics");
    if (nicNodes == null) {
      nicNetworks.add(networks.get(0));
      ips.add(address(name, 0, null, networks.get(0), addresses));
    } else {
      for (int i = 0; i < nicNodes.size(); i++) {
        JsonNode ip = nicNodes.get(i).get("ip");
        Network network = network(networks, nicNodes.get(i).path("network").asText());
        nicNetworks.add(network);
        ips.add(address(name, i, ip == null ? null : ip.asText(), network, addresses));
      }
    }
    List<Nic> nics = nics(name, nicNetworks, ips, macs);
    List<Disk> disks = new ArrayList<>();
    for (JsonNode d : node.path("disks")) {
      String device = "vd" + (char) ('b' + disks.size());
      disks.add(new Disk(d.path("name").asText(), size(d.get("size"), 0),
          d.hasNonNull("mount") ? d.get("mount").asText() : null, d.path("fs").asText(SpecDefaults.FS), device));
    }
    List<GuestFile> files = files(node.path("files"));
    List<Script> scripts = scripts(node.path("scripts"), "/var/lib/labforge/scripts/");
    Machine draft = Machine.builder()
        .name(name)
        .index(index)
        .description(node.path("description").asText(SpecDefaults.DESCRIPTION))
        .image(pick(node, defaults, "image").asText())
        .cpus(cpus == null ? SpecDefaults.CPUS : cpus.asInt())
        .memoryMib(size(pick(node, defaults, "memory"), SpecDefaults.MEMORY_MIB))
        .diskMib(size(pick(node, defaults, "disk"), SpecDefaults.DISK_MIB))
        .nestedVirtualization(
            Optional.ofNullable(pick(node, defaults, "nested_virtualization")).map(JsonNode::asBoolean)
            .orElse(SpecDefaults.NESTED_VIRTUALIZATION))
        .forwarding(node.path("forwarding").asBoolean(SpecDefaults.FORWARDING))
        .timezone(Optional.ofNullable(pick(node, defaults, "timezone")).map(JsonNode::asText)
            .orElse(SpecDefaults.TIMEZONE))
        .users(users(pick(node, defaults, "users")))
        .packages(strings(pick(node, defaults, "packages")))
        .disks(disks)
        .nics(nics)
        .files(files)
        .commands(strings(node.get("commands")))
        .scripts(scripts)
        .hostname(name)
        .fqdn(name + "." + Lab.domainOf(labName))
        .expect(expectations(pick(node, defaults, "expect")))
        .build();
    return MachineIds.withInstanceId(labName, draft);
  }

  /**
   * The size the spec gives, or {@code absent} when it gives none. A size that is present but not
   * one is a bug here, never a silent default: the size rule has refused it already.
   */
  private static long size(JsonNode node, long absent) {
    if (node == null || node.isNull()) {
      return absent;
    }
    return Sizes.mib(node).orElseThrow(() -> new IllegalStateException("the size rule let " + node + " pass"));
  }

  private static List<GuestFile> files(JsonNode list) {
    List<GuestFile> files = new ArrayList<>();
    for (JsonNode f : list) {
      files.add(new GuestFile(f.path("path").asText(), f.path("content").asText(),
          normalMode(f.path("permissions").asText(SpecDefaults.PERMISSIONS)),
          f.path("owner").asText(SpecDefaults.OWNER)));
    }
    return List.copyOf(files);
  }

  private static List<Expectation> expectations(JsonNode list) {
    List<Expectation> out = new ArrayList<>();
    if (list != null) {
      list.forEach(e -> out.add(new Expectation(text(e, "command"), text(e, "stdout"), text(e, "ping"), text(e, "tcp"))));
    }
    return List.copyOf(out);
  }

  private static String text(JsonNode node, String key) {
    return node.hasNonNull(key) ? node.get(key).asText() : null;
  }

  private List<Script> scripts(JsonNode list, String guestDir) {
    List<Script> scripts = new ArrayList<>();
    for (JsonNode s : list) {
      String path = s.path("path").asText();
      String content = SpecFiles.read(tree.source(), path).text();
      scripts.add(new Script(s.path("name").asText(), path,
          guestDir + String.format("%02d", scripts.size() + 1) + "-" + s.path("name").asText() + ".sh",
          content, s.path("privileged").asBoolean(SpecDefaults.PRIVILEGED)));
    }
    return List.copyOf(scripts);
  }

  private static Network network(List<Network> networks, String name) {
    return networks.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  /** The spec's ip, the derived one, or null for DHCP. */
  private static Address address(String machine, int index, String ip, Network network, DerivedAddresses addresses) {
    // The address rule has made sure a derived address exists for every static NIC.
    String text = ip != null || network.dhcp() ? ip : addresses.address(machine, index);
    return text == null ? null : address(text);
  }

  /**
   * The default route goes on the first NIC whose address is not its network's gateway: a router
   * that owns the gateway of its first network takes it from the next one, or has none. A network's
   * routes apply except those through the machine's own address or to a network it is on.
   */
  private static List<Nic> nics(String machine, List<Network> networks, List<Address> ips, Macs macs) {
    List<Nic> nics = new ArrayList<>();
    boolean defaultTaken = false;
    for (int i = 0; i < networks.size(); i++) {
      Network network = networks.get(i);
      Address ip = ips.get(i);
      boolean ownsGateway = network.gateway().equals(ip);
      boolean defaultRoute = !defaultTaken && !ownsGateway;
      defaultTaken |= defaultRoute;
      List<Route> routes = network.routes().stream()
          .filter(r -> !ips.contains(r.via()) && !onNetwork(r.to(), networks)).toList();
      nics.add(new Nic(i, "eth" + i, network.name(), ip, network.subnet(), network.gateway(), macs.next(machine, i),
          defaultRoute, network.dns(), routes));
    }
    return List.copyOf(nics);
  }

  private static boolean onNetwork(Subnet to, List<Network> networks) {
    return networks.stream().anyMatch(n -> n.subnet().contains(to));
  }

  private List<User> users(JsonNode list) {
    List<User> users = new ArrayList<>();
    if (list == null) {
      return users;
    }
    for (JsonNode u : list) {
      String name = u.path("name").asText();
      String hash = u.hasNonNull("password")
          ? hashes.computeIfAbsent(List.of(name, u.get("password").asText()), k -> Passwords.hash(labName, k.get(0), k.get(1)))
          : u.hasNonNull("password_hash") ? u.get("password_hash").asText() : null;
      users.add(new User(name, u.path("sudo").asBoolean(SpecDefaults.SUDO), strings(u.get("ssh_authorized_keys")), hash,
          strings(u.get("groups")), u.path("shell").asText(SpecDefaults.SHELL)));
    }
    return List.copyOf(users);
  }

  private TargetSettings targets() {
    java.util.Set<String> disabled = new java.util.TreeSet<>();
    Map<String, JsonNode> nodes = new TreeMap<>();
    spec.path("targets").fields().forEachRemaining(e -> {
      nodes.put(e.getKey(), e.getValue().deepCopy());
      if (!e.getValue().path("enabled").asBoolean(SpecDefaults.enabled(e.getKey()))) {
        disabled.add(e.getKey());
      }
    });
    return new TargetSettings(java.util.Collections.unmodifiableSet(disabled),
        java.util.Collections.unmodifiableMap(nodes));
  }

  /** "644" and "0644" mean the same; outputs always get four digits. */
  private static String normalMode(String mode) {
    return mode.length() == 3 ? "0" + mode : mode;
  }

  private static JsonNode pick(JsonNode machine, JsonNode defaults, String key) {
    return machine.has(key) ? machine.get(key) : defaults.get(key);
  }

  static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    if (list != null) {
      list.forEach(v -> out.add(v.asText()));
    }
    return List.copyOf(out);
  }

  private static Map<String, JsonNode> fields(JsonNode object) {
    Map<String, JsonNode> out = new TreeMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
