package org.flannel.harness.kernel;

/** {@code bridge fdb show dev X}: a MAC, the VTEP it is sent to, its flags and its state. */
public record FdbEntry(String mac, String dst, String flags, String state) {}
