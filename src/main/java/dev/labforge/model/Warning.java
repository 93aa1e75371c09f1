package dev.labforge.model;

/**
 * A spec that is valid but will not work as meant (nobody can log in, a build cannot connect),
 * at the JSON pointer of the spec node to change. Printed as a located {@code warning:}.
 */
public record Warning(String pointer, String message) {}
