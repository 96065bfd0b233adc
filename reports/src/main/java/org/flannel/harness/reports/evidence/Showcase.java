package org.flannel.harness.reports.evidence;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.flannel.harness.contracts.evidence.FrameMatchEvidence;
import org.flannel.harness.contracts.evidence.HopTraceEvidence;
import org.flannel.harness.contracts.evidence.KernelTableEvidence;
import org.flannel.harness.reports.model.Run;
import org.flannel.harness.reports.model.Scenario;

/**
 * Picks, in a run, the evidence the teaching pages draw: the frame of each backend (the richest header
 * table judged on node1's eth0 in that backend's frame feature), the seven-step trace, node1's tables.
 * Every pick is optional: a run with a tag filter may not have it.
 */
public final class Showcase {
    /** Where each backend's frame is shown: the feature that states it, and the capture point. */
    static final Map<String, String> FRAME_FEATURES = Map.of(
            "vxlan",
            "vxlan/02-frame-format.feature",
            "udp",
            "udp/01-udp-datapath.feature",
            "host-gw",
            "host-gw/01-host-gw-routes.feature");

    static final String FLOW_FEATURE = "vxlan/03-seven-step-flow.feature";
    public static final String NODE_STATE_FEATURE = "vxlan/01-node-state.feature";

    /** A piece of evidence and the scenario it comes from. */
    public record Pick<T>(Scenario scenario, T evidence) {}

    private final Run run;
    private final Map<String, ScenarioEvidence> evidence = new ConcurrentHashMap<>();

    public Showcase(Run run) {
        this.run = run;
    }

    public ScenarioEvidence evidence(Scenario scenario) {
        return evidence.computeIfAbsent(scenario.id(), id -> ScenarioEvidence.of(scenario));
    }

    /** The frame that shows a backend's encapsulation (or its absence, for host-gw) on node1's eth0. */
    public Optional<Pick<FrameMatchEvidence>> frame(String backend) {
        String feature = FRAME_FEATURES.getOrDefault(backend, "");
        Comparator<Pick<FrameMatchEvidence>> richest =
                Comparator.comparingInt(p -> p.evidence().rows().size());
        Optional<Pick<FrameMatchEvidence>> best = run.scenarios().stream()
                .filter(s -> s.featurePath().equals(feature))
                .flatMap(s -> evidence(s).frames().stream().map(f -> new Pick<>(s, f)))
                .filter(p -> p.evidence().point().endsWith(":eth0")
                        && p.evidence().frame().isPresent())
                .filter(p -> !backend.equals("udp")
                        || p.evidence().frame().get().layer("outer.udp").isPresent())
                .max(richest);
        if (best.isPresent()) {
            return best;
        }
        return run.scenarios().stream()
                .filter(s -> s.backends().equals(List.of(backend)))
                .flatMap(s -> evidence(s).frames().stream().map(f -> new Pick<>(s, f)))
                .filter(p -> p.evidence().frame().isPresent())
                .max(richest);
    }

    /** The packet followed hop by hop: the echo request (index 0) or reply (1) of the seven-step scenario. */
    public Optional<Pick<HopTraceEvidence>> trace(String packet) {
        Optional<Pick<HopTraceEvidence>> preferred = traces(FLOW_FEATURE, packet);
        return preferred.isPresent() ? preferred : traces("", packet);
    }

    private Optional<Pick<HopTraceEvidence>> traces(String feature, String packet) {
        return run.scenarios().stream()
                .filter(s -> feature.isEmpty() || s.featurePath().equals(feature))
                .flatMap(s -> evidence(s).hops().stream().map(h -> new Pick<>(s, h)))
                .filter(p -> p.evidence().packet().equals(packet))
                .findFirst();
    }

    /** node1's table for a command (route -n, ip neigh, bridge fdb) in a backend's scenarios. */
    public Optional<Pick<KernelTableEvidence>> kernelTable(String commandPrefix, String backend) {
        String feature = backend.equals("vxlan") ? NODE_STATE_FEATURE : FRAME_FEATURES.getOrDefault(backend, "");
        return run.scenarios().stream()
                .filter(s -> s.featurePath().equals(feature))
                .flatMap(s -> evidence(s).kernelTables().stream().map(t -> new Pick<>(s, t)))
                .filter(p -> p.evidence().command().startsWith(commandPrefix)
                        && p.evidence().node().equals("node1"))
                .findFirst();
    }

    /** The topology of the seven-step flow (two nodes, a pod on each, etcd), or the first with pods. */
    public Optional<Pick<TopologyData>> topology() {
        Optional<Pick<TopologyData>> flow = run.scenarios().stream()
                .filter(s -> s.featurePath().equals(FLOW_FEATURE))
                .flatMap(s -> evidence(s).topology().map(t -> new Pick<>(s, t)).stream())
                .findFirst();
        if (flow.isPresent()) {
            return flow;
        }
        return run.scenarios().stream()
                .flatMap(s -> evidence(s).topology().map(t -> new Pick<>(s, t)).stream())
                .filter(p -> !p.evidence().containers().isEmpty())
                .findFirst()
                .or(() -> run.scenarios().stream()
                        .flatMap(s -> evidence(s).topology().map(t -> new Pick<>(s, t)).stream())
                        .findFirst());
    }
}
