package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnerTest {
    private final Owner me = Owner.current();

    @Test
    void labelRoundTrips() {
        assertThat(Owner.parse(me.label())).contains(me);
        assertThat(Owner.parse("garbage")).isEmpty();
        assertThat(Owner.parse(null)).isEmpty();
        assertThat(Owner.parse("host/boot/x/1")).isEmpty();
    }

    @Test
    void aLiveOwnerIsNotGone() {
        assertThat(me.isGoneSeenFrom(me)).isFalse();
    }

    @Test
    void aReusedPidOrAnotherBootMeansGone() {
        assertThat(new Owner(me.host(), me.bootId(), me.pid(), me.startTime() + 1).isGoneSeenFrom(me))
                .isTrue();
        assertThat(new Owner(me.host(), "another-boot", me.pid(), me.startTime()).isGoneSeenFrom(me))
                .isTrue();
    }

    @Test
    void aDeadProcessIsGone() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        assertThat(new Owner(me.host(), me.bootId(), finished.pid(), 12345).isGoneSeenFrom(me))
                .isTrue();
    }

    @Test
    void anotherHostsRunIsNeverJudged() {
        assertThat(new Owner("elsewhere", "boot", 1, 1).isGoneSeenFrom(me)).isFalse();
    }
}
