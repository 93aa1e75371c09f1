package dev.labforge.targets.cloudinit.iso;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A file or directory of the image. Each carries its name in both trees (ISO 9660 level 1 for the
 * primary volume, UCS-2 for Joliet) and, once laid out, the sectors where it lives.
 */
final class IsoNode {
  final String name;
  final IsoNode parent;
  final byte[] data;
  final TreeMap<String, IsoNode> children = new TreeMap<>();
  String primaryId;
  String jolietId;
  int dataSector;
  final Placement primary = new Placement();
  final Placement joliet = new Placement();

  /** Where one tree's copy of a directory lives: its path-table number, first sector, size. */
  static final class Placement {
    int number;
    int sector;
    int length;
  }

  private IsoNode(String name, IsoNode parent, byte[] data) {
    this.name = name;
    this.parent = parent;
    this.data = data;
  }

  static IsoNode root() {
    return new IsoNode("", null, null);
  }

  boolean isDirectory() {
    return data == null;
  }

  /** Adds {@code path} ("a/b/c") with its content, creating the directories on the way. */
  void add(String path, byte[] content) {
    String[] parts = path.split("/");
    IsoNode dir = this;
    for (int i = 0; i < parts.length - 1; i++) {
      IsoNode parentDir = dir;
      dir = dir.children.computeIfAbsent(parts[i], n -> new IsoNode(n, parentDir, null));
      if (!dir.isDirectory()) {
        throw new IllegalArgumentException(path + ": " + parts[i] + " is a file");
      }
    }
    String leaf = parts[parts.length - 1];
    if (dir.children.containsKey(leaf)) {
      throw new IllegalArgumentException(path + " added twice");
    }
    dir.children.put(leaf, new IsoNode(leaf, dir, content.clone()));
  }

  /** Directories in path-table order: level by level, each level by parent, then by identifier. */
  List<IsoNode> directoriesInLevelOrder(boolean jolietTree) {
    List<IsoNode> order = new ArrayList<>(List.of(this));
    for (int i = 0; i < order.size(); i++) {
      order.get(i).sortedChildren(jolietTree).stream().filter(IsoNode::isDirectory).forEach(order::add);
    }
    return order;
  }

  List<IsoNode> sortedChildren(boolean jolietTree) {
    List<IsoNode> list = new ArrayList<>(children.values());
    list.sort(jolietTree ? IsoNames.JOLIET_ORDER : IsoNames.PRIMARY_ORDER);
    return list;
  }

  /** Every file, depth first in name order: the order their data is laid out. */
  void files(List<IsoNode> out) {
    for (IsoNode child : children.values()) {
      if (child.isDirectory()) {
        child.files(out);
      } else {
        out.add(child);
      }
    }
  }
}
