package org.flannel.harness.features;

import static org.flannel.harness.features.SelfTestVariant.broken;
import static org.flannel.harness.features.SelfTestVariant.correct;

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

    static final List<SelfTestVariant> ALL = List.of(
            correct("shell-flanneld"),
            // vxlan
            broken("wrong-port", "vxlan").failsNaming(DEVICE_1, "dstport")
                    .fails(WIRE_1, WIRE_2, WIRE_3, FLOW_HASH, FLOW, MTU_1, MTU_2, CONFIG, DIRECT, INTEROP_VXLAN).build(),
            broken("wrong-vni", "vxlan").failsNaming(DEVICE_1, "vni")
                    .fails(WIRE_1, WIRE_3, FLOW, CONFIG, DIRECT, INTEROP_VXLAN).build(),
            broken("non-permanent-neighbours", "vxlan").failsNaming(PEER_1, "PERMANENT").fails(PEER_2, RESTART_1).build(),
            broken("missing-fdb", "vxlan").failsNaming(PEER_1, "bridge fdb show")
                    .fails(PEER_2, WIRE_1, WIRE_2, WIRE_3, FLOW_HASH, FLOW, DEVICE_1, MTU_1, MTU_2, CONFIG, RESTART_1, JOIN,
                            DIRECT, INTEROP_VXLAN).build(),
            broken("wrong-mtu", "vxlan").failsNaming(SUBNET_FILE, "FLANNEL_MTU").fails(MTU_2).build(),
            broken("leases-never-cleaned", "vxlan").failsNaming(LEAVE, "10.1.16.0").build(),
            broken("vxlan-learning", "vxlan").failsNaming(DEVICE_2, "learning").build(),
            broken("vxlan-global-mac", "vxlan").failsNaming(DEVICE_2, "locally administered").build(),
            broken("vxlan-stray-routes", "vxlan").failsNaming(PEER_1, "routes to 10.1.16.0")
                    .fails(PEER_2, CONFIG, LEAVE, JOIN, DIRECT).build(),
            // declares host-gw too: a vxlan fault must leave the host-gw requirements passing
            broken("lease-foreign-vtepmac", "vxlan", "host-gw").failsNaming(DEVICE_1, "VtepMAC")
                    .fails(LEASE, PEER_1, PEER_2, WIRE_1, WIRE_3, FLOW, MTU_1, MTU_2, CONFIG, RESTART_1, JOIN, DIRECT,
                            MULTI_VXLAN, INTEROP_VXLAN).build(),
            broken("restart-new-mac", "vxlan").failsNaming(RESTART_2, "VTEP MAC").build(),
            broken("restart-new-subnet", "vxlan").failsNaming(RESTART_2, "subnet").fails(RESTART_1).build(),
            // An agent that never rewrites its subnet file is never ready: every scenario would wait out the
            // 30 s readiness limit, so it is judged on the subnet file's own requirement only.
            broken("subnetfile-never-rewritten", "vxlan").onlyTagged("@R-VXLAN-SUBNETFILE-01")
                    .failsNaming(SUBNET_FILE, "did not write its subnet file").build(),
            // udp
            broken("udp-wrong-port", "udp").failsNaming(UDP_WIRE, "destination_port").fails(UDP_MTU, INTEROP_UDP).build(),
            broken("udp-pi-header", "udp").failsNaming(UDP_WIRE, "length").fails(UDP_MTU, INTEROP_UDP).build(),
            broken("udp-ttl-kept", "udp").failsNaming(UDP_WIRE, "ttl").fails(INTEROP_UDP).build(),
            broken("udp-tap", "udp").failsNaming(UDP_TUN, "tap").build(),
            broken("udp-wrong-mtu", "udp").failsNaming(UDP_NODE, "mtu").build(),
            broken("udp-no-icmp", "udp").failsNaming(UDP_ICMP_1, "icmp").fails(UDP_ICMP_2, UDP_LEAVE_2).build(),
            broken("lease-no-ttl", "udp", "vxlan").failsNaming(UDP_LEASE, "TTL").fails(LEASE_TTL).build(),
            // peers found at startup are never programmed, only those that join later: no reply gets back
            broken("udp-existing-peers-ignored", "udp").failsNaming(UDP_JOIN, "10.1.17.3")
                    .fails(UDP_TUN, UDP_WIRE, UDP_MTU, UDP_ICMP_1, UDP_ICMP_2, UDP_RESTART_1, UDP_RESTART_2, UDP_LEAVE_1,
                            UDP_LEAVE_2, INTEROP_UDP).build(),
            broken("udp-peers-never-removed", "udp").failsNaming(UDP_LEAVE_1, "still sends its removed peer")
                    .fails(UDP_LEAVE_2).build(),
            // host-gw
            // declares vxlan too: the two networks side by side, and a host-gw fault must leave vxlan passing
            broken("hostgw-wrong-gateway", "host-gw", "vxlan").failsNaming(HG_ROUTE_1, "10.168.0.2")
                    .fails(HG_WIRE, HG_MTU, HG_ROUTE_2, HG_LEAVE, HG_JOIN, HG_L2_1, HG_L2_2, INTEROP_HOSTGW, MULTI_HOSTGW)
                    .build(),
            broken("hostgw-routes-never-removed", "host-gw").failsNaming(HG_LEAVE, "10.1.16.0").build(),
            broken("hostgw-routes-never-restored", "host-gw").failsNaming(HG_ROUTE_2, "10.1.16.0").build(),
            broken("hostgw-onlink", "host-gw").failsNaming(HG_L2_1, "10.168.1.2")
                    .fails(HG_ROUTE_1, HG_ROUTE_2, HG_LEAVE, HG_JOIN, HG_L2_2).build(),
            broken("hostgw-quiet", "host-gw").failsNaming(HG_L2_2, "wrote no line about 10.1.17.0/24").build(),
            // its peers ignore a lease without BackendType: no route anywhere
            broken("lease-no-backendtype", "host-gw").failsNaming(HG_ROUTE_1, "node1's routes to 10.1.16.0")
                    .fails(HG_WIRE, HG_MTU, HG_ROUTE_2, HG_LEAVE, HG_JOIN, HG_L2_1, HG_L2_2, INTEROP_HOSTGW).build(),
            broken("lease-wrong-publicip", "host-gw").failsNaming(HG_ROUTE_1, "10.168.0.252")
                    .fails(HG_WIRE, HG_MTU, HG_ROUTE_2, HG_LEAVE, HG_JOIN, HG_L2_1, INTEROP_HOSTGW).build(),
            // the harness cannot give docker0 a network address: every scenario with pods fails at once
            broken("subnetfile-dot-zero", "host-gw").failsNaming(HG_ROUTE_1, "FLANNEL_SUBNET")
                    .fails(HG_WIRE, HG_MTU, HG_ROUTE_2, HG_LEAVE, HG_JOIN, HG_L2_1, HG_L2_2, INTEROP_HOSTGW).build(),
            // Its death 2 s after ready shows only in scenarios that outlast it; most end sooner, so it is
            // judged on two that last longer (the deleted route's return, the 5 s watch of L2-01).
            broken("dies-after-ready", "host-gw").onlyTagged("@R-HOSTGW-ROUTE-02 or @R-HOSTGW-L2-01")
                    .failsNaming(HG_L2_1, "exited with status 1").fails(HG_ROUTE_2).build());
}
