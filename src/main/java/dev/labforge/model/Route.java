package dev.labforge.model;

/** A route of the spec: packets for the network {@code to} go through the address {@code via}. */
public record Route(Subnet to, Address via) {}
