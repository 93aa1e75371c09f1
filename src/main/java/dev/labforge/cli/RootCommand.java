package dev.labforge.cli;

import dev.labforge.output.Version;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "labforge",
    mixinStandardHelpOptions = true,
    versionProvider = RootCommand.VersionProvider.class,
    description = "Turns one lab spec into every target's files, each checked before it is written.",
    footer = {"", "Exit codes: 0 ok, 1 invalid spec or tree, 2 usage error, 3 internal error,",
        "4 check found none of the tools it runs."},
    subcommands = picocli.CommandLine.HelpCommand.class,
    subcommandsRepeatable = false)
final class RootCommand implements java.util.concurrent.Callable<Integer> {
  private final Context context;

  @Spec
  CommandSpec spec;

  RootCommand(Context context) {
    this.context = context;
  }

  @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of internal errors.")
  void verbose(boolean value) {
    context.verbose(value);
  }

  /** No subcommand is a usage error, as with git: the help goes to stderr. */
  @Override
  public Integer call() {
    context.err().println("labforge: missing command");
    spec.commandLine().usage(context.err(), picocli.CommandLine.Help.Ansi.OFF);
    return ExitCodes.USAGE;
  }

  static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"labforge " + Version.get()};
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a spec and print every problem.")
  int validate(
      @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "SPEC",
          description = "The lab spec (YAML or JSON), - for standard input; default: the built-in example.") java.nio.file.Path specPath) {
    return new Commands(context).validate(specPath);
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the lab as tables: machines with their NICs, users; networks.")
  int show(
      @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "SPEC",
          description = "The lab spec (YAML or JSON); default: the built-in example.") java.nio.file.Path specPath) {
    return new Commands(context).show(specPath);
  }

  @Command(name = "gen", mixinStandardHelpOptions = true, description = "Validate, render, validate the outputs, write DIR/<lab>/.")
  int gen(
      @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "SPEC",
          description = "The lab spec (YAML or JSON), - for standard input; default: the built-in example.") java.nio.file.Path specPath,
      @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
          description = "Output folder (default: ${DEFAULT-VALUE}).") java.nio.file.Path out,
      @Option(names = {"-t", "--target"}, paramLabel = "TARGET", split = ",", completionCandidates = Candidates.Targets.class,
          description = "Only these targets (and the targets they require): ${COMPLETION-CANDIDATES}.") java.util.List<String> targets,
      @Option(names = "--check", description = "Write nothing; say which files are missing, changed or extra; exit 1 if any.")
          boolean check,
      @Option(names = "--diff", description = "Like --check, and print a unified diff of each differing file.")
          boolean diff,
      @Option(names = {"-q", "--quiet"}, description = "No next steps on stderr after writing.")
          boolean quiet,
      @Option(names = "--templates", paramLabel = "DIR",
          description = "Your templates, laid out like labforge templates --copy writes them: each replaces"
              + " the built-in one (default: $LABFORGE_TEMPLATES).") java.nio.file.Path templates) {
    return new Commands(context).gen(specPath, out, targets == null ? java.util.List.of() : targets,
        new GenOptions(check, diff, quiet, templates));
  }

  @Command(name = "init", mixinStandardHelpOptions = true, description = "Write a starter spec (one of the LPIC-3 305 labs).")
  int init(
      @Option(names = "--example", paramLabel = "NAME", defaultValue = "lpic3-353",
          completionCandidates = Candidates.Examples.class,
          description = "lpic3-351, lpic3-352, lpic3-353 or router (default: ${DEFAULT-VALUE}).") String example,
      @Option(names = "--force", description = "Overwrite existing files.") boolean force,
      @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".",
          description = "Folder to write into (default: the current folder).") java.nio.file.Path dir) {
    return new Commands(context).init(example, dir, force);
  }

  @Command(name = "schema", mixinStandardHelpOptions = true, description = "Print a JSON Schema: 'lab' (default) or a target file such as cloud-init/user-data.")
  int schema(
      @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "NAME", defaultValue = "lab",
          completionCandidates = Candidates.Schemas.class) String name) {
    return new Commands(context).schema(name);
  }

  @Command(name = "templates", mixinStandardHelpOptions = true,
      description = "List the built-in templates, or copy them as a start for gen --templates.")
  int templates(
      @Option(names = "--copy", paramLabel = "DIR", description = "Copy every built-in template into DIR.")
          java.nio.file.Path copy) {
    return new TemplatesAction(context.out(), context.err()).run(copy);
  }

  @Command(name = "check", mixinStandardHelpOptions = true, description = "Run the real tools found on PATH on a generated tree.")
  int check(
      @picocli.CommandLine.Parameters(paramLabel = "DIR", description = "A generated lab folder (out/<lab>) or its parent.")
          java.nio.file.Path dir) {
    return new Commands(context).check(dir);
  }

  @Command(name = "completion", mixinStandardHelpOptions = true, description = "Print a bash/zsh completion script: source <(labforge completion).")
  int completion() {
    context.out().print(AutoComplete.bash("labforge", spec.commandLine()));
    context.out().flush();
    return ExitCodes.OK;
  }
}
