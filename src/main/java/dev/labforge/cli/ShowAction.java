package dev.labforge.cli;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.model.User;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code labforge show}: the lab's inventory as plain tables, one row per NIC. A lab that routes (a
 * machine with {@code forwarding}, or a network with {@code routes}) also gets each network's
 * routes and a third table: every machine's forwarding and the routes it ends up with, its default
 * route first, as the model gives them to every target. A lab that does not route shows its
 * default routes in the GATEWAY column and prints as before.
 */
final class ShowAction {
  private ShowAction() {}

  static void print(Lab lab, PrintWriter out) {
    out.println("lab " + lab.name() + (lab.description().isEmpty() ? "" : ": " + oneLine(lab.description())));
    out.println();
    List<List<String>> machines = new ArrayList<>();
    machines.add(List.of("MACHINE", "IMAGE", "CPUS", "MEMORY", "NIC", "NETWORK", "IP", "MAC", "USERS"));
    for (Machine m : lab.machines()) {
      for (int i = 0; i < m.nics().size(); i++) {
        Nic n = m.nics().get(i);
        boolean first = i == 0;
        machines.add(List.of(first ? m.name() : "", first ? m.image() : "", first ? Integer.toString(m.cpus()) : "",
            first ? memory(m.memoryMib()) : "", n.ifname(), n.network(), n.dhcp() ? "dhcp" : n.ip().toString(),
            n.mac().toLowerCase(Locale.ROOT), first ? users(m) : ""));
      }
    }
    table(machines, out, 2);
    out.println();
    boolean routes = routes(lab);
    List<List<String>> networks = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("NETWORK", "CIDR", "GATEWAY", "DHCP", "KIND", "DNS"));
    if (routes) {
      header.add("ROUTES");
    }
    networks.add(header);
    for (Network n : lab.networks()) {
      List<String> row = new ArrayList<>(List.of(n.name(), n.subnet().toString(), n.gateway().toString(),
          n.dhcp() ? "yes" : "no", n.kind(), String.join(",", n.dns().stream().map(Object::toString).toList())));
      if (routes) {
        row.add(n.routes().isEmpty() ? "-"
            : String.join(", ", n.routes().stream().map(r -> r.to() + " via " + r.via()).toList()));
      }
      networks.add(row);
    }
    table(networks, out, -1);
    if (routes) {
      out.println();
      table(machineRoutes(lab), out, -1);
    }
  }

  /** Whether the lab routes: a machine forwards or a network has routes. */
  private static boolean routes(Lab lab) {
    return lab.machines().stream().anyMatch(Machine::forwarding) || lab.networks().stream().anyMatch(n -> !n.routes().isEmpty());
  }

  /** Each machine's forwarding, then its routes: the default route first, then its NICs' routes. */
  private static List<List<String>> machineRoutes(Lab lab) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("MACHINE", "FORWARDING", "ROUTE", "VIA", "NIC"));
    for (Machine m : lab.machines()) {
      List<List<String>> own = new ArrayList<>();
      for (Nic n : m.nics()) {
        if (n.defaultRoute()) {
          own.add(List.of("default", n.gateway().toString(), n.ifname()));
        }
      }
      for (Nic n : m.nics()) {
        n.routes().forEach(r -> own.add(List.of(r.to().toString(), r.via().toString(), n.ifname())));
      }
      if (own.isEmpty()) {
        own.add(List.of("none", "", ""));
      }
      for (int i = 0; i < own.size(); i++) {
        List<String> row = new ArrayList<>();
        row.add(i == 0 ? m.name() : "");
        row.add(i == 0 ? (m.forwarding() ? "yes" : "no") : "");
        row.addAll(own.get(i));
        rows.add(row);
      }
    }
    return rows;
  }

  private static String users(Machine m) {
    List<String> names = new ArrayList<>();
    for (User u : m.users()) {
      names.add(u.name() + (u.sudo() ? "(sudo)" : ""));
    }
    return names.isEmpty() ? "-" : String.join(",", names);
  }

  static String memory(long mib) {
    return mib % 1024 == 0 ? mib / 1024 + "GiB" : mib + "MiB";
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
  }

  /** Left-aligned columns two spaces apart; {@code right} is the index of a right-aligned column, or -1. */
  static void table(List<List<String>> rows, PrintWriter out, int right) {
    int[] width = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        String pad = " ".repeat(width[c] - cell.length());
        line.append(c == right ? pad + cell : c == row.size() - 1 ? cell : cell + pad);
        if (c < row.size() - 1) {
          line.append("  ");
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
