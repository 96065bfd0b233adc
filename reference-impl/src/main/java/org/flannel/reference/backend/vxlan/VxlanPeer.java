package org.flannel.reference.backend.vxlan;

import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.MacAddress;

/**
 * What this node programmed for one remote lease: its subnet, its public IP and VTEP MAC, and whether
 * it was reached directly (DirectRouting, peer on-link) rather than through the VXLAN device.
 */
record VxlanPeer(Ip4Net subnet, Ip4 publicIp, MacAddress vtepMac, boolean direct) {}
