// Reads HCL files with HashiCorp's parser (@cdktf/hcl2json, wasm) for labforge's differential tests.
// Usage: node hcl2json.js FILE...   or   node hcl2json.js --stdin  (a JSON array of {name, text} on stdin)
// Prints one JSON object: {"<name>": {"ok": <hcl2json tree>} | {"error": "<message>"}}, keys in input order.
"use strict";
const fs = require("fs");
const { parse } = require("@cdktf/hcl2json");

async function main() {
  const args = process.argv.slice(2);
  const inputs = args[0] === "--stdin"
    ? JSON.parse(fs.readFileSync(0, "utf8"))
    : args.map((f) => ({ name: f, text: fs.readFileSync(f, "utf8") }));
  const out = {};
  for (const { name, text } of inputs) {
    try {
      out[name] = { ok: await parse(name, text) };
    } catch (e) {
      out[name] = { error: String(e && e.message ? e.message : e) };
    }
  }
  // The Go wasm runtime keeps node alive, so exit explicitly, but only once stdout is flushed:
  // a pipe takes writes asynchronously and exiting earlier would cut the JSON short.
  await new Promise((resolve) => process.stdout.write(JSON.stringify(out), resolve));
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(2);
});
