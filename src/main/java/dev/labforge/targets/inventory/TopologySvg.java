package dev.labforge.targets.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lab as a bus diagram, laid out in Java so the template only writes shapes. Networks are
 * horizontal buses, machines boxes below them with one drop per NIC; a drop has a white halo, so
 * where it crosses another bus the bus is visibly broken (no dot, no connection). Machines keep
 * lab order and wrap into strips of at most {@link #MAX_COLUMNS}, each strip repeating the buses
 * its machines use, so 100 machines stay as readable as 3. Text widths are estimated for a
 * monospace font at 12 px; every coordinate is an integer, so the output is byte-stable.
 */
public final class TopologySvg {
  static final int MAX_COLUMNS = 6;
  static final int MARGIN = 20;
  static final int CHAR_WIDTH_X4 = 29; // 7.25 px per character at font-size 12, times 4
  static final int LINE = 16;
  static final int BUS_GAP = 28;
  static final int COLUMN_GAP = 28;
  static final int STRIP_GAP = 36;
  static final int MIN_BOX = 150;
  static final int MAX_BOX_CHARS = 40;
  static final String FRAME_COLOR = "#555555";
  /** Okabe-Ito colours (safe for colour-blind readers), yellow left out: it vanishes on white. */
  static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
      "#000000", "#999999");

  /** The drawing: size, title lines, then buses per strip and machines by the host that runs them. */
  public record Drawing(int width, int height, String title, List<Text> heading, List<Bus> buses,
      List<Group> groups) {
    /** Every machine's box, in drawing order. */
    public List<Box> machines() {
      return groups.stream().flatMap(g -> g.machines().stream()).toList();
    }
  }

  /**
   * Machines one host runs, framed and labelled ({@code id} "host-NAME"); on one host, or for the
   * unplaced machines, a group with no id, frame or label.
   */
  public record Group(String id, Frame frame, Text label, List<Box> machines) {}

  /** A dashed rectangle around a host's strips. */
  public record Frame(int x, int y, int width, int height) {}

  public record Text(int x, int y, String text, String color, boolean bold, String anchor) {}

  /** A bus line from x1 to x2 at y, its label left of it, and the gateway note right of it (or null). */
  public record Bus(String network, int x1, int x2, int y, String color, Text label, Text note) {}

  /** A drop from a box's top edge up to its bus, ending in a dot. */
  public record Drop(int x, int y1, int y2, String color) {}

  /** A machine: its box, its text lines, its drops, and a tooltip with every detail. */
  public record Box(String id, int x, int y, int width, int height, boolean router, String tooltip,
      List<Text> lines, List<Drop> drops) {}

  private TopologySvg() {}

  public static Drawing draw(Topology t) {
    int boxChars = 0;
    for (Topology.Host h : t.machines()) {
      for (String line : boxLines(h)) {
        boxChars = Math.max(boxChars, line.length());
      }
    }
    int boxWidth = Math.max(MIN_BOX, px(Math.min(boxChars, MAX_BOX_CHARS)) + 16);
    int gutter = 0;
    for (Topology.Net n : t.networks()) {
      gutter = Math.max(gutter, px(busLabel(n).length()));
    }
    int left = MARGIN + gutter + 10;
    int machines = t.machines().size();
    int strips = Math.max(1, (machines + MAX_COLUMNS - 1) / MAX_COLUMNS);
    int columns = Math.max(1, (machines + strips - 1) / strips);
    if (!t.members().isEmpty()) {
      // Grouped by host: as wide as the largest group needs, each group in strips of its own.
      columns = Math.min(MAX_COLUMNS, t.groups().stream().mapToInt(g -> g.machines().size()).max().orElse(1));
    }

    List<Text> heading = new ArrayList<>();
    int y = MARGIN + 14;
    heading.add(new Text(MARGIN, y, "lab " + t.lab(), "#000000", true, "start"));
    if (!t.description().isEmpty()) {
      y += LINE;
      heading.add(new Text(MARGIN, y, clip(t.description(), 120), "#555555", false, "start"));
    }
    y += 20;

    List<Bus> buses = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    int right = left + columns * boxWidth + (columns - 1) * COLUMN_GAP + 20;
    for (Topology.Group g : t.groups()) {
      int groupTop = y;
      Text label = null;
      if (g.member() != null) {
        // A host's machines sit in a frame of their own, its name and address on top.
        y += 6;
        label = new Text(MARGIN, y + 12, hostLabel(g.member()), FRAME_COLOR, true, "start");
        y += LINE + 4;
      }
      List<Box> groupBoxes = new ArrayList<>();
      int groupStrips = g.member() == null && t.members().isEmpty() ? strips
          : Math.max(1, (g.machines().size() + columns - 1) / columns);
      y = strips(t, g.machines(), groupStrips, columns, left, right, boxWidth, y, buses, groupBoxes);
      if (label != null) {
        spans.add(new int[] {groupTop, y - STRIP_GAP + 10});
        y += 10;
      } else {
        spans.add(null);
      }
      groups.add(new Group(g.member() == null ? null : "host-" + g.member().name(), null, label, groupBoxes));
    }
    int noteWidth = 0;
    for (Topology.Net n : t.networks()) {
      if (n.gateway() != null && !n.gatewayIsMachine()) {
        noteWidth = Math.max(noteWidth, px(("gw " + n.gateway()).length()) + 6);
      }
    }
    int width = Math.max(right + noteWidth + MARGIN, MARGIN * 2 + px(heading.get(heading.size() - 1).text().length()));
    int height = y - STRIP_GAP + MARGIN;
    List<Group> framed = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      int[] span = spans.get(i);
      Frame frame = span == null ? null : new Frame(MARGIN / 2, span[0], width - MARGIN, span[1] - span[0]);
      framed.add(new Group(g.id(), frame, g.label(), g.machines()));
    }
    return new Drawing(width, height, "lab " + t.lab(), heading, buses, framed);
  }

  /**
   * Lays out {@code machines} in {@code count} strips of at most {@code columns} from {@code y} on,
   * each strip under the buses its machines use; returns the y after the last strip.
   */
  private static int strips(Topology t, List<Topology.Host> machines, int count, int columns, int left, int right,
      int boxWidth, int y, List<Bus> buses, List<Box> boxes) {
    int total = machines.size();
    for (int s = 0; s < count; s++) {
      List<Topology.Host> strip = machines.subList(Math.min(total, s * columns), Math.min(total, (s + 1) * columns));
      Set<Integer> used = new java.util.TreeSet<>();
      strip.forEach(h -> h.ports().forEach(p -> used.add(t.networkIndex(p.network()))));
      if (strip.isEmpty()) {
        used.clear();
        for (int i = 0; i < t.networks().size(); i++) {
          used.add(i);
        }
      }
      int[] busY = new int[t.networks().size()];
      y += 10;
      for (int i : used) {
        Topology.Net n = t.networks().get(i);
        busY[i] = y;
        String color = color(i);
        Text label = new Text(left - 10, y + 4, busLabel(n), color, true, "end");
        Text note = n.gateway() == null || n.gatewayIsMachine() ? null
            : new Text(right + 6, y + 4, "gw " + n.gateway(), color, false, "start");
        buses.add(new Bus(n.name(), left, right, y, color, label, note));
        y += BUS_GAP;
      }
      int boxTop = y + 6;
      int lines = 0;
      for (Topology.Host h : strip) {
        lines = Math.max(lines, boxLines(h).size());
      }
      int boxHeight = lines * LINE + 12;
      for (int c = 0; c < strip.size(); c++) {
        Topology.Host h = strip.get(c);
        int x = left + 10 + c * (boxWidth + COLUMN_GAP);
        boxes.add(box(t, h, x, boxTop, boxWidth, boxHeight, busY));
      }
      y = boxTop + boxHeight + STRIP_GAP;
    }
    return y;
  }

  /** A host's frame label: its name and address. */
  static String hostLabel(Topology.Member m) {
    return "host " + m.name() + " " + m.address();
  }

  private static Box box(Topology t, Topology.Host h, int x, int top, int width, int height, int[] busY) {
    List<Text> lines = new ArrayList<>();
    List<String> text = boxLines(h);
    int ty = top + LINE;
    for (int i = 0; i < text.size(); i++) {
      String color = "#000000";
      if (i == 1) {
        color = "#555555";
      } else if (i >= 2) {
        color = color(t.networkIndex(h.ports().get(i - 2).network()));
      }
      lines.add(new Text(x + 8, ty, clip(text.get(i), MAX_BOX_CHARS), color, i == 0, "start"));
      ty += LINE;
    }
    List<Drop> drops = new ArrayList<>();
    int n = h.ports().size();
    for (int k = 0; k < n; k++) {
      int net = t.networkIndex(h.ports().get(k).network());
      drops.add(new Drop(x + (k + 1) * width / (n + 1), busY[net], top, color(net)));
    }
    return new Box("machine-" + h.name(), x, top, width, height, h.forwarding(), tooltip(h), lines, drops);
  }

  /** Name, then "image, N cpu, M MiB", then one "ifname address network" per NIC. */
  static List<String> boxLines(Topology.Host h) {
    List<String> lines = new ArrayList<>();
    lines.add(h.name());
    lines.add(h.image() + ", " + h.cpus() + " cpu, " + memory(h.memoryMib()) + (h.forwarding() ? ", routes" : ""));
    for (Topology.Port p : h.ports()) {
      lines.add(p.ifname() + " " + p.address() + " " + p.network());
    }
    return lines;
  }

  private static String tooltip(Topology.Host h) {
    StringBuilder s = new StringBuilder(h.name());
    Set<String> parts = new LinkedHashSet<>();
    for (Topology.Port p : h.ports()) {
      parts.add(p.ifname() + " " + p.network() + " " + p.address() + " " + p.mac());
    }
    parts.forEach(p -> s.append('\n').append(p));
    return s.toString();
  }

  static String busLabel(Topology.Net n) {
    return n.name() + " " + n.cidr() + ("private".equals(n.kind()) ? "" : " " + n.kind());
  }

  static String memory(long mib) {
    return mib % 1024 == 0 ? mib / 1024 + " GiB" : mib + " MiB";
  }

  static String color(int network) {
    return PALETTE.get(network % PALETTE.size());
  }

  private static int px(int chars) {
    return (chars * CHAR_WIDTH_X4 + 3) / 4;
  }

  private static String clip(String s, int max) {
    String one = s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
    return one.codePointCount(0, one.length()) <= max ? one
        : one.substring(0, one.offsetByCodePoints(0, max - 1)) + "\u2026";
  }
}
