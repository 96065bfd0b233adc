package org.flannel.harness.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.flannel.harness.conformance.Backends;
import org.flannel.harness.conformance.ConformanceResults;
import org.flannel.harness.conformance.Verdict;
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
 * each of which must fail exactly the requirements its fault breaks, with a message naming the fault.
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
        Set<String> frameFormat = Set.of("R-VXLAN-WIRE-01", "R-VXLAN-WIRE-02");
        String probes = "R-VXLAN-WIRE-03";
        String flowHash = "R-VXLAN-WIRE-04"; // needs VXLAN frames on port 8472 to judge
        String hops = "R-VXLAN-FLOW-01";
        String device = "R-VXLAN-DEVICE-01";
        String fullSize = "R-VXLAN-MTU-01";
        String oneMore = "R-VXLAN-MTU-02";
        String ports = "R-VXLAN-CONFIG-01"; // both examples: default port 8472, and VNI 4096 on port 4789
        String nodeState1 = "R-VXLAN-PEER-01";
        String nodeState2 = "R-VXLAN-PEER-02";
        String restart = "R-VXLAN-RESTART-01";
        String join = "R-VXLAN-JOIN-01";
        String directRouting = "R-VXLAN-DIRECT-01";
        // Mixed clusters: the implementation judged next to the reference flanneld, on node2 and then on node1.
        String interop = "R-INTEROP-VXLAN-01";
        return Stream.of(
                Arguments.of("shell-flanneld/flanneld", Set.of(), ""),
                Arguments.of("broken/wrong-port/flanneld", union(frameFormat, Set.of(interop, probes, flowHash, hops,
                        device, fullSize, oneMore, ports, directRouting)), "dstport"),
                Arguments.of("broken/wrong-vni/flanneld",
                        Set.of(interop, "R-VXLAN-WIRE-01", probes, hops, device, ports, directRouting), "vni"),
                Arguments.of("broken/non-permanent-neighbours/flanneld", Set.of(nodeState1, nodeState2, restart),
                        "PERMANENT"),
                Arguments.of("broken/missing-fdb/flanneld", union(frameFormat, Set.of(interop, nodeState1, nodeState2,
                        probes, flowHash, hops, fullSize, oneMore, ports, restart, join, directRouting)), "fdb"),
                Arguments.of("broken/wrong-mtu/flanneld", Set.of("R-VXLAN-SUBNETFILE-01", oneMore), "FLANNEL_MTU"),
                Arguments.of("broken/leases-never-cleaned/flanneld", Set.of("R-VXLAN-LEAVE-01"), "10.1.16.0"));
    }

    /**
     * The verdicts, read back from the variant's conformance.json: exactly the expected requirements fail
     * (any level), the failures name the fault, and the backends the shell implementation lacks are n/a.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void theFeaturesJudgeTheImplementation(String executable, Set<String> expectedFailures, String faultWord)
            throws IOException {
        Path impl = IMPLS.resolve(executable);
        assertThat(Files.isExecutable(impl)).as("%s is an executable", impl).isTrue();

        Map<String, String> failures = runFeaturesAgainst(impl);
        ConformanceResults results = ConformanceResults.read(conformanceDir(impl).resolve("conformance.json"));

        assertThat(results.failed()).as("requirements failed by %s", executable)
                .containsExactlyInAnyOrderElementsOf(expectedFailures);
        assertThat(results.verdicts()).as("requirements of the backends %s lacks", executable)
                .containsEntry("R-UDP-WIRE-01", Verdict.NOT_APPLICABLE)
                .containsEntry("R-HOSTGW-ROUTE-01", Verdict.NOT_APPLICABLE)
                .containsEntry("R-MULTI-NET-01", Verdict.NOT_APPLICABLE);
        results.verdicts().forEach((id, verdict) -> {
            if (id.startsWith("R-VXLAN-") || id.equals("R-INTEROP-VXLAN-01")) {
                assertThat(verdict).as("%s judged for %s", id, executable).isIn(Verdict.PASS, Verdict.FAIL);
            }
        });
        if (!faultWord.isEmpty()) {
            assertThat(String.join("\n", failures.values())).as("the failures name the fault (%s)", faultWord)
                    .containsIgnoringCase(faultWord);
        }
    }

    /** Runs every feature in this JVM with {@code flannel.impl} set; scenario name → failure message. */
    private static Map<String, String> runFeaturesAgainst(Path impl) {
        String previous = System.getProperty("flannel.impl");
        String previousBackends = System.getProperty(Backends.PROPERTY);
        System.setProperty("flannel.impl", impl.toString());
        // The shell implementation declares the vxlan backend only: udp, host-gw and the side-by-side
        // networks (whose second one is host-gw) are not applicable, and reported so.
        System.setProperty(Backends.PROPERTY, "vxlan");
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectPackage("features"))
                    .filters(EngineFilter.includeEngines("cucumber"))
                    .configurationParameter("cucumber.glue", "org.flannel.harness.steps")
                    // Never the html/message/junit plugins: those files are the main run's report. The
                    // conformance report goes to a directory of its own per variant.
                    .configurationParameter("cucumber.plugin", "progress, org.flannel.harness.conformance"
                            + ".ConformanceReport:" + conformanceDir(impl))
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
            if (previousBackends == null) {
                System.clearProperty(Backends.PROPERTY);
            } else {
                System.setProperty(Backends.PROPERTY, previousBackends);
            }
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
