package dev.labforge.hcl;

import dev.labforge.testing.NeedsTools;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.testing.Hcl2Json;
import dev.labforge.testing.HclTrees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random HCL documents from a small grammar (blocks, labels, every expression kind, templates
 * with directives and strip markers, heredocs, comments), read by our reader and by hcl2json in
 * one node call per try: both must accept them and agree on every value.
 */
class HclGrammarDifferentialTest {
  private static final List<String> NAMES = List.of("a", "b", "c_d", "e-f", "var", "local", "x1", "for_each");

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.recursive(() -> attributes(), HclGrammarDifferentialTest::withBlock, 0, 2);
  }

  private static Arbitrary<String> attributes() {
    Arbitrary<String> attribute = Combinators.combine(Arbitraries.of(NAMES), expression(2))
        .as((name, value) -> name + " = " + value + "\n");
    return attribute.list().ofMinSize(1).ofMaxSize(4).uniqueElements(line -> line.substring(0, line.indexOf(' ')))
        .map(lines -> String.join("", lines));
  }

  private static Arbitrary<String> withBlock(Arbitrary<String> inner) {
    Arbitrary<String> labels = Arbitraries.of("", " \"l1\"", " \"l1\" \"l2\"", " \"$${x} \\\" é\"", " bare");
    return Combinators.combine(Arbitraries.of("blk", "other"), labels, inner, attributes(),
        Arbitraries.of("", "# c\n", "// c\n", "/* c */\n"))
        .as((type, label, body, tail, comment) -> comment + type + label + " {\n" + body + "}\n" + tail);
  }

  private static Arbitrary<String> expression(int depth) {
    Arbitrary<String> leaf = Arbitraries.oneOf(
        Arbitraries.of("1", "0", "2.50", "1e3", "true", "false", "null", "-1", "!true", "-var.x", "var.x",
            "a.b[0].c", "a[\"k\"]", "a[var.i]", "a.*.b", "a[*].b", "f()", "f(1, \"x\")", "f(a...)", "(1)",
            "[for x in y : x if x]", "{ for k, v in m : k => v }", "1 + 2 * 3", "a == b && !c", "a ? b : c"),
        string());
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> sub = expression(depth - 1);
    return Arbitraries.oneOf(leaf, leaf,
        sub.list().ofMaxSize(3).map(items -> "[" + String.join(", ", items) + "]"),
        Combinators.combine(Arbitraries.of("k", "\"q k\"", "(var.k)", "1", "a.b"), sub).as((k, v) -> k + " = " + v)
            .list().ofMaxSize(3).uniqueElements(kv -> kv.substring(0, kv.indexOf(" = ")))
            .map(items -> "{ " + String.join(", ", items) + " }"),
        sub.map(v -> "f(" + v + ")"),
        heredoc());
  }

  private static Arbitrary<String> literalText() {
    return Arbitraries.of("x", " ", "$${a}", "%%{b}", "$", "%", "\\\"", "\\\\", "\\n", "\\t", "\\u00e9", "é✓", "e\u0301", "{}",
        "$$", "%%", "~", "#", "//").list().ofMaxSize(4).map(parts -> String.join("", parts));
  }

  private static Arbitrary<String> string() {
    Arbitrary<String> part = Arbitraries.oneOf(literalText(), literalText(),
        Arbitraries.of("${var.x}", "${~ x ~}", "${1}", "${\"s\"}", "${a ? b : c}", "${[1]}", "${null}",
            "%{ if a }y%{ else }n%{ endif }", "%{~ if a ~} y %{~ endif ~}", "%{ for k, v in m }${k}%{ endfor }"));
    return part.list().ofMaxSize(3).map(parts -> "\"" + String.join("", parts) + "\"");
  }

  private static Arbitrary<String> heredoc() {
    Arbitrary<String> line = Arbitraries.of("plain", "  indented", "${x} y", "$${lit}", "%%{lit}", "", "\ttab",
        "%{ if a }z%{ endif }");
    return Combinators.combine(Arbitraries.of("<<EOT", "<<-EOT"), line.list().ofMaxSize(3), Arbitraries.of("EOT", "  EOT"))
        .as((open, lines, close) -> {
          List<String> body = new ArrayList<>();
          lines.forEach(l -> body.add(open.equals("<<-EOT") ? "    " + l : l));
          // the closing marker must end its line, so whatever follows starts on the next one
          return open + "\n" + String.join("\n", body) + (body.isEmpty() ? "" : "\n") + close + "\n";
        });
  }

  @Property(tries = 3)
  @NeedsTools(hcl2json = true)
  void randomDocumentsReadAsHcl2JsonReadsThem(@ForAll @Size(150) List<@From("documents") String> docs)
      throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      files.put("g" + i + ".hcl", docs.get(i));
    }
    compare(files);
  }

  /** One character deleted, or one inserted, somewhere: both parsers must still agree. */
  @Provide
  Arbitrary<String> mutants() {
    return Combinators.combine(documents(), Arbitraries.integers().between(0, 10_000),
        Arbitraries.of("", "\"", "{", "}", "[", "]", "(", ")", "=", ",", "\n", "$", "%", "\\", "~", "#", ":", "?", "'"))
        .as((doc, at, insert) -> {
          int i = at % Math.max(1, doc.length());
          return insert.isEmpty() ? doc.substring(0, i) + doc.substring(Math.min(doc.length(), i + 1))
              : doc.substring(0, i) + insert + doc.substring(i);
        });
  }

  @Property(tries = 3)
  @NeedsTools(hcl2json = true)
  void mutatedDocumentsAreAcceptedOrRejectedAsHcl2JsonDoes(@ForAll @Size(150) List<@From("mutants") String> docs)
      throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      files.put("m" + i + ".hcl", docs.get(i));
    }
    compare(files);
  }

  private static void compare(Map<String, String> files) throws Exception {
    Hcl2Json.require();
    Map<String, Hcl2Json.Result> theirs = Hcl2Json.parse(files);
    List<String> problems = new ArrayList<>();
    int rejected = 0;
    for (Map.Entry<String, String> e : files.entrySet()) {
      rejected += theirs.get(e.getKey()).ok() ? 0 : 1;
      Hcl2Json.Result want = theirs.get(e.getKey());
      try {
        var ours = HclReader.parse(e.getKey(), e.getValue());
        if (!want.ok()) {
          problems.add("only hcl2json rejects:\n" + e.getValue() + "\n  " + want.error());
        } else if (!HclTrees.same(ours, want.tree())) {
          problems.add("differs:\n" + e.getValue() + "\n  ours:     " + ours + "\n  hcl2json: " + want.tree());
        }
      } catch (HclSyntaxException ex) {
        if (want.ok()) {
          problems.add("only we reject:\n" + e.getValue() + "\n  " + ex.getMessage());
        }
      }
    }
    System.out.println("HCL grammar differential: " + files.size() + " documents, " + rejected + " rejected by both");
    assertThat(problems).isEmpty();
  }
}
