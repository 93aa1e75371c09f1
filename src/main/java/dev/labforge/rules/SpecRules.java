package dev.labforge.rules;

import dev.labforge.spec.Diagnostics;
import dev.labforge.spec.Reporter;
import dev.labforge.schema.SchemaValidator;
import dev.labforge.schema.Schemas;
import dev.labforge.spec.LocatedTree;
import java.util.List;

/** Stage 2: the JSON Schema, then every semantic rule; all problems are collected. */
public final class SpecRules {
  public static final String SCHEMA = Schemas.resource("lab-spec");

  private static final List<Rule> RULES = List.of(
      new UniqueNamesRule(),
      new HostAliasesRule(),
      new TrailingDashRule(),
      new ReferencesRule(),
      new AddressesRule(),
      new ReservedAddressesRule(),
      new RoutingRule(),
      new RoutePathsRule(),
      new SizesRule(),
      new UsersRule(),
      new ExpectRule(),
      new PathsRule(),
      new ControlCharactersRule(),
      new PackerTemplateRule());

  private SpecRules() {}

  public static Diagnostics check(LocatedTree tree) {
    Diagnostics diagnostics = new Diagnostics(tree.source());
    Reporter report = new Reporter(tree, diagnostics);
    for (SchemaValidator.Problem p : SchemaValidator.validate(SCHEMA, tree.root())) {
      if (p.atKey()) {
        report.atKey(p.pointer(), p.message());
      } else {
        report.at(p.pointer(), p.message() + QuoteHint.hint(tree, p.pointer(), p.message()));
      }
    }
    for (Rule rule : RULES) {
      rule.check(tree.root(), report);
    }
    return diagnostics;
  }
}
