package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flannel.harness.topology.Ipv4;
import org.flannel.harness.topology.Ipv4Cidr;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.TopologySpec.SegmentSpec;

/**
 * One Docker network per segment: an internal bridge network (no way out of the machine) with the
 * segment's subnet, so every host keeps its spec address. Docker puts an address of its own on the
 * bridge (the network's "gateway"); it gets the highest address no host uses, so that a router may
 * have .1.
 */
final class SegmentNetworks {
    /** A segment as Docker knows it: network and bridge names, and the address Docker's bridge takes. */
    record Segment(int index, SegmentSpec spec, String network, String bridge, String bridgeAddress) {}

    private SegmentNetworks() {}

    static List<Segment> plan(TopologySpec spec, DockerNames names) {
        Set<Integer> used = usedAddresses(spec);
        List<Segment> segments = new ArrayList<>();
        int index = 0;
        for (SegmentSpec segment : spec.segments()) {
            segments.add(new Segment(
                    index,
                    segment,
                    names.network(index, segment.name()),
                    names.bridge(index),
                    freeAddress(segment, used)));
            index++;
        }
        return segments;
    }

    static String create(DockerClient client, Segment segment, Map<String, String> labels) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("com.docker.network.bridge.name", segment.bridge());
        options.put("com.docker.network.driver.mtu", "1500");
        Network.Ipam ipam = new Network.Ipam()
                .withDriver("default")
                .withConfig(new Network.Ipam.Config()
                        .withSubnet(segment.spec().subnet().toString())
                        .withGateway(segment.bridgeAddress()));
        try {
            return client.createNetworkCmd()
                    .withName(segment.network())
                    .withDriver("bridge")
                    .withInternal(true)
                    .withCheckDuplicate(true)
                    .withIpam(ipam)
                    .withOptions(options)
                    .withLabels(labels)
                    .exec()
                    .getId();
        } catch (RuntimeException e) {
            throw new TopologyException(
                    "cannot create Docker network " + segment.network() + " for segment '"
                            + segment.spec().name() + "' (" + segment.spec().subnet() + "): " + e.getMessage()
                            + "; another network with an overlapping subnet? (docker network ls)",
                    e);
        }
    }

    static void remove(DockerClient client, String id) {
        try {
            client.removeNetworkCmd(id).exec();
        } catch (NotFoundException gone) {
            // already removed
        }
    }

    private static Set<Integer> usedAddresses(TopologySpec spec) {
        Set<Integer> used = new HashSet<>();
        spec.nodes().forEach(node -> node.interfaces().forEach(i -> used.add(Ipv4.parse(i.address()))));
        spec.routers().forEach(router -> router.interfaces().forEach(i -> used.add(Ipv4.parse(i.address()))));
        spec.etcd().ifPresent(etcd -> used.add(Ipv4.parse(etcd.address())));
        return used;
    }

    private static String freeAddress(SegmentSpec segment, Set<Integer> used) {
        Ipv4Cidr subnet = segment.subnet();
        for (int candidate = subnet.broadcast() - 1; subnet.isUsableHost(candidate); candidate--) {
            if (!used.contains(candidate)) {
                return Ipv4.format(candidate);
            }
        }
        throw new TopologyException("segment '" + segment.name() + "' (" + subnet
                + ") has no address left for Docker's " + "bridge: make the subnet larger by one address");
    }
}
