package org.flannel.harness.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.flannel.harness.run.Implementations;
import org.flannel.harness.run.RunSettings;
import org.flannel.harness.topology.Ipv4Cidr;
import org.flannel.harness.topology.TopologyDriver;
import org.flannel.harness.topology.TopologyDrivers;
import org.flannel.harness.topology.TopologySpec;

/** Declaring the topology a scenario runs on. */
public final class TopologySteps {
    private final ScenarioWorld world;
    private final RunSettings settings;
    private final Implementations implementations;

    public TopologySteps(ScenarioWorld world, RunSettings settings, Implementations implementations) {
        this.world = world;
        this.settings = settings;
        this.implementations = implementations;
    }

    /**
     * A table of {@code host | segment | address}: every host is a node, except {@code etcd}, the etcd
     * member, and hosts named {@code router...}, which forward between the segments they are listed on
     * (a node's default route then goes via the router on its segment). Segments are made from the
     * addresses' networks.
     */
    @Given("a topology:")
    public void aTopology(DataTable table) {
        TopologySpec.Builder spec = TopologySpec.builder();
        Set<String> segments = new HashSet<>();
        Map<String, Map<String, String>> routers = new LinkedHashMap<>();
        for (Map<String, String> row : table.asMaps()) {
            String host = row.get("host");
            String segment = row.get("segment");
            String[] cidr = row.get("address").split("/");
            if (cidr.length != 2) {
                throw new IllegalArgumentException("address " + row.get("address") + " of " + host
                        + " needs its prefix length, e.g. 10.168.0.2/24");
            }
            if (segments.add(segment)) {
                spec.segment(segment, networkOf(cidr[0], Integer.parseInt(cidr[1])));
            }
            if (host.equals("etcd")) {
                spec.etcd(segment, cidr[0]);
            } else if (host.startsWith("router")) {
                routers.computeIfAbsent(host, name -> new LinkedHashMap<>()).put(segment, cidr[0]);
            } else {
                spec.node(host, segment, cidr[0]);
            }
        }
        routers.forEach(spec::router);
        TopologySpec built = spec.build();
        JsonEvidence.attach(world.scenario(), "topology.json", JsonEvidence.topology(built));
        TopologyDriver driver = TopologyDrivers.create(settings.topology(), implementations.directories());
        world.topology(driver.create(built));
    }

    /** The network an address lies in: 10.168.0.2/24 gives 10.168.0.0/24. */
    static String networkOf(String address, int prefix) {
        return Ipv4Cidr.parse(address + "/" + prefix).network().toString();
    }
}
