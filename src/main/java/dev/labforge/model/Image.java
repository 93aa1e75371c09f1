package dev.labforge.model;

import java.util.List;

/**
 * A base image. {@code sourceChecksum} is "none" when the spec gives none. {@code files} and
 * {@code scripts} are what Packer puts into the image after its packages and commands.
 */
public record Image(
    String name,
    String os,
    String release,
    String sourceUrl,
    String sourceChecksum,
    String sourceFormat,
    List<String> builders,
    String vagrantBox,
    String openstackImage,
    List<String> packages,
    List<String> commands,
    List<GuestFile> files,
    List<Script> scripts) {

  /** An image with no files or scripts, as before the spec had them for images. */
  public Image(String name, String os, String release, String sourceUrl, String sourceChecksum, String sourceFormat,
      List<String> builders, String vagrantBox, String openstackImage, List<String> packages, List<String> commands) {
    this(name, os, release, sourceUrl, sourceChecksum, sourceFormat, builders, vagrantBox, openstackImage, packages,
        commands, List.of(), List.of());
  }

  /** The package manager family the OS uses: "apt" or "dnf". */
  public String packageManager() {
    return os.equals("debian") || os.equals("ubuntu") ? "apt" : "dnf";
  }
}
