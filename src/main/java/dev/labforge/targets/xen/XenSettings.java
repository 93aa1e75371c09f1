package dev.labforge.targets.xen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;

/**
 * {@code targets.xen}: the guest type (pvh, the default, or hvm), the dom0 folder that holds the
 * lab's disks (null: {@code /var/lib/xen/images/<lab>}), and for PVH a kernel, ramdisk and command
 * line (without a kernel, pygrub boots the disk's own kernel). {@code extra} defaults to the PVH
 * console so {@code xl console} works.
 */
public record XenSettings(String type, String imageDir, String kernel, String ramdisk, String extra) {
  public static final String PVH = "pvh";
  public static final String HVM = "hvm";
  static final String PVH_CONSOLE = "console=hvc0";

  public static XenSettings of(JsonNode node) {
    String type = node.path("type").asText(PVH);
    String extra = text(node, "extra");
    return new XenSettings(type, text(node, "image_dir"), text(node, "kernel"), text(node, "ramdisk"),
        extra == null && type.equals(PVH) ? PVH_CONSOLE : extra);
  }

  public static XenSettings of(Lab lab) {
    return of(lab.targets().node(XenTarget.ID));
  }

  public boolean hvm() {
    return type.equals(HVM);
  }

  /** The image folder without trailing slashes ("" for the root folder). */
  public String imageDir(String labName) {
    String dir = imageDir == null ? "/var/lib/xen/images/" + labName : imageDir;
    while (dir.endsWith("/")) {
      dir = dir.substring(0, dir.length() - 1);
    }
    return dir;
  }

  private static String text(JsonNode node, String key) {
    return node.hasNonNull(key) ? node.get(key).asText() : null;
  }
}
