package dev.labforge.targets.lxd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.labforge.model.Address;
import dev.labforge.model.Host;
import dev.labforge.model.HostNames;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.render.RenderedFile;
import dev.labforge.schema.SchemaValidator;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A lab with {@code hosts} on the lxd target: a preseed per member (the first bootstraps, the others
 * join), lab.sh places each placed machine with its host and spans every network over the members
 * with its own VXLAN id and group. Everything is read back from the files and compared with the spec's model.
 */
class LxdClusterTest {
  static final Path SPEC = Path.of("examples/lxd-cluster.yaml");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String SCHEMA = "schemas/lxd/cluster-member.schema.json";

  @Test
  void everyHostHasAPreseedThatBootstrapsOrJoins() throws Exception {
    Lab lab = Specs.lab(SPEC);
    Map<String, RenderedFile> files = files();
    List<Host> hosts = lab.hosts();
    assertThat(files.keySet().stream().filter(p -> p.startsWith("lxd/cluster/")).sorted())
        .containsExactlyElementsOf(hosts.stream().map(h -> "lxd/cluster/" + h.name() + ".yaml").sorted().toList());
    for (int i = 0; i < hosts.size(); i++) {
      Host host = hosts.get(i);
      JsonNode preseed = YAML.readTree(files.get("lxd/cluster/" + host.name() + ".yaml").text());
      assertThat(SchemaValidator.validate(SCHEMA, preseed)).as(host.name()).isEmpty();
      JsonNode cluster = preseed.path("cluster");
      assertThat(cluster.path("enabled").asBoolean()).isTrue();
      assertThat(cluster.path("server_name").asText()).isEqualTo(host.name());
      if (i == 0) {
        assertThat(preseed.path("config").path("core.https_address").asText()).isEqualTo(host.address() + ":8443");
        assertThat(cluster.has("server_address") || cluster.has("cluster_token")).as("the first host joins nobody").isFalse();
      } else {
        assertThat(preseed.has("config")).isFalse();
        assertThat(cluster.path("server_address").asText()).isEqualTo(host.address() + ":8443");
        assertThat(cluster.path("cluster_token").asText("absent")).as("lab.sh fills the token in").isEmpty();
        assertThat(cluster.path("member_config")).isEmpty();
      }
    }
  }

  @Test
  void theMemberSchemaTellsABootstrapFromAJoin() throws Exception {
    JsonNode join = YAML.readTree(files().get("lxd/cluster/node-b.yaml").text());
    ObjectNode noToken = join.deepCopy();
    ((ObjectNode) noToken.path("cluster")).remove("cluster_token");
    assertThat(SchemaValidator.validate(SCHEMA, noToken)).isNotEmpty();
    ObjectNode aToken = join.deepCopy();
    ((ObjectNode) aToken.path("cluster")).put("cluster_token", "eyJzZXJ2ZXI=");
    assertThat(SchemaValidator.validate(SCHEMA, aToken)).as("a token is never written into the file").isNotEmpty();
    ObjectNode bootstrapThatJoins = YAML.readTree(files().get("lxd/cluster/node-a.yaml").text()).deepCopy();
    ((ObjectNode) bootstrapThatJoins.path("cluster")).put("server_address", "10.99.0.11:8443");
    assertThat(SchemaValidator.validate(SCHEMA, bootstrapThatJoins)).isNotEmpty();
  }

  @Test
  void labShPlacesMachinesAndSpansEveryNetwork() throws Exception {
    Lab lab = Specs.lab(SPEC);
    String labSh = files().get("lxd/lab.sh").text();
    assertThat(array(labSh, "HOSTS")).containsExactlyElementsOf(lab.hosts().stream().map(Host::name).toList());
    assertThat(array(labSh, "HOST_ADDRESS"))
        .containsExactlyElementsOf(lab.hosts().stream().map(h -> h.address().toString()).toList());
    assertThat(array(labSh, "INSTANCES"))
        .containsExactlyElementsOf(lab.machines().stream().map(m -> HostNames.machine(lab.name(), m.name())).toList());
    // a placed machine goes to its host; the unplaced one without disks to wherever LXD puts it
    assertThat(array(labSh, "MACHINE_HOST"))
        .containsExactlyElementsOf(lab.machines().stream().map(m -> m.host() == null ? "" : m.host()).toList());
    assertThat(array(labSh, "VOLUME_HOST")).containsExactly("node-c");
    assertThat(labSh).contains("lxc init \"$source\" \"${INSTANCES[$i]}\" --profile \"${INSTANCES[$i]}\" \"${placement[@]}\"")
        .contains("lxc network create \"${NETWORKS[$i]}\" --target \"$h\"")
        .contains("\"tunnel.$TUNNEL.protocol=vxlan\"");
    List<String> ids = array(labSh, "NETWORK_TUNNEL_ID");
    List<String> groups = array(labSh, "NETWORK_TUNNEL_GROUP");
    Map<String, Tunnels> expected = Tunnels.of(lab.name(), lab.networks().stream().map(Network::name).toList());
    assertThat(ids).containsExactlyElementsOf(expected.values().stream().map(t -> Integer.toString(t.id())).toList());
    assertThat(groups).containsExactlyElementsOf(expected.values().stream().map(t -> t.group().toString()).toList());
    assertThat(new HashSet<>(ids)).hasSize(lab.networks().size());
  }

  @Test
  void aMachineWithDisksButNoHostGoesWithItsVolumesToTheFirstHost() throws Exception {
    Lab lab = Specs.lab(SPEC);
    Machine db = lab.machines().stream().filter(m -> m.name().equals("db")).findFirst().orElseThrow();
    Machine unplacedWithDisk = db.toBuilder().host(null).build();
    assertThat(LxdViews.member(lab, unplacedWithDisk)).isEqualTo("node-a");
    assertThat(LxdViews.member(lab, db)).isEqualTo("node-c");
    Machine tools = lab.machines().stream().filter(m -> m.name().equals("tools")).findFirst().orElseThrow();
    assertThat(LxdViews.member(lab, tools)).isNull();
  }

  @Test
  void aClusterWarnsWhereDhcpAndNatCannotWork(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("lab.yaml");
    java.nio.file.Files.writeString(file, """
        version: 1
        name: warned
        hosts: [{ name: node-a, address: 10.99.0.11 }, { name: node-b, address: 10.99.0.12 }]
        images: { deb: { os: debian, release: "12", source: { url: "https://example.org/d.qcow2", format: qcow2 } } }
        networks:
          - { name: lan, cidr: 10.1.0.0/24 }
          - { name: out, cidr: 10.2.0.0/24, dhcp: true, kind: nat }
        machines:
          - { name: a, image: deb, host: node-a, nics: [{ network: lan }] }
          - { name: b, image: deb, host: node-b, nics: [{ network: lan }, { network: out }] }
          - { name: c, image: deb, nics: [{ network: out }] }
        """);
    assertThat(new LxdTarget().warnings(Specs.lab(file))).extracting(w -> w.pointer() + ": " + w.message()).containsExactly(
        "/networks/1: on an LXD cluster the bridges of network 'out' serve no DHCP, so b, c get no address there; give their NICs an ip",
        "/networks/1/kind: on an LXD cluster the bridges of network 'out' have no address, so no NAT: put a router machine on it for a way out");
    assertThat(new LxdTarget().warnings(Specs.lab(SPEC))).isEmpty();
  }

  @Test
  void aClusterBridgeLeavesRoomForItsTunnelsInterface() {
    // LXD names the VXLAN interface <bridge>-v: at most 15 characters, so the bridge has 13
    assertThat(HostNames.clusterBridge("lab", "net")).isEqualTo("lab-net");
    String cut = HostNames.clusterBridge("cluster-lab", "front");
    assertThat(cut).hasSize(13).matches("x[0-9][0-9a-f]{11}").isNotEqualTo(HostNames.clusterBridge("cluster-lab", "back"));
    assertThat(cut + "-v").hasSizeLessThanOrEqualTo(HostNames.BRIDGE_MAX);
  }

  @Test
  void tunnelIdsAreStableDistinctAndInRange() {
    List<String> networks = IntStream.range(0, 5000).mapToObj(i -> "net-" + i).toList();
    Map<String, Tunnels> a = Tunnels.of("lab", networks);
    assertThat(Tunnels.of("lab", networks)).isEqualTo(a);
    Set<Integer> ids = a.values().stream().map(Tunnels::id).collect(Collectors.toSet());
    assertThat(ids).hasSize(networks.size()).allSatisfy(id -> assertThat(id).isBetween(1, (1 << 24) - 2));
    a.values().forEach(t -> assertThat(t.group()).isEqualTo(new Address(Address.of(239, 0, 0, 0).value() + t.id())));
    assertThat(Tunnels.of("other", List.of("net-0")).get("net-0").id()).as("another lab, another id")
        .isNotEqualTo(a.get("net-0").id());
  }

  private static Map<String, RenderedFile> files() {
    return Specs.render(SPEC).stream().collect(Collectors.toMap(RenderedFile::path, Function.identity()));
  }

  /** A bash array of lab.sh, NAME=('a' 'b'), unquoted. */
  private static List<String> array(String script, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "=\\((.*)\\)$").matcher(script);
    assertThat(m.find()).as("lab.sh has %s", name).isTrue();
    if (m.group(1).isEmpty()) {
      return List.of();
    }
    return List.of(m.group(1).split(" ")).stream().map(s -> s.replaceAll("^'|'$", "")).toList();
  }
}
