package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.flannel.harness.impl.LeaseKeys;
import org.flannel.harness.topology.EtcdMember;

/** etcd's faults (an outage, a compacted history) and what is written behind the agents' backs. */
public final class EtcdFaultSteps {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FLANNEL_TTL = Duration.ofHours(24);
    private final ScenarioWorld world;

    public EtcdFaultSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("etcd stops")
    public void etcdStops() {
        etcd().stop();
    }

    @When("etcd starts again")
    public void etcdStartsAgain() {
        etcd().start();
    }

    /**
     * Unrelated writes move the revision past the last one the agents' watches saw, the history is compacted up
     * to now and the member restarted: every watch must be taken up again from a revision that is gone.
     */
    @When("etcd's history is compacted past what the agents have seen, and etcd restarts")
    public void historyCompactedAndEtcdRestarts() {
        for (int i = 0; i < 5; i++) {
            etcd().put("/harness/compaction-filler", Integer.toString(i));
        }
        long revision = etcd().revision();
        etcd().compact(revision);
        world.scenario().log("compacted etcd's history up to revision " + revision);
        etcd().stop();
        etcd().start();
    }

    /** A lease rewritten in place, as a rebooted node or an operator would: one field changed, a fresh 24 h TTL. */
    @When("the lease {word} is rewritten with {word} {word}")
    public void theLeaseIsRewrittenWith(String subnet, String field, String value) {
        String key = LeaseKeys.key(world.etcdPrefix(), subnet);
        String before = etcd().get(key).orElseThrow(() -> new AssertionError("no lease " + subnet + " in etcd"));
        ObjectNode lease;
        try {
            lease = (ObjectNode) JSON.readTree(before);
        } catch (IOException e) {
            throw new UncheckedIOException("the lease " + subnet + " is not JSON: " + before, e);
        }
        switch (field) {
            case "PublicIP" -> lease.put("PublicIP", value);
            case "VtepMAC" -> {
                if (!(lease.get("BackendData") instanceof ObjectNode backendData)) {
                    throw new AssertionError("the lease " + subnet + " has no BackendData object: " + before);
                }
                backendData.put("VtepMAC", value);
            }
            default -> throw new IllegalArgumentException("rewrite PublicIP or VtepMAC, not " + field);
        }
        etcd().putWithTtl(key, lease.toString(), FLANNEL_TTL);
    }

    /** Keys relative to the network's prefix, values written as they are (garbage included). */
    @When("these values are written under the network's prefix:")
    public void valuesWrittenUnderThePrefix(DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            etcd().putWithTtl(world.etcdPrefix() + "/" + row.get("key"), row.get("value"), FLANNEL_TTL);
        }
    }

    /**
     * Renewed: each lease's remaining TTL grew back above what it would be had nobody renewed it (by more than the
     * seconds etcd rounds), and its value is what it was. All leases are watched at once, from when the step
     * starts. How (a new etcd lease, as Flannel, or a keep-alive) is the agent's.
     */
    @Then("within {int} seconds every lease is renewed, its value unchanged")
    public void withinSecondsEveryLeaseIsRenewed(int seconds) {
        SortedMap<String, String> values = leases();
        assertThat(values).as("leases to watch").isNotEmpty();
        Map<String, Long> ttlAtStart = new java.util.TreeMap<>();
        values.keySet().forEach(key -> ttlAtStart.put(key, ttl(key)));
        long start = System.nanoTime();
        java.util.Set<String> waiting = new java.util.TreeSet<>(values.keySet());
        try {
            await().atMost(Duration.ofSeconds(seconds))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        waiting.removeIf(key -> {
                            boolean renewed = ttl(key) > ttlAtStart.get(key) - elapsedSeconds(start) + 10;
                            if (renewed) {
                                world.scenario()
                                        .log(key + " renewed " + elapsedSeconds(start) + " s into the wait; TTL now "
                                                + ttl(key) + " s");
                            }
                            return renewed;
                        });
                        return waiting.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            StringBuilder ttls = new StringBuilder();
            waiting.forEach(key -> ttls.append("\n  ")
                    .append(key)
                    .append(": TTL ")
                    .append(ttlAtStart.get(key))
                    .append(" s at the start, ")
                    .append(ttl(key))
                    .append(" s now"));
            throw new AssertionError("within " + seconds + " s these leases were not renewed:" + ttls);
        }
        assertThat(leases()).as("the leases' values after their renewal").isEqualTo(values);
    }

    /** Nothing took another subnet for that public IP: the whole window is watched. */
    @Then("for {int} seconds etcd holds no lease with PublicIP {word}")
    public void forSecondsNoLeaseWithPublicIp(int seconds, String address) {
        watchLeases(seconds, "a lease with PublicIP " + address, leases -> leases.values().stream()
                .anyMatch(value -> value.contains("\"PublicIP\":\"" + address + "\"")));
    }

    @Then("for {int} seconds etcd holds no lease")
    public void forSecondsNoLease(int seconds) {
        watchLeases(seconds, "a lease", leases -> !leases.isEmpty());
    }

    private void watchLeases(int seconds, String what, java.util.function.Predicate<SortedMap<String, String>> seen) {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try {
            await().atMost(Duration.ofSeconds(seconds + 5L))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("it appeared", () -> seen.test(leases()))
                    .until(() -> System.nanoTime() >= end);
        } catch (TerminalFailureException appeared) {
            throw new AssertionError("within the " + seconds + " s window etcd came to hold " + what + ": " + leases());
        }
    }

    private SortedMap<String, String> leases() {
        return etcd().getPrefix(LeaseKeys.directory(world.etcdPrefix()));
    }

    private long ttl(String key) {
        OptionalLong ttl = etcd().timeToLive(key);
        return ttl.orElseThrow(() -> new AssertionError(key + " has no TTL (no etcd lease attached)"));
    }

    private static long elapsedSeconds(long start) {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }

    private EtcdMember etcd() {
        return world.topology().etcd();
    }
}
