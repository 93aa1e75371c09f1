package dev.labforge.model;

/** A route of the spec: packets for the network {@code to} (CIDR) go through the address {@code via}. */
public record Route(String to, String via) {}
