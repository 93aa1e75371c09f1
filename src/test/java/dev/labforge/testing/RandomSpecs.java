package dev.labforge.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random specs that are valid by construction: non-overlapping /24 networks, unique names,
 * distinct static IPs, and user strings from {@link NastyStrings}. Rendered as JSON, a YAML subset.
 */
public final class RandomSpecs {
  static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMK8u9Fgcnomj8MdJekMGl7wkw+OsAdPx8pMUI3VTtsE lab@workstation";

  private RandomSpecs() {}

  public static Arbitrary<Map<String, Object>> specs() {
    Arbitrary<Integer> networks = Arbitraries.integers().between(1, 3);
    Arbitrary<List<Map<String, Object>>> machines = machine().list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
    return Combinators.combine(name, networks, machines, NastyStrings.anyWithRandomText(), Arbitraries.of(true, false))
        .as((lab, netCount, machineList, description, floating) -> {
          Map<String, Object> spec = new LinkedHashMap<>();
          spec.put("version", 1);
          spec.put("name", "lab-" + lab);
          spec.put("description", description);
          spec.put("defaults", Map.of("image", "deb", "users",
              List.of(Map.of("name", "lab", "sudo", true, "ssh_authorized_keys", List.of(KEY)))));
          spec.put("images", Map.of("deb", Map.of("os", "debian", "release", "12",
              "source", Map.of("url", "https://example.org/d.qcow2", "format", "qcow2"))));
          List<Map<String, Object>> nets = new ArrayList<>();
          for (int i = 0; i < netCount; i++) {
            nets.add(Map.of("name", "net" + i, "cidr", "10." + (i + 1) + ".0.0/24", "dhcp", i == 2));
          }
          spec.put("networks", nets);
          List<Map<String, Object>> fixed = new ArrayList<>();
          for (int i = 0; i < machineList.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>(machineList.get(i));
            m.put("name", "m" + i);
            int net = i % netCount;
            if (!m.containsKey("count")) {
              m.put("nics", List.of(Map.of("network", "net" + net, "ip", "10." + (net + 1) + ".0." + (100 + i))));
            } else {
              m.put("nics", List.of(Map.of("network", "net" + net)));
            }
            fixed.add(m);
          }
          spec.put("machines", fixed);
          spec.put("targets", Map.of("terraform", Map.of("floating_ips", floating)));
          return spec;
        });
  }

  static Arbitrary<Map<String, Object>> machine() {
    Arbitrary<String> text = NastyStrings.anyWithRandomText();
    Arbitrary<List<Map<String, Object>>> files = Combinators.combine(
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8), text)
        .as((n, content) -> Map.<String, Object>of("path", "/etc/lab/" + n, "content", content))
        .list().ofMaxSize(3).uniqueElements(f -> f.get("path"));
    Arbitrary<List<String>> commands = text.filter(s -> !s.isEmpty()).list().ofMaxSize(3);
    Arbitrary<Integer> count = Arbitraries.integers().between(0, 3);
    Arbitrary<Integer> memory = Arbitraries.of(256, 512, 1024, 4096);
    Arbitrary<List<String>> packages = Arbitraries.of("vim", "curl", "git", "htop").list().uniqueElements().ofMaxSize(3);
    return Combinators.combine(files, commands, count, memory, packages, text).as((f, c, n, mem, pkgs, description) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("description", description.length() > 200 ? description.substring(0, 200) : description);
      m.put("memory", mem);
      m.put("files", f);
      m.put("commands", c);
      m.put("packages", pkgs);
      if (n > 0) {
        m.put("count", n);
      }
      return m;
    });
  }
}
