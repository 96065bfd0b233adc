package org.flannel.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelChoiceTest {

    @Test
    void netlinkUnlessTold() {
        assertThat(KernelChoice.from(Optional.empty(), Optional.empty())).isEqualTo(KernelChoice.NETLINK);
        assertThat(KernelChoice.from(Optional.of(""), Optional.of(" "))).isEqualTo(KernelChoice.NETLINK);
    }

    @Test
    void iprouteByPropertyOrEnvironmentThePropertyWinning() {
        assertThat(KernelChoice.from(Optional.empty(), Optional.of("iproute"))).isEqualTo(KernelChoice.IPROUTE);
        assertThat(KernelChoice.from(Optional.of("IPROUTE2"), Optional.empty())).isEqualTo(KernelChoice.IPROUTE);
        assertThat(KernelChoice.from(Optional.of("netlink"), Optional.of("iproute")))
                .isEqualTo(KernelChoice.NETLINK);
    }

    @Test
    void anUnknownNameIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> KernelChoice.from(Optional.empty(), Optional.of("ioctl")))
                .hasMessage("unknown kernel interface \"ioctl\" in REFERENCE_FLANNELD_KERNEL: use netlink or iproute");
        assertThatThrownBy(() -> KernelChoice.from(Optional.of("ip"), Optional.empty()))
                .hasMessage("unknown kernel interface \"ip\" in flanneld.kernel: use netlink or iproute");
    }
}
