package dev.labforge.model;

/**
 * A script shipped into the guest. {@code source} is the spec-relative path as written;
 * {@code guestPath} is where it lands in the guest; {@code content} is the file's text.
 */
public record Script(String name, String source, String guestPath, String content, boolean privileged) {}
