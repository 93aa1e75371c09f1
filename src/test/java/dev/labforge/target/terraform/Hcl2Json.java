package dev.labforge.target.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.labforge.render.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HashiCorp's own HCL parser (npm @cdktf/hcl2json, wasm) run under node: the reference reading of
 * our .tf files. One node process reads a whole batch, since starting node costs about 0.2 s.
 */
final class Hcl2Json {
  static final Path MODULES = Path.of("src/test/node/node_modules").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPT = String.join("\n",
      "const {parse} = require(process.argv[1] + '/@cdktf/hcl2json');",
      "const inputs = JSON.parse(require('fs').readFileSync(0, 'utf8'));",
      "(async () => { const out = {};",
      "  for (const f of inputs) {",
      "    try { out[f.name] = {ok: await parse(f.name, f.text)}; } catch (e) { out[f.name] = {error: String(e)}; }",
      "  }",
      "  process.stdout.write(JSON.stringify(out)); })();");

  private Hcl2Json() {}

  /** Path to its hcl2json tree; a file hcl2json rejects fails the calling test with its message. */
  static Map<String, JsonNode> parse(List<RenderedFile> files) throws IOException, InterruptedException {
    ArrayNode input = JSON.createArrayNode();
    files.forEach(f -> input.addObject().put("name", f.path()).put("text", f.text()));
    Path stdin = Files.createTempFile("hcl2json", ".json");
    try {
      Files.writeString(stdin, JSON.writeValueAsString(input));
      Process node = new ProcessBuilder("node", "-e", SCRIPT, MODULES.toString())
          .redirectInput(stdin.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      byte[] out = node.getInputStream().readAllBytes();
      if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
        throw new AssertionError("node hcl2json failed: " + new String(out, StandardCharsets.UTF_8));
      }
      Map<String, JsonNode> trees = new LinkedHashMap<>();
      JSON.readTree(out).fields().forEachRemaining(e -> {
        if (e.getValue().has("error")) {
          throw new AssertionError(e.getKey() + ": hcl2json: " + e.getValue().get("error").asText());
        }
        trees.put(e.getKey(), e.getValue().get("ok"));
      });
      return trees;
    } finally {
      Files.deleteIfExists(stdin);
    }
  }
}
