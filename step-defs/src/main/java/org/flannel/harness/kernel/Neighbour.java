package org.flannel.harness.kernel;

/** {@code ip neigh show dev X}: an address, its link-layer address and its NUD state. */
public record Neighbour(String address, String lladdr, String state) {}
