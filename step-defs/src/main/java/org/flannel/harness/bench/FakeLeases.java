package org.flannel.harness.bench;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.flannel.harness.impl.LeaseKeys;

/**
 * Leases the benchmark writes by hand, as a node that is not running would hold them: free /24s of 10.1.0.0/16
 * (handed out oldest-freed first, so a subnet is not reused at once), each with its own public IP on the underlay
 * (10.168.2.x, which nothing answers: only the programming is timed) and, for vxlan, a VtepMAC.
 */
final class FakeLeases {
    private final Deque<Integer> free = new ArrayDeque<>();
    private final String backend;

    FakeLeases(String backend, Collection<String> taken) {
        this.backend = backend;
        for (int third = 1; third <= 255; third++) {
            if (!taken.contains(subnet(third))) {
                free.add(third);
            }
        }
    }

    static String subnet(int third) {
        return "10.1." + third + ".0/24";
    }

    /** A subnet no lease holds now. */
    String take() {
        Integer third = free.pollFirst();
        if (third == null) {
            throw new IllegalStateException("10.1.0.0/16 has no free /24 left");
        }
        return subnet(third);
    }

    /** The subnet's lease was deleted: it may be handed out again, last. */
    void giveBack(String subnet) {
        free.addLast(Integer.parseInt(subnet.split("\\.")[2]));
    }

    /** The lease's value in Flannel's format (docs/sources/flannel-behaviour.md). */
    String value(String subnet) {
        int third = Integer.parseInt(subnet.split("\\.")[2]);
        String publicIp = "\"PublicIP\":\"10.168.2." + third + "\",\"PublicIPv6\":null";
        return switch (backend) {
            case "vxlan" ->
                "{" + publicIp + ",\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"0e:00:00:00:02:"
                        + String.format("%02x", third) + "\"}}";
            case "host-gw" -> "{" + publicIp + ",\"BackendType\":\"host-gw\",\"BackendData\":null}";
            default -> "{" + publicIp + "}";
        };
    }

    /** {@code etcdctl txn}'s input putting every lease in one transaction (Go-quoted values). */
    String putAll(String prefix, List<String> subnets) {
        StringBuilder txn = new StringBuilder("\n");
        for (String subnet : subnets) {
            txn.append("put ")
                    .append(LeaseKeys.key(prefix, subnet))
                    .append(' ')
                    .append(goQuoted(value(subnet)))
                    .append('\n');
        }
        return txn.append("\n\n").toString();
    }

    /** {@code etcdctl txn}'s input deleting every lease in one transaction. */
    static String deleteAll(String prefix, List<String> subnets) {
        StringBuilder txn = new StringBuilder("\n");
        for (String subnet : subnets) {
            txn.append("del ").append(LeaseKeys.key(prefix, subnet)).append('\n');
        }
        return txn.append("\n\n").toString();
    }

    static String goQuoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
