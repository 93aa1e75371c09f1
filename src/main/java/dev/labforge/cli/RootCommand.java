package dev.labforge.cli;

import dev.labforge.output.Version;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
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
    subcommandsRepeatable = false)
final class RootCommand implements java.util.concurrent.Callable<Integer> {
  private final Context context;

  @Spec
  CommandSpec spec;

  RootCommand(Context context) {
    this.context = context;
  }

  /** The subcommands, in the order --help lists them. */
  static final List<String> SUBCOMMANDS =
      List.of("help", "check", "completion", "gen", "init", "schema", "show", "templates", "validate");

  /**
   * The command line for {@code args}: the root and the subcommands these arguments can reach. Building a
   * subcommand's model is most of picocli's share of start-up (issue 12), so a run that starts with a
   * subcommand's name gets only that one, {@code --version} alone gets none, and everything else (help,
   * completion, a usage error at the root) gets them all.
   */
  static CommandLine commandLine(Context context, String... args) {
    CommandLine cli = new CommandLine(new RootCommand(context));
    for (String name : reachable(args)) {
      cli.addSubcommand(name, subcommand(name));
    }
    return cli;
  }

  static List<String> reachable(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return List.of();
    }
    if (args.length > 0 && !args[0].equals("help") && !args[0].equals("completion") && SUBCOMMANDS.contains(args[0])) {
      return List.of(args[0]);
    }
    return SUBCOMMANDS;
  }

  private static Object subcommand(String name) {
    return switch (name) {
      case "help" -> new CommandLine.HelpCommand();
      case "check" -> new Check();
      case "completion" -> new Completion();
      case "gen" -> new Gen();
      case "init" -> new Init();
      case "schema" -> new Schema();
      case "show" -> new Show();
      case "templates" -> new Templates();
      case "validate" -> new Validate();
      default -> throw new IllegalArgumentException(name);
    };
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

  // The subcommands are classes with annotated fields, not @Command methods: picocli reads a method's
  // parameter annotations through Method.getParameterAnnotations(), which the JDK parses anew at every
  // call, and it asks several times per parameter; that was most of the CommandLine's construction,
  // which every run pays (issue 12).

  /** The same options as picocli's mixinStandardHelpOptions (its AutoHelpMixin is not public). */
  static final class StandardHelp {
    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "mixinStandardHelpOptions.help",
        description = "Show this help message and exit.")
    boolean helpRequested;

    @Option(names = {"-V", "--version"}, versionHelp = true, descriptionKey = "mixinStandardHelpOptions.version",
        description = "Print version information and exit.")
    boolean versionRequested;
  }

  /**
   * The base of each subcommand: the root's context, injected by picocli, and -h/-V. Those are picocli's
   * standard help options, declared here rather than with mixinStandardHelpOptions because picocli adds
   * that mixin after a class's fields: declared in the base class they come first, as they did for method
   * subcommands (the order the completion script lists them in).
   */
  abstract static class Sub implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Mixin
    StandardHelp standardHelp;

    @picocli.CommandLine.ParentCommand
    RootCommand root;

    Commands commands() {
      return new Commands(root.context);
    }
  }

  @Command(name = "validate", description = "Check a spec and print every problem.")
  static final class Validate extends Sub {
    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "SPEC",
        description = "The lab spec (YAML or JSON), - for standard input; default: the built-in example.")
    java.nio.file.Path specPath;

    @Override
    public Integer call() {
      return commands().validate(specPath);
    }
  }

  @Command(name = "show", description = "Print the lab as tables: machines with their NICs, users; networks; in a lab that routes, forwarding and each machine's routes.")
  static final class Show extends Sub {
    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "SPEC",
        description = "The lab spec (YAML or JSON); default: the built-in example.")
    java.nio.file.Path specPath;

    @Override
    public Integer call() {
      return commands().show(specPath);
    }
  }

  @Command(name = "gen", description = "Validate, render, validate the outputs, write DIR/<lab>/.")
  static final class Gen extends Sub {
    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "SPEC",
        description = "The lab spec (YAML or JSON), - for standard input; default: the built-in example.")
    java.nio.file.Path specPath;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
        description = "Output folder (default: ${DEFAULT-VALUE}).")
    java.nio.file.Path out;

    @Option(names = {"-t", "--target"}, paramLabel = "TARGET", split = ",", completionCandidates = Candidates.Targets.class,
        description = "Only these targets (and the targets they require): ${COMPLETION-CANDIDATES}.")
    java.util.List<String> targets;

    @Option(names = "--check", description = "Write nothing; say which files are missing, changed or extra; exit 1 if any.")
    boolean check;

    @Option(names = "--diff", description = "Like --check, and print a unified diff of each differing file.")
    boolean diff;

    @Option(names = {"-q", "--quiet"}, description = "No next steps on stderr after writing.")
    boolean quiet;

    @Option(names = "--templates", paramLabel = "DIR",
        description = "Your templates, laid out like labforge templates --copy writes them: each replaces"
            + " the built-in one (default: $LABFORGE_TEMPLATES).")
    java.nio.file.Path templates;

    @Override
    public Integer call() {
      return commands().gen(specPath, out, targets == null ? java.util.List.of() : targets,
          new GenOptions(check, diff, quiet, templates));
    }
  }

  @Command(name = "init", description = "Write a starter spec (one of the LPIC-3 305 labs).")
  static final class Init extends Sub {
    @Option(names = "--example", paramLabel = "NAME", defaultValue = "lpic3-353",
        completionCandidates = Candidates.Examples.class,
        description = "lpic3-351, lpic3-352, lpic3-353 or router (default: ${DEFAULT-VALUE}).")
    String example;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".",
        description = "Folder to write into (default: the current folder).")
    java.nio.file.Path dir;

    @Override
    public Integer call() {
      return commands().init(example, dir, force);
    }
  }

  @Command(name = "schema", description = "Print a JSON Schema: 'lab' (default) or a target file such as cloud-init/user-data.")
  static final class Schema extends Sub {
    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "NAME", defaultValue = "lab",
        completionCandidates = Candidates.Schemas.class)
    String name;

    @Override
    public Integer call() {
      return commands().schema(name);
    }
  }

  @Command(name = "templates",
      description = "List the built-in templates, or copy them as a start for gen --templates.")
  static final class Templates extends Sub {
    @Option(names = "--copy", paramLabel = "DIR", description = "Copy every built-in template into DIR.")
    java.nio.file.Path copy;

    @Override
    public Integer call() {
      return new TemplatesAction(root.context.out(), root.context.err()).run(copy);
    }
  }

  @Command(name = "check", description = "Run the real tools found on PATH on a generated tree.")
  static final class Check extends Sub {
    @picocli.CommandLine.Parameters(paramLabel = "DIR", description = "A generated lab folder (out/<lab>) or its parent.")
    java.nio.file.Path dir;

    @Override
    public Integer call() {
      return commands().check(dir);
    }
  }

  @Command(name = "completion", description = "Print a bash/zsh completion script: source <(labforge completion).")
  static final class Completion extends Sub {
    @Override
    public Integer call() {
      root.context.out().print(AutoComplete.bash("labforge", root.spec.commandLine()));
      root.context.out().flush();
      return ExitCodes.OK;
    }
  }
}
