package org.flannel.harness.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.flannel.harness.reports.model.MessagesReader;
import org.flannel.harness.reports.model.Run;
import org.flannel.harness.reports.model.Scenario;

/**
 * The runs the tests read: trimmed from real runs (fixture/trim-messages.py), real captures included.
 * passed-run: the reference flanneld; the VXLAN frame-format and seven-step scenarios, node1's kernel
 * tables, the udp and host-gw frames. failed-run: the frame-format scenario against a flanneld that uses
 * VNI 2 (features/impls/broken/wrong-vni). faults-run: five @faults scenarios against the reference flanneld
 * (etcd down for 12 s with a ping running across it, a node rebooted, SIGTERM, junk datagrams, etcd's history
 * compacted), all passed. faults-failed-run: the udp etcd outage against a flanneld that exits 2 s after it is ready
 * (features/impls/broken/dies-after-ready): its pings are lost from then on, and the scenario fails before it judges
 * them. Both trimmed from runs of -Dcucumber.filter.tags=@faults (the failed one with
 * -Dflannel.impl=features/impls/broken/dies-after-ready/flanneld).
 */
public final class Fixtures {
    public static final String PASSED = "/fixture/passed-run.ndjson";
    public static final String FAILED = "/fixture/failed-run.ndjson";
    public static final String FAULTS = "/fixture/faults-run.ndjson";
    public static final String FAULTS_FAILED = "/fixture/faults-failed-run.ndjson";

    public static final String FRAME_FORMAT = "the echo request from 10.1.15.2 to 10.1.16.3 as it leaves node1 on eth0";
    public static final String SEVEN_STEPS = "the echo request on its way out and the reply on its way back";
    public static final String NODE_STATE =
            "node1's route, neighbour and FDB entry for node2's subnet, as the seed prints them";
    public static final String UDP_FRAME =
            "on node1's eth0 the same packet rides in a UDP datagram to node2, port 8285 both ways";
    public static final String HOST_GW_FRAME =
            "the echo request leaves node1 unencapsulated, addressed to node2's eth0";

    public static final String ETCD_OUTAGE =
            "vxlan: etcd is down for 12 seconds; the agents stay, pods keep pinging, and later"
                    + " joins and leaves arrive";
    public static final String REBOOT =
            "node2 reboots: its new VTEP MAC replaces the old one in node1's neighbour and FDB entries";
    public static final String SIGTERM = "flanneld on node2 sent SIGTERM exits within 5 seconds";
    public static final String JUNK =
            "random bytes and truncated IPv4 headers sent to node1's port 8285 are dropped; the pods" + " keep pinging";
    public static final String COMPACTION =
            "etcd's history compacted past what the agents watched, and etcd restarted: a later"
                    + " join still arrives";
    /** In faults-failed-run. */
    public static final String UDP_ETCD_OUTAGE =
            "udp: etcd is down for 12 seconds; the agents stay, pods keep pinging, and"
                    + " later joins and leaves arrive";

    /** The captured frame's values in passed-run, as the capture holds them. */
    public static final String INNER_DESTINATION_MAC = "1e:d6:c9:c8:68:47";

    public static final String INNER_SOURCE_MAC = "7a:61:a2:4f:d0:7a";
    public static final String OUTER_DESTINATION_MAC = "be:94:21:84:50:70";
    /** node2's VTEP MAC in the seven-step scenario (every scenario builds its own nodes, with their own MACs). */
    public static final String FLOW_NODE2_VTEP_MAC = "c6:e5:8d:65:c3:44";

    private Fixtures() {}

    public static Path path(String resource) {
        try {
            return Path.of(Fixtures.class.getResource(resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + resource, e);
        }
    }

    public static Run run(String resource) {
        try {
            return MessagesReader.read(path(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario scenario(Run run, String name) {
        return run.scenario(name).orElseThrow(() -> new AssertionError("no scenario " + name + " in the fixture"));
    }
}
