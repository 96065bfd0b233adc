package org.flannel.harness.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The harness judged: the features run against a second implementation written from scratch for this
 * purpose (features/impls/shell-flanneld), which must pass them all, and against broken variants of it,
 * each of which must fail exactly the scenarios its fault breaks, with a message naming the fault.
 * Each run writes its conformance report to {@code <flannel.reports.dir>/self-test/<variant>/}
 * (read it with {@code ConformanceResults.read}); the main run's report is never touched.
 * Tagged so that failsafe's self-test execution runs it, and the conformance execution does not.
 */
@Tag("harness-self-test")
class HarnessSelfTest {
    private static final Path IMPLS = Path.of(System.getProperty("flannel.impls.dir", "impls")).toAbsolutePath();
    private static final Path REPORTS = Path.of(System.getProperty("flannel.reports.dir", "target/cucumber"))
            .toAbsolutePath().normalize().resolve("self-test");

    static Stream<Arguments> implementations() {
        String echoOnEth0 = "the echo request from 10.1.15.2 to 10.1.16.3 as it leaves node1 on eth0";
        Set<String> frameFormat = Set.of(echoOnEth0,
                "the outer destination is node2's public IP from its lease, the inner destination node2's VTEP MAC");
        String hops = "the echo request on its way out and the reply on its way back";
        String probes = "a UDP datagram and a TCP connection from container-1 to container-2 take the same tunnel";
        String device = "flannel.1 on node1, over a 1500-byte underlay";
        String fullSize = "a DF packet of exactly FLANNEL_MTU bytes crosses whole";
        String oneMore = "one byte more is refused at the sender and never appears on the wire";
        String defaultPort = "Example #1.1: {\"Type\": \"vxlan\"} gives flannel.1 and VXLAN port 8472 on the wire";
        String port4789 = "Example #1.2: {\"Type\": \"vxlan\", \"VNI\": 4096, \"Port\": 4789} gives flannel.4096 and"
                + " VXLAN port 4789 on the wire";
        String nodeState1 = "node1's route, neighbour and FDB entry for node2's subnet, as the seed prints them";
        String nodeState2 = "node2 holds the mirror image for node1's subnet";
        String restart = "flanneld on node2 is stopped and started again";
        String join = "node3 joins and gets the only free subnet; node1 and node2 learn it";
        String directRouting = "node1 reaches node2's pods directly and node3's through VXLAN";
        // Mixed clusters: the implementation judged next to the reference flanneld, on node2 and then on node1.
        String mixed = "pods reach each other both ways, in VXLAN frames of one format";
        Set<String> interop = Set.of(
                "Example #1.1: node1 runs the reference flanneld, node2 the flanneld under test: " + mixed,
                "Example #1.2: node1 runs the flanneld under test, node2 the reference flanneld: " + mixed);
        return Stream.of(
                Arguments.of("shell-flanneld/flanneld", Set.of(), ""),
                Arguments.of("broken/wrong-port/flanneld",
                        union(union(frameFormat, interop), Set.of(probes, hops, device, fullSize, oneMore, defaultPort,
                                port4789, directRouting)), "dstport"),
                Arguments.of("broken/wrong-vni/flanneld",
                        union(interop, Set.of(echoOnEth0, probes, hops, device, defaultPort, port4789, directRouting)),
                        "vni"),
                Arguments.of("broken/non-permanent-neighbours/flanneld", Set.of(nodeState1, nodeState2, restart),
                        "PERMANENT"),
                Arguments.of("broken/missing-fdb/flanneld",
                        union(union(frameFormat, interop), Set.of(nodeState1, nodeState2, probes, hops, fullSize,
                                oneMore, defaultPort, port4789, restart, join, directRouting)), "fdb"),
                Arguments.of("broken/wrong-mtu/flanneld", Set.of("node1's subnet file", oneMore), "FLANNEL_MTU"),
                Arguments.of("broken/leases-never-cleaned/flanneld", Set.of("node2's lease is deleted"), "10.1.16.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void theFeaturesJudgeTheImplementation(String executable, Set<String> expectedFailures, String faultWord) {
        Path impl = IMPLS.resolve(executable);
        assertThat(Files.isExecutable(impl)).as("%s is an executable", impl).isTrue();

        Map<String, String> failures = runFeaturesAgainst(impl);

        assertThat(failures.keySet()).as("scenarios failed by %s", executable)
                .containsExactlyInAnyOrderElementsOf(expectedFailures);
        if (!faultWord.isEmpty()) {
            assertThat(String.join("\n", failures.values())).as("the failures name the fault (%s)", faultWord)
                    .containsIgnoringCase(faultWord);
        }
    }

    /** Runs every feature in this JVM with {@code flannel.impl} set; scenario name → failure message. */
    private static Map<String, String> runFeaturesAgainst(Path impl) {
        String previous = System.getProperty("flannel.impl");
        System.setProperty("flannel.impl", impl.toString());
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectPackage("features"))
                    .filters(EngineFilter.includeEngines("cucumber"))
                    .configurationParameter("cucumber.glue", "org.flannel.harness.steps")
                    // Never the html/message/junit plugins: those files are the main run's report. The
                    // conformance report goes to a directory of its own per variant.
                    .configurationParameter("cucumber.plugin", "progress, org.flannel.harness.conformance"
                            + ".ConformanceReport:" + conformanceDir(impl))
                    // The shell implementation has the vxlan backend only: it is judged on the @vxlan features
                    // that need nothing else (not the side-by-side networks, whose second one is host-gw).
                    .configurationParameter("cucumber.filter.tags", "@vxlan and not @host-gw")
                    .build();
            Map<String, String> failures = new TreeMap<>();
            TestExecutionListener listener = new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (test.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        failures.put(test.getDisplayName(),
                                result.getThrowable().map(Throwable::getMessage).orElse(result.getStatus().toString()));
                    }
                }
            };
            LauncherFactory.create().execute(request, listener);
            return failures;
        } finally {
            if (previous == null) {
                System.clearProperty("flannel.impl");
            } else {
                System.setProperty("flannel.impl", previous);
            }
        }
    }

    /** Where a variant's conformance report goes: self-test/shell-flanneld, self-test/wrong-port, ... */
    static Path conformanceDir(Path impl) {
        return REPORTS.resolve(impl.getParent().getFileName().toString());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
