package org.flannel.reference.net;

import org.flannel.reference.ip.Ip4;

/**
 * The node's underlay interface, as Flannel's ExternalInterface: the device, its own address
 * ({@code ifaceAddr}), the address advertised to peers ({@code extAddr}, the public IP) and its MTU.
 */
public record ExternalInterface(String name, int index, Ip4 ifaceAddr, Ip4 extAddr, int mtu) {}
