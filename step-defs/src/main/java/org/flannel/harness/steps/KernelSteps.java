package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.core.TerminalFailureException;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.expect.Symbols;
import org.flannel.harness.kernel.DeviceInfo;
import org.flannel.harness.kernel.FdbEntry;
import org.flannel.harness.kernel.KernelReader;
import org.flannel.harness.kernel.Neighbour;
import org.flannel.harness.kernel.RouteRow;

/**
 * The kernel's tables on a node, read with iproute2 independently of the implementation, compared
 * with the seed's: {@code route -n}, {@code ip neigh show dev flannel.1}, {@code bridge fdb show}.
 * Tables may name values by symbol ({@code node2.vtep.mac}).
 */
public final class KernelSteps {
    private static final Duration PROGRAMMING_LIMIT = Duration.ofSeconds(10);
    private final ScenarioWorld world;

    public KernelSteps(ScenarioWorld world) {
        this.world = world;
    }

    /**
     * Every row must be in the table, and be the only route to its destination (a second route to a
     * peer's subnet, through another device or gateway, is wrong even if the right one is there).
     * An {@code Options} column judges the {@code onlink} flag ("onlink" or empty). Nor may there be a
     * route to the node's own subnet but the pods' bridge's. Other routes may be there too.
     */
    @Given("{word}'s routing table has:")
    public void routingTableHas(String node, DataTable expected) {
        routingTableHasWithin(10, node, expected);
    }

    @Then("within {int} seconds {word}'s routing table has:")
    public void routingTableHasWithin(int seconds, String node, DataTable expected) {
        boolean judgesOptions = expected.row(0).contains("Options");
        List<RouteRow> wanted = expected.asMaps().stream()
                .map(row -> new RouteRow(
                        row.get("Destination"),
                        row.get("Gateway"),
                        row.get("Genmask"),
                        row.get("Flags"),
                        row.get("Iface"),
                        judgesOptions ? java.util.Objects.toString(row.get("Options"), "") : null))
                .toList();
        KernelReader kernel = new KernelReader(world.node(node));
        List<String> columns = judgesOptions
                ? List.of("Destination", "Gateway", "Genmask", "Flags", "Iface", "Options")
                : List.of("Destination", "Gateway", "Genmask", "Flags", "Iface");
        boolean passed = false;
        try {
            await().atMost(Duration.ofSeconds(seconds))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertRoutes(node, kernel.routes(), wanted));
            passed = true;
        } finally {
            attachTable(
                    node,
                    "route -n",
                    columns,
                    expected,
                    cells(wanted, RouteRow::cells),
                    () -> cells(
                            kernel.routes().stream()
                                    .map(r -> judgesOptions ? r : withoutOptions(r))
                                    .toList(),
                            RouteRow::cells),
                    passed);
        }
    }

    /**
     * A host-gw route to a subnet the scenario cannot name in advance (another network's, allocated at
     * random): node1's, from its subnet file for that network. The frame alone cannot show it: with a
     * default route on eth0, a node ARPs for a peer's own address and gets it without any host-gw route.
     */
    @Given("{word} routes {word}'s {word} subnet via {word}'s address on {word}")
    public void routesThePeersSubnetVia(String node, String owner, String prefix, String gatewayNode, String device) {
        String subnet = SubnetFileText.subnet(world.subnetFile(owner, prefix))
                .orElseThrow(
                        () -> new AssertionError(owner + "'s subnet file for " + prefix + " names no FLANNEL_SUBNET"));
        String[] cidr = subnet.split("/");
        RouteRow wanted = new RouteRow(
                cidr[0],
                world.node(gatewayNode).address(),
                KernelReader.genmask(Integer.parseInt(cidr[1])),
                "UG",
                device,
                "");
        KernelReader kernel = new KernelReader(world.node(node));
        await().atMost(PROGRAMMING_LIMIT)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertRoutes(node, kernel.routes(), List.of(wanted)));
    }

    private void assertRoutes(String node, List<RouteRow> actual, List<RouteRow> wanted) {
        for (RouteRow row : wanted) {
            List<RouteRow> sameDestination =
                    actual.stream().filter(row::sameDestination).toList();
            assertThat(sameDestination)
                    .as(
                            "%s's routes to %s/%s (route -n, with onlink shown):%n%s",
                            node, row.destination(), row.genmask(), describe(actual))
                    .hasSize(1)
                    .allMatch(row::describes, "is " + row);
        }
        ownSubnet(node).ifPresent(own -> assertThat(actual)
                .as(
                        "%s's routes to its own subnet %s: only the pods'" + " bridge's (route -n):%n%s",
                        node, own, describe(actual))
                .noneMatch(route -> own.equals(route.destination() + "/" + prefixOf(route.genmask()))
                        && !route.iface().equals(POD_BRIDGE)));
    }

    /** The pods' bridge the harness attaches containers to, as Docker does. */
    private static final String POD_BRIDGE = "docker0";

    private Optional<String> ownSubnet(String node) {
        String key = ScenarioWorld.agentKey(node, world.etcdPrefix());
        return world.runs(key) ? SubnetFileText.subnet(world.agents().get(key).subnetFile()) : Optional.empty();
    }

    private static int prefixOf(String genmask) {
        return Arrays.stream(genmask.split("\\."))
                .mapToInt(octet -> Integer.bitCount(Integer.parseInt(octet)))
                .sum();
    }

    private static RouteRow withoutOptions(RouteRow row) {
        return new RouteRow(row.destination(), row.gateway(), row.genmask(), row.flags(), row.iface());
    }

    @When("someone deletes {word}'s route to {word}")
    public void someoneDeletesTheRoute(String node, String subnet) {
        world.node(node).exec("ip", "route", "del", subnet).orThrow();
        assertThat(new KernelReader(world.node(node)).routes())
                .as("%s's routes right after the deletion", node)
                .noneMatch(route -> route.destination().equals(subnet.split("/")[0]));
    }

    @Then("within {int} seconds {word} has no route left to {word}")
    public void noRouteLeftTo(int seconds, String node, String subnet) {
        String network = subnet.split("/")[0];
        KernelReader kernel = new KernelReader(world.node(node));
        await().atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(kernel.routes())
                        .as("%s's routes", node)
                        .noneMatch(route -> route.destination().equals(network)));
    }

    /**
     * A route that must never appear: looked for again and again over the whole window, so that an
     * implementation that adds it late (or after a retry) is caught, not raced.
     */
    @Then("for {int} seconds {word} has no route to {word} via {word}")
    public void forSecondsHasNoRouteVia(int seconds, String node, String subnet, String gateway) {
        String network = subnet.split("/")[0];
        KernelReader kernel = new KernelReader(world.node(node));
        Duration window = Duration.ofSeconds(seconds);
        long end = System.nanoTime() + window.toNanos();
        try {
            // Not a wait: the window is watched to its end, and the first sight of the route ends it.
            await().atMost(window.plusSeconds(2))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .failFast("the route appeared", () -> kernel.routes().stream()
                            .anyMatch(route -> route.destination().equals(network)
                                    && route.gateway().equals(gateway)))
                    .until(() -> System.nanoTime() >= end);
        } catch (TerminalFailureException appeared) {
            throw new AssertionError(node + " has a route to " + subnet + " via " + gateway + " within the " + seconds
                    + " s window: " + kernel.routes());
        }
    }

    @Then("{word}'s neighbours on {word} are exactly:")
    public void neighboursAreExactly(String node, String device, DataTable expected) {
        Symbols symbols = world.symbols();
        List<Neighbour> wanted = expected.asMaps().stream()
                .map(row -> new Neighbour(
                        value(row, "address", symbols), value(row, "lladdr", symbols), value(row, "state", symbols)))
                .toList();
        KernelReader kernel = new KernelReader(world.node(node));
        boolean passed = false;
        try {
            await().atMost(PROGRAMMING_LIMIT)
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(kernel.neighbours(device))
                            .as("ip neigh show dev %s on %s", device, node)
                            .containsExactlyInAnyOrderElementsOf(wanted));
            passed = true;
        } finally {
            attachTable(
                    node,
                    "ip neigh show dev " + device,
                    List.of("address", "lladdr", "state"),
                    expected,
                    cells(wanted, KernelSteps::neighbourCells),
                    () -> cells(kernel.neighbours(device), KernelSteps::neighbourCells),
                    passed);
        }
    }

    /** The entries named are there; others may be too (a stale one is judged elsewhere, where it matters). */
    @Then("{word}'s FDB entries on {word} include:")
    public void fdbEntriesInclude(String node, String device, DataTable expected) {
        List<FdbEntry> wanted = fdbEntries(expected);
        KernelReader kernel = new KernelReader(world.node(node));
        await().atMost(PROGRAMMING_LIMIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                        kernel.fdb(device))
                .as("bridge fdb show dev %s on %s (entries with a dst)", device, node)
                .containsAll(wanted));
    }

    private List<FdbEntry> fdbEntries(DataTable expected) {
        Symbols symbols = world.symbols();
        return expected.asMaps().stream()
                .map(row -> new FdbEntry(
                        value(row, "mac", symbols),
                        value(row, "dst", symbols),
                        value(row, "flags", symbols),
                        value(row, "state", symbols)))
                .toList();
    }

    @Then("{word}'s FDB entries on {word} are exactly:")
    public void fdbEntriesAreExactly(String node, String device, DataTable expected) {
        List<FdbEntry> wanted = fdbEntries(expected);
        KernelReader kernel = new KernelReader(world.node(node));
        boolean passed = false;
        try {
            await().atMost(PROGRAMMING_LIMIT)
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(kernel.fdb(device))
                            .as("bridge fdb show dev %s on %s (entries with a dst)", device, node)
                            .containsExactlyInAnyOrderElementsOf(wanted));
            passed = true;
        } finally {
            attachTable(
                    node,
                    "bridge fdb show dev " + device,
                    List.of("mac", "dst", "flags", "state"),
                    expected,
                    cells(wanted, KernelSteps::fdbCells),
                    () -> cells(kernel.fdb(device), KernelSteps::fdbCells),
                    passed);
        }
    }

    @Then("within 10 seconds {word} has no route, neighbour or FDB entry left for {word}")
    public void nothingLeftFor(String node, String subnet) {
        String network = subnet.split("/")[0];
        KernelReader kernel = new KernelReader(world.node(node));
        await().atMost(PROGRAMMING_LIMIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(kernel.routes()).as("%s's routes", node).noneMatch(route -> route.destination()
                    .equals(network));
            String vtep = kernel.firstVxlanDevice().map(DeviceInfo::name).orElse("flannel.1");
            assertThat(kernel.neighbours(vtep))
                    .as("%s's neighbours on %s", node, vtep)
                    .noneMatch(n -> n.address().equals(network));
            // The node that left is known only by its subnet: an FDB entry whose MAC no neighbour uses any more is its.
            java.util.Set<String> macsInUse =
                    kernel.neighbours(vtep).stream().map(Neighbour::lladdr).collect(Collectors.toSet());
            assertThat(kernel.fdb(vtep))
                    .as(
                            "%s's FDB on %s: nothing may be left for the node that left (MACs its"
                                    + " neighbours use: %s)",
                            node, vtep, macsInUse)
                    .allMatch(entry -> macsInUse.contains(entry.mac()));
        });
    }

    @Then("{word}'s eth0 has MTU {int}")
    public void eth0HasMtu(String node, int mtu) {
        assertThat(new KernelReader(world.node(node))
                        .device("eth0")
                        .orElseThrow()
                        .attribute("mtu"))
                .isEqualTo(Integer.toString(mtu));
    }

    /** Attributes as {@code ip -details} reports them; {@code mac} may say "locally administered unicast". */
    @Then("{word} has a device {word} with:")
    public void hasADeviceWith(String node, String name, DataTable expected) {
        DeviceInfo device = new KernelReader(world.node(node))
                .device(name)
                .orElseThrow(() -> new AssertionError(node + " has no device " + name));
        for (Map<String, String> row : expected.asMaps()) {
            String attribute = row.get("attribute");
            String wanted = row.get("value");
            String actual = device.attribute(attribute);
            if (attribute.equals("mac") && wanted.equals("locally administered unicast")) {
                int firstOctet = Integer.parseInt(actual.substring(0, 2), 16);
                assertThat(firstOctet & 0x03)
                        .as("%s's MAC %s: locally administered bit set, multicast bit clear", name, actual)
                        .isEqualTo(0x02);
            } else {
                assertThat(actual)
                        .as("%s on %s: %s (all: %s)", name, node, attribute, device.attributes())
                        .isEqualTo(wanted);
            }
        }
    }

    /** A cell is a symbol when the topology knows it, a literal otherwise. */
    static String value(Map<String, String> row, String column, Symbols symbols) {
        String cell = row.get(column);
        if (cell == null) {
            throw new IllegalArgumentException("the table has no column " + column);
        }
        return symbols.lookup(cell).orElse(cell);
    }

    /** The table as expected and as found, as JSON for the living documentation; never fails the step. */
    private void attachTable(
            String node,
            String command,
            List<String> columns,
            DataTable written,
            List<List<String>> expected,
            Supplier<List<List<String>>> actual,
            boolean passed) {
        List<List<String>> found;
        try {
            found = actual.get();
        } catch (RuntimeException e) {
            found = List.of(List.of("cannot read: " + e.getMessage()));
        }
        List<List<String>> asWritten = written.asMaps().stream()
                .map(row -> columns.stream()
                        .map(column -> row.getOrDefault(column, ""))
                        .toList())
                .toList();
        JsonEvidence.attach(
                world.scenario(),
                command + " on " + node + ".json",
                JsonEvidence.kernelTable(node, command, columns, asWritten, expected, found, CheckVerdict.of(passed)));
    }

    private static <T> List<List<String>> cells(List<T> rows, Function<T, String[]> toCells) {
        return rows.stream()
                .map(row -> Arrays.stream(toCells.apply(row))
                        .map(v -> v == null ? "" : v)
                        .toList())
                .toList();
    }

    private static String[] neighbourCells(Neighbour n) {
        return new String[] {n.address(), n.lladdr(), n.state()};
    }

    private static String[] fdbCells(FdbEntry e) {
        return new String[] {e.mac(), e.dst(), e.flags(), e.state()};
    }

    static String describe(List<?> rows) {
        return rows.stream().map(Object::toString).collect(Collectors.joining("\n"));
    }
}
