package org.flannel.harness.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.run.RunSettings;
import org.flannel.harness.topology.TopologySpec;

/**
 * The {@code @scale} features' cluster: N nodes (N from {@code -Dflannel.scale.nodes}, read once with the run's
 * settings), named node1 to nodeN, and, where a scenario asks, one spare node after them that no flanneld runs on
 * until the scenario starts one. Node k sits at 10.168.1.k (on a second segment, 10.169.1.k), etcd at 10.168.0.10:
 * apart from every node for any N up to {@value RunSettings#MAX_SCALE_NODES}. One per scenario.
 */
public final class ScaleCluster {
    static final String UNDERLAY = "underlay";
    static final String LEFT = "left";
    static final String RIGHT = "right";

    private final int size;
    private boolean spare;
    private boolean twoSegments;

    public ScaleCluster(RunSettings settings) {
        this.size = settings.scaleNodes();
    }

    /** N. */
    int size() {
        return size;
    }

    /** node1 to nodeN, without the spare. */
    List<String> nodes() {
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= size; k++) {
            names.add(name(k));
        }
        return names;
    }

    /** The spare node, node(N+1), if the topology has one. */
    Optional<String> spare() {
        return spare ? Optional.of(name(size + 1)) : Optional.empty();
    }

    String last() {
        return name(size);
    }

    /** N nodes (and the spare, if asked for) and etcd on one /16 underlay. */
    TopologySpec oneUnderlay(boolean withSpare) {
        this.spare = withSpare;
        TopologySpec.Builder spec = TopologySpec.builder().segment(UNDERLAY, "10.168.0.0/16");
        int count = withSpare ? size + 1 : size;
        for (int k = 1; k <= count; k++) {
            spec.node(name(k), UNDERLAY, "10.168.1." + k);
        }
        return spec.etcd(UNDERLAY, "10.168.0.10").build();
    }

    /**
     * N nodes on two /16 segments joined by a router: odd-numbered nodes (and etcd) on the left one at 10.168.1.k,
     * even-numbered on the right one at 10.169.1.k; each node's default route goes via the router.
     */
    TopologySpec twoSegments() {
        this.spare = false;
        this.twoSegments = true;
        TopologySpec.Builder spec =
                TopologySpec.builder().segment(LEFT, "10.168.0.0/16").segment(RIGHT, "10.169.0.0/16");
        for (int k = 1; k <= size; k++) {
            spec.node(name(k), k % 2 == 1 ? LEFT : RIGHT, (k % 2 == 1 ? "10.168.1." : "10.169.1.") + k);
        }
        java.util.Map<String, String> router = new java.util.LinkedHashMap<>();
        router.put(LEFT, "10.168.0.1");
        router.put(RIGHT, "10.169.0.1");
        return spec.router("router", router).etcd(LEFT, "10.168.0.10").build();
    }

    /** The segment a node of {@link #twoSegments()} is on, or the one underlay. */
    String segmentOf(String node) {
        if (!twoSegments) {
            return UNDERLAY;
        }
        return Integer.parseInt(node.substring("node".length())) % 2 == 1 ? LEFT : RIGHT;
    }

    static String name(int k) {
        return "node" + k;
    }
}
