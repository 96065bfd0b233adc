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

    static final List<SelfTestVariant> ALL = List.of(
            correct("shell-flanneld"),
            broken("wrong-port", "vxlan").failsNaming(DEVICE_1, "dstport")
                    .fails(WIRE_1, WIRE_2, WIRE_3, FLOW_HASH, FLOW, MTU_1, MTU_2, CONFIG, DIRECT, INTEROP_VXLAN).build(),
            broken("wrong-vni", "vxlan").failsNaming(DEVICE_1, "vni")
                    .fails(WIRE_1, WIRE_3, FLOW, CONFIG, DIRECT, INTEROP_VXLAN).build(),
            broken("non-permanent-neighbours", "vxlan").failsNaming(PEER_1, "PERMANENT").fails(PEER_2, RESTART_1).build(),
            broken("missing-fdb", "vxlan").failsNaming(PEER_1, "bridge fdb show")
                    .fails(PEER_2, WIRE_1, WIRE_2, WIRE_3, FLOW_HASH, FLOW, DEVICE_1, MTU_1, MTU_2, CONFIG, RESTART_1, JOIN, DIRECT,
                            INTEROP_VXLAN).build(),
            broken("wrong-mtu", "vxlan").failsNaming(SUBNET_FILE, "FLANNEL_MTU").fails(MTU_2).build(),
            broken("leases-never-cleaned", "vxlan").failsNaming(LEAVE, "10.1.16.0").build());
}
