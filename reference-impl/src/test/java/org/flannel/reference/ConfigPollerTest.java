package org.flannel.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.flannel.reference.subnet.etcd.RegistryException;
import org.flannel.reference.testing.CapturedStderr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A config that cannot work is reported as Flannel words it, read again a second later, and a fix is taken. */
class ConfigPollerTest {

    private static final String GOOD = "{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"vxlan\"}}";

    /** What etcd holds at each read, in turn; null for a missing key, "!" for etcd not answering. */
    private final Deque<String> reads = new ArrayDeque<>();

    private final List<Duration> pauses = new ArrayList<>();
    private final CapturedStderr log = new CapturedStderr();
    private int stopAfterPauses = Integer.MAX_VALUE;

    @AfterEach
    void closeLog() {
        log.close();
    }

    private Optional<ConfigPoller.Config> poll(String... contents) throws InterruptedException {
        for (String content : contents) {
            reads.add(content == null ? "\0" : content);
        }
        ConfigPoller poller = new ConfigPoller(
                () -> {
                    String next = reads.remove();
                    if (next.equals("!")) {
                        throw new RegistryException(
                                "etcd: cannot read /coreos.com/network/config: connection refused", null);
                    }
                    return next.equals("\0") ? Optional.empty() : Optional.of(next);
                },
                duration -> {
                    pauses.add(duration);
                    return pauses.size() >= stopAfterPauses;
                });
        return poller.awaitUsable();
    }

    private long count(String line) {
        return log.text().lines().filter(l -> l.contains(line)).count();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                 | this is not json                                                        | Couldn't fetch network config: invalid character 'h' in literal true (expecting 'r')
            no Network               | {"Backend":{"Type":"vxlan"}}                                             | Couldn't fetch network config: please define a correct Network parameter in the flannel config
            SubnetLen 31             | {"Network":"10.1.0.0/16","SubnetLen":31}                                 | Couldn't fetch network config: SubnetLen must be less than /31
            SubnetMin outside        | {"Network":"10.1.0.0/16","SubnetMin":"10.2.0.0"}                         | Couldn't fetch network config: SubnetMin is not in the range of the Network
            SubnetMin above Max      | {"Network":"10.1.0.0/16","SubnetMin":"10.1.200.0","SubnetMax":"10.1.100.0"} | Couldn't fetch network config: SubnetMin (10.1.200.0) is above SubnetMax (10.1.100.0): no subnet can be leased
            unknown backend          | {"Network":"10.1.0.0/16","Backend":{"Type":"carrier-pigeon"}}            | Error fetching backend: unknown backend type: carrier-pigeon
            bad backend option       | {"Network":"10.1.0.0/16","Backend":{"Type":"vxlan","VNI":"abc"}}         | Error registering network: Backend.VNI must be a whole number, not "abc"
            """)
    void aConfigThatCannotWorkIsReportedEverySecondUntilFixed(String name, String config, String line)
            throws Exception {
        Optional<ConfigPoller.Config> result = poll(config, config, config, GOOD);

        assertThat(count(line)).isEqualTo(3);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(result).isPresent();
        assertThat(result.get().network().network().toString()).isEqualTo("10.1.0.0/16");
        assertThat(log.text()).contains("Found network config - Backend type: vxlan");
    }

    @Test
    void aMissingConfigAndAnUnreachableEtcdAreReportedToo() throws Exception {
        Optional<ConfigPoller.Config> result = poll(null, "!", GOOD);

        assertThat(result).isPresent();
        assertThat(log.text())
                .contains(
                        "Couldn't fetch network config: flannel config not found in etcd store. Did you create your config using etcdv3 API?",
                        "Couldn't fetch network config: etcd: cannot read /coreos.com/network/config: connection refused");
        assertThat(pauses).hasSize(2);
    }

    @Test
    void aStopWhileWaitingGivesNoConfig() throws Exception {
        stopAfterPauses = 2;

        assertThat(poll("{}", "{}", GOOD)).isEmpty();
        assertThat(reads).containsExactly(GOOD);
    }
}
