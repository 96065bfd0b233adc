package org.flannel.harness.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.harness.expect.Symbols;
import org.flannel.harness.impl.LeaseKeys;
import org.flannel.harness.kernel.KernelReader;

/**
 * Names a feature may use for values only the run knows, read when asked from the kernel or etcd:
 * {@code node2.eth0.mac}, {@code node2.docker0.mac}, {@code container-2.eth0.mac}, {@code node2.vtep.mac}
 * (its VXLAN device's MAC), {@code node2.address}, {@code lease(10.1.16.0/24).VtepMAC} and any other
 * field of a lease, top level or in its BackendData, and {@code node1 first address in /vxlan/network}.
 */
final class TopologySymbols implements Symbols {
    private static final Pattern HOST_MAC = Pattern.compile("([a-z0-9_-]+)\\.([a-z0-9._-]+)\\.mac");
    private static final Pattern LEASE = Pattern.compile("lease\\(([0-9./]+)\\)\\.([A-Za-z0-9]+)");
    private static final Pattern ADDRESS = Pattern.compile("([a-z0-9_-]+)\\.address");
    private static final Pattern FIRST_ADDRESS = Pattern.compile("([a-z0-9_-]+) first address in (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScenarioWorld world;

    TopologySymbols(ScenarioWorld world) {
        this.world = world;
    }

    @Override
    public Optional<String> lookup(String name) {
        Matcher lease = LEASE.matcher(name);
        if (lease.matches()) {
            return leaseField(lease.group(1), lease.group(2));
        }
        Matcher mac = HOST_MAC.matcher(name);
        if (mac.matches()) {
            KernelReader kernel = new KernelReader(world.host(mac.group(1)));
            return mac.group(2).equals("vtep")
                    ? kernel.firstVxlanDevice().map(d -> d.attribute("mac"))
                    : kernel.mac(mac.group(2));
        }
        Matcher first = FIRST_ADDRESS.matcher(name);
        if (first.matches()) {
            return firstAddress(first.group(1), first.group(2));
        }
        Matcher address = ADDRESS.matcher(name);
        if (address.matches()) {
            return Optional.of(world.node(address.group(1)).address());
        }
        return Optional.empty();
    }

    @Override
    public Set<String> names() {
        return Set.of(
                "<host>.<device>.mac",
                "<node>.vtep.mac",
                "<node>.address",
                "lease(<subnet>).<field>",
                "<node> first address in <etcd prefix>");
    }

    /** FLANNEL_SUBNET's address (the subnet's first) from the node's subnet file for that network. */
    private Optional<String> firstAddress(String node, String prefix) {
        return SubnetFileText.firstAddress(world.subnetFile(node, prefix)).map(cidr -> cidr.split("/")[0]);
    }

    private Optional<String> leaseField(String subnet, String field) {
        Optional<String> value = world.topology().etcd().get(LeaseKeys.key(world.etcdPrefix(), subnet));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode lease = JSON.readTree(value.get());
            JsonNode node = lease.has(field)
                    ? lease.get(field)
                    : lease.path("BackendData").path(field);
            return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
