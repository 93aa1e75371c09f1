package dev.labforge.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HashiCorp's HCL parser (npm @cdktf/hcl2json, wasm) run once over many files: one node process
 * per batch, since starting it costs about a second.
 */
public final class Hcl2Json {
  public static final Path NODE_DIR = Path.of("src/test/node");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What hcl2json made of one file: its tree, or its error message. */
  public record Result(JsonNode tree, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  private Hcl2Json() {}

  /** Why hcl2json cannot run, or empty when it can. */
  public static java.util.Optional<String> missing() {
    java.util.Optional<String> node = RealTools.missing("node");
    if (node.isPresent()) {
      return node;
    }
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@cdktf/hcl2json"))) {
      return java.util.Optional.of("npm ci --prefix src/test/node has not been run (scripts/test runs it)");
    }
    return java.util.Optional.empty();
  }

  /** Skips outside CI when node or the npm package is missing; fails in CI. */
  public static void require() {
    RealTools.require("node");
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@cdktf/hcl2json"))) {
      if ("true".equals(System.getenv("CI"))) {
        fail("src/test/node/node_modules is missing: .ci/run must run npm ci --prefix src/test/node");
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "npm ci --prefix src/test/node has not been run");
    }
  }

  /** Parses each name → text pair; names must be unique. */
  public static Map<String, Result> parse(Map<String, String> files) throws Exception {
    ArrayNode input = JSON.createArrayNode();
    files.forEach((name, text) -> input.addObject().put("name", name).put("text", text));
    Path in = Files.createTempFile("hcl2json-", ".json");
    try {
      Files.writeString(in, JSON.writeValueAsString(input));
      Tools.Run run = Tools.system().run(NODE_DIR, Map.of(), 300, "sh", "-c",
          "exec node hcl2json.js --stdin < '" + in.toAbsolutePath() + "'");
      if (!run.ok()) {
        throw new AssertionError("node hcl2json.js failed (" + run.exitCode() + "):\n" + run.output());
      }
      JsonNode out = JSON.readTree(run.output());
      Map<String, Result> results = new LinkedHashMap<>();
      for (String name : files.keySet()) {
        JsonNode r = out.get(name);
        results.put(name, r.has("error") ? new Result(null, r.get("error").asText()) : new Result(r.get("ok"), null));
      }
      return results;
    } finally {
      Files.deleteIfExists(in);
    }
  }
}
