package dev.labforge.model;

/**
 * One entry of the spec's {@code hosts}: a machine that runs part of the lab (an LXD cluster
 * member), by its name and its address on the underlay that joins the hosts.
 */
public record Host(String name, Address address) {}
