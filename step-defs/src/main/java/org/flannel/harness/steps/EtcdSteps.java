package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.harness.expect.Symbols;
import org.flannel.harness.impl.LeaseKeys;

/** What the implementation wrote to etcd, read with etcdctl, and changes made to it behind its back. */
public final class EtcdSteps {
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{([^}]+)}");
    private final ScenarioWorld world;

    public EtcdSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** Keys and byte-exact values; {@code ${node1.vtep.mac}} in a value stands for a symbol's value. */
    @Then("etcd holds exactly these leases:")
    public void etcdHoldsExactlyTheseLeases(DataTable table) {
        Symbols symbols = world.symbols();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Map<String, String> row : table.asMaps()) {
            expected.put(row.get("key"), substitute(row.get("value"), symbols));
        }
        SortedMap<String, String> actual = world.topology().etcd().getPrefix(LeaseKeys.directory(world.etcdPrefix()));
        assertThat(actual)
                .as("the leases under %s", LeaseKeys.directory(world.etcdPrefix()))
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Then("every lease has a TTL between {int} and {int} seconds")
    public void everyLeaseHasATtlBetween(int min, int max) {
        SortedMap<String, String> leases = world.topology().etcd().getPrefix(LeaseKeys.directory(world.etcdPrefix()));
        assertThat(leases).as("leases").isNotEmpty();
        for (String key : leases.keySet()) {
            OptionalLong ttl = world.topology().etcd().timeToLive(key);
            assertThat(ttl).as("TTL of the etcd lease attached to %s", key).isPresent();
            assertThat(ttl.getAsLong()).as("TTL of %s", key).isBetween((long) min, (long) max);
        }
    }

    @Then("{word} is the VtepMAC of the lease {word}")
    public void symbolIsTheVtepMacOfTheLease(String symbol, String subnet) {
        Symbols symbols = world.symbols();
        String kernelMac = symbols.resolve(symbol);
        String leaseMac = symbols.resolve("lease(" + subnet + ").VtepMAC");
        assertThat(leaseMac)
                .as("VtepMAC in the lease %s, against %s from the kernel", subnet, symbol)
                .isEqualTo(kernelMac);
    }

    @When("the lease {word} is deleted from etcd")
    public void theLeaseIsDeleted(String subnet) {
        // Its owner is told its lease was revoked, and may exit (Flannel does): not a death to report.
        ownerOf(subnet).ifPresent(world::allowExit);
        assertThat(world.topology().etcd().delete(LeaseKeys.key(world.etcdPrefix(), subnet)))
                .as("the lease %s existed", subnet)
                .isTrue();
    }

    /** The agent (by key) whose subnet file names that subnet, if one runs in this scenario. */
    private java.util.Optional<String> ownerOf(String subnet) {
        for (Map.Entry<String, org.flannel.harness.impl.Agent> agent :
                world.agents().entrySet()) {
            java.util.Optional<String> own =
                    SubnetFileText.subnet(agent.getValue().subnetFile());
            if (own.isPresent() && own.get().equals(subnet)) {
                return java.util.Optional.of(agent.getKey());
            }
        }
        return java.util.Optional.empty();
    }

    static String substitute(String text, Symbols symbols) {
        Matcher matcher = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(symbols.resolve(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
