package org.flannel.harness.features;

import static org.flannel.harness.features.SelfTestVariant.broken;
import static org.flannel.harness.features.SelfTestVariant.correct;

import java.util.Arrays;
import java.util.List;

/**
 * The implementations of the self-test and what each must fail: the shell flanneld (correct, every
 * backend) and its broken variants (features/impls/broken/NAME, one fault each; README there).
 */
final class SelfTestVariants {
    private SelfTestVariants() {}

    // vxlan requirements, by what they look at
    static final String PEER_1 = "R-VXLAN-PEER-01";
    static final String PEER_2 = "R-VXLAN-PEER-02";
    static final String WIRE_1 = "R-VXLAN-WIRE-01";
    static final String WIRE_2 = "R-VXLAN-WIRE-02";
    static final String WIRE_3 = "R-VXLAN-WIRE-03";
    static final String FLOW_HASH = "R-VXLAN-WIRE-04"; // needs VXLAN frames on port 8472 to judge
    static final String FLOW = "R-VXLAN-FLOW-01";
    static final String DEVICE_1 = "R-VXLAN-DEVICE-01";
    static final String MTU_1 = "R-VXLAN-MTU-01";
    static final String MTU_2 = "R-VXLAN-MTU-02";
    static final String CONFIG = "R-VXLAN-CONFIG-01";
    static final String LEAVE = "R-VXLAN-LEAVE-01";
    static final String RESTART_1 = "R-VXLAN-RESTART-01";
    static final String JOIN = "R-VXLAN-JOIN-01";
    static final String DIRECT = "R-VXLAN-DIRECT-01";
    static final String SUBNET_FILE = "R-VXLAN-SUBNETFILE-01";
    static final String INTEROP_VXLAN = "R-INTEROP-VXLAN-01";

    static final String LEASE = "R-VXLAN-LEASE-01";
    static final String LEASE_TTL = "R-VXLAN-LEASE-02";
    static final String DEVICE_2 = "R-VXLAN-DEVICE-02";
    static final String RESTART_2 = "R-VXLAN-RESTART-02";
    static final String MULTI_VXLAN = "R-MULTI-NET-01";
    static final String MULTI_HOSTGW = "R-MULTI-NET-02";

    // udp
    static final String UDP_TUN = "R-UDP-TUN-01";
    static final String UDP_WIRE = "R-UDP-WIRE-01";
    static final String UDP_MTU = "R-UDP-MTU-01";
    static final String UDP_ICMP_1 = "R-UDP-ICMP-01";
    static final String UDP_ICMP_2 = "R-UDP-ICMP-02";
    static final String UDP_NODE = "R-UDP-NODE-01";
    static final String UDP_LEASE = "R-UDP-LEASE-01";
    static final String UDP_RESTART_1 = "R-UDP-RESTART-01";
    static final String UDP_RESTART_2 = "R-UDP-RESTART-02";
    static final String UDP_LEAVE_1 = "R-UDP-LEAVE-01";
    static final String UDP_LEAVE_2 = "R-UDP-LEAVE-02";
    static final String UDP_JOIN = "R-UDP-JOIN-01";
    static final String INTEROP_UDP = "R-INTEROP-UDP-01";

    // host-gw
    static final String HG_ROUTE_1 = "R-HOSTGW-ROUTE-01";
    static final String HG_WIRE = "R-HOSTGW-WIRE-01";
    static final String HG_MTU = "R-HOSTGW-MTU-01";
    static final String HG_ROUTE_2 = "R-HOSTGW-ROUTE-02";
    static final String HG_LEAVE = "R-HOSTGW-LEAVE-01";
    static final String HG_JOIN = "R-HOSTGW-JOIN-01";
    static final String HG_L2_1 = "R-HOSTGW-L2-01";
    static final String HG_L2_2 = "R-HOSTGW-L2-02";
    static final String INTEROP_HOSTGW = "R-INTEROP-HOST-GW-01";

    // faults over time (features/faults)
    static final String RENEW = "R-LEASE-RENEW-01";
    static final String REVOKE_1 = "R-LEASE-REVOKE-01";
    static final String REVOKE_2 = "R-LEASE-REVOKE-02";
    static final String VXLAN_CHANGE_1 = "R-VXLAN-PEERCHANGE-01";
    static final String VXLAN_CHANGE_2 = "R-VXLAN-PEERCHANGE-02";
    static final String VXLAN_CHANGE_3 = "R-VXLAN-PEERCHANGE-03";
    static final String HG_CHANGE_1 = "R-HOSTGW-PEERCHANGE-01";
    static final String HG_CHANGE_2 = "R-HOSTGW-PEERCHANGE-02";
    static final String UDP_CHANGE_1 = "R-UDP-PEERCHANGE-01";
    static final String UDP_CHANGE_2 = "R-UDP-PEERCHANGE-02";
    static final String OUTAGE = "R-ETCD-OUTAGE-01";
    static final String COMPACT_1 = "R-ETCD-COMPACT-01";
    static final String COMPACT_2 = "R-ETCD-COMPACT-02";
    static final String CRASH_1 = "R-CRASH-01";
    static final String CRASH_2 = "R-CRASH-02";
    static final String CRASH_3 = "R-CRASH-03";
    static final String STOP = "R-STOP-01";
    static final String BAD_CONFIG_1 = "R-CONFIG-BAD-01";
    static final String BAD_CONFIG_2 = "R-CONFIG-BAD-02";
    static final String BAD_CONFIG_3 = "R-CONFIG-BAD-03";
    static final String GARBAGE_1 = "R-LEASE-GARBAGE-01";
    static final String GARBAGE_2 = "R-LEASE-GARBAGE-02";
    static final String UDP_JUNK = "R-UDP-JUNK-01";

    // at scale (features/scale)
    static final String SCALE_VXLAN_ROUTES = "R-SCALE-VXLAN-ROUTES-01";
    static final String SCALE_VXLAN_REACH = "R-SCALE-VXLAN-REACH-01";
    static final String SCALE_VXLAN_JOIN = "R-SCALE-VXLAN-JOIN-01";
    static final String SCALE_VXLAN_LEAVE = "R-SCALE-VXLAN-LEAVE-01";
    static final String SCALE_VXLAN_DIRECT = "R-SCALE-VXLAN-DIRECT-01";
    static final String SCALE_HOSTGW_ROUTES = "R-SCALE-HOSTGW-ROUTES-01";
    static final String SCALE_HOSTGW_REACH = "R-SCALE-HOSTGW-REACH-01";
    static final String SCALE_HOSTGW_JOIN = "R-SCALE-HOSTGW-JOIN-01";
    static final String SCALE_HOSTGW_LEAVE = "R-SCALE-HOSTGW-LEAVE-01";
    static final String SCALE_UDP_REACH = "R-SCALE-UDP-REACH-01";
    static final String SCALE_UDP_JOIN = "R-SCALE-UDP-JOIN-01";

    /**
     * The features but the fault scenarios. Those judge what happens over time (renewal, etcd outages, crashes, leases
     * changed in place, bad input), and a fault of the steady state (a wrong port, a missing FDB entry, a wrong
     * route) already fails in the other features; running them too would add about 30 scenarios, some 4 minutes, to
     * each such variant, to fail them again for the same reason (a ping that does not get through). So a variant of
     * the steady state runs without them, unless its fault is one a fault scenario judges: then that scenario is
     * added, and its comment says why. The scale scenarios (N agents each, about a minute per backend) are left out
     * too: a fault of the steady state fails as well with 3 nodes; only a fault that needs many nodes runs them.
     */
    static final String STEADY_STATE = "not @faults and not @scale";

    /** A fault over time is judged on the fault scenarios it touches, and on one or two it must pass, where cheap. */
    private static String only(String... ids) {
        return String.join(" or ", Arrays.stream(ids).map(id -> "@" + id).toList());
    }

    static final List<SelfTestVariant> ALL = List.of(
            correct("shell-flanneld"),
            // vxlan
            broken("wrong-port", "vxlan")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(DEVICE_1, "dstport")
                    .fails(WIRE_1, WIRE_2, WIRE_3, FLOW_HASH, FLOW, MTU_1, MTU_2, CONFIG, DIRECT, INTEROP_VXLAN)
                    .build(),
            broken("wrong-vni", "vxlan")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(DEVICE_1, "vni")
                    .fails(WIRE_1, WIRE_3, FLOW, CONFIG, DIRECT, INTEROP_VXLAN)
                    .build(),
            broken("non-permanent-neighbours", "vxlan")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(PEER_1, "PERMANENT")
                    .fails(PEER_2, RESTART_1)
                    .build(),
            broken("missing-fdb", "vxlan")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(PEER_1, "bridge fdb show")
                    .fails(
                            PEER_2,
                            WIRE_1,
                            WIRE_2,
                            WIRE_3,
                            FLOW_HASH,
                            FLOW,
                            DEVICE_1,
                            MTU_1,
                            MTU_2,
                            CONFIG,
                            RESTART_1,
                            JOIN,
                            DIRECT,
                            INTEROP_VXLAN)
                    .build(),
            broken("wrong-mtu", "vxlan")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(SUBNET_FILE, "FLANNEL_MTU")
                    .fails(MTU_2)
                    .build(),
            // a leave after a compaction reaches the agent through its re-listing, which removes entries the same way
            broken("leases-never-cleaned", "vxlan")
                    .onlyTagged(STEADY_STATE + " or " + only(COMPACT_2))
                    .failsNaming(LEAVE, "10.1.16.0")
                    .fails(COMPACT_2)
                    .build(),
            broken("vxlan-learning", "vxlan")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(DEVICE_2, "learning")
                    .build(),
            broken("vxlan-global-mac", "vxlan")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(DEVICE_2, "locally administered")
                    .build(),
            broken("vxlan-stray-routes", "vxlan")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(PEER_1, "routes to 10.1.16.0")
                    .fails(PEER_2, CONFIG, LEAVE, JOIN, DIRECT)
                    .build(),
            // declares host-gw too: a vxlan fault must leave the host-gw requirements passing
            broken("lease-foreign-vtepmac", "vxlan", "host-gw")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(DEVICE_1, "VtepMAC")
                    .fails(
                            LEASE,
                            PEER_1,
                            PEER_2,
                            WIRE_1,
                            WIRE_3,
                            FLOW,
                            MTU_1,
                            MTU_2,
                            CONFIG,
                            RESTART_1,
                            JOIN,
                            DIRECT,
                            MULTI_VXLAN,
                            INTEROP_VXLAN)
                    .build(),
            // a new MAC at every start: after a crash too
            broken("restart-new-mac", "vxlan")
                    .onlyTagged(STEADY_STATE + " or " + only(CRASH_2))
                    .failsNaming(RESTART_2, "VTEP MAC")
                    .fails(CRASH_2)
                    .build(),
            broken("restart-new-subnet", "vxlan")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(RESTART_2, "subnet")
                    .fails(RESTART_1)
                    .build(),
            // An agent that never rewrites its subnet file is never ready: every scenario would wait out the
            // 30 s readiness limit, so it is judged on the subnet file's own requirement only.
            broken("subnetfile-never-rewritten", "vxlan")
                    .onlyTagged("@R-VXLAN-SUBNETFILE-01")
                    .failsNaming(SUBNET_FILE, "did not write its subnet file")
                    .build(),
            // udp
            broken("udp-wrong-port", "udp")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(UDP_WIRE, "destination_port")
                    .fails(UDP_MTU, INTEROP_UDP)
                    .build(),
            broken("udp-pi-header", "udp")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(UDP_WIRE, "length")
                    .fails(UDP_MTU, INTEROP_UDP)
                    .build(),
            broken("udp-ttl-kept", "udp")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(UDP_WIRE, "ttl")
                    .fails(INTEROP_UDP)
                    .build(),
            broken("udp-tap", "udp")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(UDP_TUN, "tap")
                    .build(),
            broken("udp-wrong-mtu", "udp")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(UDP_NODE, "mtu")
                    .build(),
            broken("udp-no-icmp", "udp")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(UDP_ICMP_1, "icmp")
                    .fails(UDP_ICMP_2, UDP_LEAVE_2)
                    .build(),
            broken("lease-no-ttl", "udp", "vxlan")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(UDP_LEASE, "TTL")
                    .fails(LEASE_TTL)
                    .build(),
            // peers found at startup are never programmed, only those that join later: no reply gets back
            broken("udp-existing-peers-ignored", "udp")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(UDP_JOIN, "10.1.17.3")
                    .fails(
                            UDP_TUN,
                            UDP_WIRE,
                            UDP_MTU,
                            UDP_ICMP_1,
                            UDP_ICMP_2,
                            UDP_RESTART_1,
                            UDP_RESTART_2,
                            UDP_LEAVE_1,
                            UDP_LEAVE_2,
                            INTEROP_UDP)
                    .build(),
            broken("udp-peers-never-removed", "udp")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(UDP_LEAVE_1, "still sends its removed peer")
                    .fails(UDP_LEAVE_2)
                    .build(),
            // host-gw
            // declares vxlan too: the two networks side by side, and a host-gw fault must leave vxlan passing
            broken("hostgw-wrong-gateway", "host-gw", "vxlan")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(HG_ROUTE_1, "10.168.0.2")
                    .fails(
                            HG_WIRE,
                            HG_MTU,
                            HG_ROUTE_2,
                            HG_LEAVE,
                            HG_JOIN,
                            HG_L2_1,
                            HG_L2_2,
                            INTEROP_HOSTGW,
                            MULTI_HOSTGW)
                    .build(),
            broken("hostgw-routes-never-removed", "host-gw")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(HG_LEAVE, "10.1.16.0")
                    .build(),
            broken("hostgw-routes-never-restored", "host-gw")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(HG_ROUTE_2, "10.1.16.0")
                    .build(),
            broken("hostgw-onlink", "host-gw")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(HG_L2_1, "10.168.1.2")
                    .fails(HG_ROUTE_1, HG_ROUTE_2, HG_LEAVE, HG_JOIN, HG_L2_2)
                    .build(),
            broken("hostgw-quiet", "host-gw")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(HG_L2_2, "wrote no line about 10.1.17.0/24")
                    .build(),
            // its peers ignore a lease without BackendType: no route anywhere
            broken("lease-no-backendtype", "host-gw")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(HG_ROUTE_1, "node1's routes to 10.1.16.0")
                    .fails(HG_WIRE, HG_MTU, HG_ROUTE_2, HG_LEAVE, HG_JOIN, HG_L2_1, HG_L2_2, INTEROP_HOSTGW)
                    .build(),
            broken("lease-wrong-publicip", "host-gw")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(HG_ROUTE_1, "10.168.0.252")
                    .fails(HG_WIRE, HG_MTU, HG_ROUTE_2, HG_LEAVE, HG_JOIN, HG_L2_1, INTEROP_HOSTGW)
                    .build(),
            // the harness cannot give docker0 a network address: every scenario with pods fails at once
            broken("subnetfile-dot-zero", "host-gw")
                    .onlyTagged(STEADY_STATE)
                    .failsNaming(HG_ROUTE_1, "FLANNEL_SUBNET")
                    .fails(HG_WIRE, HG_MTU, HG_ROUTE_2, HG_LEAVE, HG_JOIN, HG_L2_1, HG_L2_2, INTEROP_HOSTGW)
                    .build(),
            // Its death 2 s after ready shows only in scenarios that outlast it; most end sooner, so it is
            // judged on two that last longer (the deleted route's return, the 5 s watch of L2-01), and on the etcd
            // outage, whose agents must stay (host-gw's example).
            broken("dies-after-ready", "host-gw")
                    .onlyTagged(only(HG_ROUTE_2, HG_L2_1) + " or (" + only(OUTAGE) + " and @host-gw)")
                    .failsNaming(HG_L2_1, "exited with status 1")
                    .fails(HG_ROUTE_2, OUTAGE)
                    .build(),

            // faults over time, each on the fault scenarios it touches
            broken("never-renews", "vxlan")
                    .onlyTagged(only(RENEW))
                    .failsNaming(RENEW, "not renewed")
                    .build(),
            broken("ignores-own-lease-deletion", "vxlan")
                    .onlyTagged(only(REVOKE_1, REVOKE_2))
                    .failsNaming(REVOKE_1, "still runs")
                    .fails(REVOKE_2)
                    .build(),
            // a lease rewritten in place is ignored (on vxlan: the peer's old MAC is kept); a rebooted peer with the
            // same PublicIP (host-gw, udp) needs nothing from the others, so those pass
            broken("peer-changes-ignored", "vxlan", "host-gw", "udp")
                    .onlyTagged(only(
                            VXLAN_CHANGE_1,
                            VXLAN_CHANGE_2,
                            VXLAN_CHANGE_3,
                            HG_CHANGE_1,
                            HG_CHANGE_2,
                            UDP_CHANGE_1,
                            UDP_CHANGE_2))
                    .failsNaming(VXLAN_CHANGE_2, "0e:00:00:00:00:99")
                    .fails(VXLAN_CHANGE_1, VXLAN_CHANGE_3)
                    .failsNaming(HG_CHANGE_2, "10.168.0.4")
                    .fails(UDP_CHANGE_2)
                    .build(),
            // a restart that finds its own lease takes the peers to be in the kernel still: true after a crash of
            // vxlan or host-gw (R-CRASH-01 passes), not after a reboot, nor for udp, whose peers live in the proxy
            broken("restart-peers-skipped", "vxlan", "host-gw", "udp")
                    .onlyTagged(only(VXLAN_CHANGE_1, HG_CHANGE_1, UDP_CHANGE_1, CRASH_1, CRASH_3))
                    .failsNaming(HG_CHANGE_1, "10.1.15.0")
                    .fails(VXLAN_CHANGE_1, UDP_CHANGE_1, CRASH_3)
                    .build(),
            // the same for every backend: judged on vxlan's example
            broken("exits-when-etcd-unreachable", "vxlan")
                    .onlyTagged("(" + only(OUTAGE) + ") and @vxlan")
                    .failsNaming(OUTAGE, "is running")
                    .build(),
            // the outage, with no compaction, it rides out
            broken("watch-stuck-after-compaction", "vxlan")
                    .onlyTagged(only(COMPACT_1, COMPACT_2) + " or (" + only(OUTAGE) + " and @vxlan)")
                    .failsNaming(COMPACT_1, "10.1.17.0")
                    .fails(COMPACT_2)
                    .build(),
            // SIGKILL removes the data path (flannel.1, host-gw's routes); SIGTERM does not, and is judged too
            broken("crash-cleans-up", "vxlan", "host-gw")
                    .onlyTagged(only(CRASH_1, CRASH_2, STOP))
                    .failsNaming(CRASH_2, "MAC")
                    .fails(CRASH_1)
                    .build(),
            broken("udp-proxy-outlives-agent", "udp")
                    .onlyTagged(only(CRASH_3))
                    .failsNaming(CRASH_3, "1 received")
                    .build(),
            broken("slow-to-stop", "vxlan")
                    .onlyTagged(only(STOP))
                    .failsNaming(STOP, "after SIGTERM")
                    .build(),
            // it says what is wrong in Flannel's words, then leases from a default config
            broken("bad-config-defaults", "vxlan")
                    .onlyTagged(only(BAD_CONFIG_1, BAD_CONFIG_2, BAD_CONFIG_3))
                    .failsNaming(BAD_CONFIG_1, "came to hold a lease")
                    .fails(BAD_CONFIG_2)
                    .build(),
            broken("bad-config-own-words", "vxlan")
                    .onlyTagged(only(BAD_CONFIG_3))
                    .failsNaming(BAD_CONFIG_3, "did not log")
                    .build(),
            broken("stops-after-bad-value", "vxlan")
                    .onlyTagged(only(GARBAGE_1, GARBAGE_2))
                    .failsNaming(GARBAGE_1, "10.1.16.3")
                    .fails(GARBAGE_2)
                    .build(),
            broken("udp-junk-kills-proxy", "udp")
                    .onlyTagged(only(UDP_JUNK))
                    .failsNaming(UDP_JUNK, "is running")
                    .build(),
            // at scale: a fault that does not show with the 2 to 4 nodes of the other features
            broken("peers-capped-at-8", "vxlan", "host-gw", "udp")
                    .onlyTagged("@scale")
                    .failsNaming(SCALE_VXLAN_ROUTES, "routes every other node's subnet")
                    .failsNaming(SCALE_UDP_REACH, "never got an answer")
                    .fails(
                            SCALE_VXLAN_REACH,
                            SCALE_VXLAN_JOIN,
                            SCALE_VXLAN_LEAVE,
                            SCALE_VXLAN_DIRECT,
                            SCALE_HOSTGW_ROUTES,
                            SCALE_HOSTGW_REACH,
                            SCALE_HOSTGW_JOIN,
                            SCALE_HOSTGW_LEAVE,
                            SCALE_UDP_JOIN)
                    .build());
}
