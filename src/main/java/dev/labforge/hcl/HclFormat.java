package dev.labforge.hcl;

import dev.labforge.hcl.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligns the {@code =} of consecutive attribute lines the way {@code packer fmt} and
 * {@code terraform fmt} (hclwrite) do, so templates can be written with single spaces and still
 * come out canonical. A line takes part when it has an {@code =} after its first token and its
 * brackets balance from there to the line's end; any other line (blank, comment, block header,
 * the opening line of a multi-line value) ends the run. Indentation is left as written.
 */
public final class HclFormat {
  private HclFormat() {}

  /** One line whose {@code =} takes part in alignment. */
  private record AssignLine(int leadStart, int leadEnd, int equals, int columns) {}

  public static String align(String fileName, String text) throws HclSyntaxException {
    Source src = new Source(fileName, text);
    StringBuilder out = new StringBuilder(text);
    List<AssignLine> run = new ArrayList<>();
    // Edits go from the end of the text backwards so earlier offsets stay valid.
    List<List<AssignLine>> runs = new ArrayList<>();
    // line by line, each line's tokens dropped once it is read: a big lab's file is 700,000 tokens
    List<Token> line = new ArrayList<>();
    for (Token t : Lexer.lex(src)) {
      if (t.kind() != Kind.NEWLINE && t.kind() != Kind.EOF) {
        line.add(t);
        continue;
      }
      AssignLine assign = assignLine(text, line);
      line = new ArrayList<>();
      if (assign == null) {
        if (!run.isEmpty()) {
          runs.add(run);
          run = new ArrayList<>();
        }
      } else {
        run.add(assign);
      }
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    for (int r = runs.size() - 1; r >= 0; r--) {
      List<AssignLine> chain = runs.get(r);
      int max = chain.stream().mapToInt(AssignLine::columns).max().orElse(0);
      for (int i = chain.size() - 1; i >= 0; i--) {
        AssignLine a = chain.get(i);
        out.replace(a.leadEnd(), a.equals(), " ".repeat(max - a.columns() + 1));
      }
    }
    return out.toString();
  }

  private static AssignLine assignLine(String text, List<Token> line) {
    for (int i = 1; i < line.size(); i++) {
      if (line.get(i).kind() == Kind.EQUAL) {
        int net = 0;
        for (Token t : line.subList(i, line.size())) {
          net += bracketChange(t.kind());
        }
        if (net != 0) {
          return null;
        }
        int lineStart = text.lastIndexOf('\n', line.get(0).start() - 1) + 1;
        int leadEnd = line.get(i - 1).end();
        String lead = text.substring(lineStart, leadEnd);
        return new AssignLine(line.get(0).start(), leadEnd, line.get(i).start(), lead.codePointCount(0, lead.length()));
      }
    }
    return null;
  }

  private static int bracketChange(Kind kind) {
    return switch (kind) {
      case OBRACE, OBRACK, OPAREN, TEMPLATE_INTERP, TEMPLATE_CONTROL -> 1;
      case CBRACE, CBRACK, CPAREN, TEMPLATE_SEQ_END -> -1;
      default -> 0;
    };
  }
}
