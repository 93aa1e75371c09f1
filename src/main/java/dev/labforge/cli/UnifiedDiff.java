package dev.labforge.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts (as {@code diff -u} prints it, three lines of context), for
 * {@code gen --check --diff}. Common head and tail are cut first; the middle is compared by
 * longest common subsequence, or shown as one replacement when it is too large for that.
 */
final class UnifiedDiff {
  static final int CONTEXT = 3;
  private static final long MAX_CELLS = 4_000_000L;
  private static final String NO_NEWLINE = "\\ No newline at end of file";

  private UnifiedDiff() {}

  /** One line of the edit script: ' ' kept, '-' only in old, '+' only in new. */
  private record Edit(char op, String line, int oldLine, int newLine) {}

  static String diff(String oldName, String oldText, String newName, String newText) {
    List<String> a = lines(oldText);
    List<String> b = lines(newText);
    List<Edit> edits = edits(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < edits.size() && (edits.get(end).op() != ' ' || end - lastChange <= 2 * CONTEXT)) {
        if (edits.get(end).op() != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(edits.size(), lastChange + 1 + CONTEXT);
      hunk(edits.subList(start, end), out);
      i = end;
    }
    return out.toString();
  }

  private static void hunk(List<Edit> hunk, StringBuilder out) {
    int oldStart = 0;
    int newStart = 0;
    int oldCount = 0;
    int newCount = 0;
    for (Edit e : hunk) {
      if (e.op() != '+') {
        if (oldCount++ == 0) {
          oldStart = e.oldLine();
        }
      }
      if (e.op() != '-') {
        if (newCount++ == 0) {
          newStart = e.newLine();
        }
      }
    }
    if (oldCount == 0) {
      oldStart = hunk.get(0).oldLine() - 1;
    }
    if (newCount == 0) {
      newStart = hunk.get(0).newLine() - 1;
    }
    out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
        .append(" @@\n");
    for (Edit e : hunk) {
      if (e.line().endsWith("\n")) {
        out.append(e.op()).append(e.line()).append(NO_NEWLINE).append('\n');
      } else {
        out.append(e.op()).append(e.line()).append('\n');
      }
    }
  }

  private static String range(int start, int count) {
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  private static List<Edit> edits(List<String> a, List<String> b) {
    int head = 0;
    while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < a.size() - head && tail < b.size() - head
        && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    List<Edit> edits = new ArrayList<>();
    for (int k = 0; k < head; k++) {
      edits.add(new Edit(' ', a.get(k), k + 1, k + 1));
    }
    int n = a.size() - head - tail;
    int m = b.size() - head - tail;
    if ((long) n * m > MAX_CELLS) {
      for (int k = 0; k < n; k++) {
        edits.add(new Edit('-', a.get(head + k), head + k + 1, head + 1));
      }
      for (int k = 0; k < m; k++) {
        edits.add(new Edit('+', b.get(head + k), head + n + 1, head + k + 1));
      }
    } else {
      int[][] lcs = new int[n + 1][m + 1];
      for (int x = n - 1; x >= 0; x--) {
        for (int y = m - 1; y >= 0; y--) {
          lcs[x][y] = a.get(head + x).equals(b.get(head + y)) ? lcs[x + 1][y + 1] + 1
              : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
        }
      }
      int x = 0;
      int y = 0;
      while (x < n || y < m) {
        if (x < n && y < m && a.get(head + x).equals(b.get(head + y))) {
          edits.add(new Edit(' ', a.get(head + x), head + x + 1, head + y + 1));
          x++;
          y++;
        } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
          // on a tie the old line goes first, so a replacement reads "-old" then "+new" as in diff -u
          edits.add(new Edit('-', a.get(head + x), head + x + 1, head + y + 1));
          x++;
        } else {
          edits.add(new Edit('+', b.get(head + y), head + x + 1, head + y + 1));
          y++;
        }
      }
    }
    for (int k = tail; k > 0; k--) {
      edits.add(new Edit(' ', a.get(a.size() - k), a.size() - k + 1, b.size() - k + 1));
    }
    return edits;
  }

  /**
   * The lines without their line feeds; a last line that has none keeps a "\n" as its mark (no
   * line holds one otherwise), so it differs from the same line with one and prints diff's note.
   */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    String last = lines.remove(lines.size() - 1);
    if (!last.isEmpty()) {
      lines.add(last + "\n");
    }
    return lines;
  }
}
