package dev.labforge.targets.xen;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code targets.xen}: the guest type (pvh, the default, or hvm), the dom0 folder that holds the
 * lab's disks, and for PVH a kernel, ramdisk and command line (without a kernel, pygrub boots the
 * disk's own kernel). {@code extra} defaults to the PVH console so {@code xl console} works.
 */
public record XenSettings(String type, String imageDir, String kernel, String ramdisk, String extra) {
  public static final String PVH = "pvh";
  public static final String HVM = "hvm";
  static final String PVH_CONSOLE = "console=hvc0";

  public static XenSettings of(JsonNode node, String labName) {
    String type = node.path("type").asText(PVH);
    String extra = text(node, "extra");
    return new XenSettings(type, node.path("image_dir").asText("/var/lib/xen/images/" + labName),
        text(node, "kernel"), text(node, "ramdisk"), extra == null && type.equals(PVH) ? PVH_CONSOLE : extra);
  }

  public boolean hvm() {
    return type.equals(HVM);
  }

  private static String text(JsonNode node, String key) {
    return node.hasNonNull(key) ? node.get(key).asText() : null;
  }
}
