package org.flannel.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessSampleTest {
    @Test
    void cpuTimeIsUserPlusSystemTicksEvenWithSpacesInTheCommand() {
        String stat = "4242 (my java (x)) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 18 0 1 0 0";
        assertThat(ProcessSample.cpuSeconds(stat)).isEqualTo(3.0);
    }

    @Test
    void statusFieldsAreReadByName() {
        String status = "Name:\tjava\nVmRSS:\t   79812 kB\nThreads:\t18\n";
        assertThat(ProcessSample.field(status, "VmRSS:")).isEqualTo(79812);
        assertThat(ProcessSample.field(status, "Threads:")).isEqualTo(18);
    }
}
