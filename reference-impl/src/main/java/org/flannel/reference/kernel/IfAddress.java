package org.flannel.reference.kernel;

import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;

/** An address on an interface: unlike a subnet it keeps its host part (10.168.0.2/24). */
public record IfAddress(Ip4 address, int prefixLen) {

    public Ip4Net network() {
        return Ip4Net.of(address, prefixLen);
    }

    @Override
    public String toString() {
        return address + "/" + prefixLen;
    }
}
