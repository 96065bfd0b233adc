package org.flannel.harness.topology;

import java.nio.file.Path;

/** A running packet capture at one interface, written as a pcap file. */
public interface Capture {
    String point();

    String filter();

    /** The pcap file being written (complete only after {@link #stop()}). */
    Path file();

    /** Stops capturing, flushes, and returns the pcap file. Idempotent. */
    Path stop();
}
