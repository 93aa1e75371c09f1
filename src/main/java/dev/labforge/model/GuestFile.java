package dev.labforge.model;

/** A file written into a guest; {@code content} is exact, byte for byte. */
public record GuestFile(String path, String content, String permissions, String owner) {}
