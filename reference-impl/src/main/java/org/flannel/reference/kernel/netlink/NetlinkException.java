package org.flannel.reference.kernel.netlink;

import java.util.Optional;
import org.flannel.reference.kernel.KernelException;

/** The kernel answered a request with an error: its errno, and its own words when it gave them (extended ack). */
final class NetlinkException extends KernelException {
    private final int errno;

    NetlinkException(String request, int errno, Optional<String> kernelMessage) {
        super("cannot " + request + ": " + NetlinkLibC.describe(errno)
                + kernelMessage.map(m -> ": " + m).orElse(""));
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
