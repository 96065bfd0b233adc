package org.flannel.reference.subnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.ip.Ip6Net;
import org.junit.jupiter.api.Test;

class SubnetAllocatorTest {

    /** Always answers {@code index} (clamped to the bound) and records every bound it was asked for. */
    private static final class ScriptedRandom implements RandomGenerator {
        final List<Integer> bounds = new ArrayList<>();
        private final int index;

        ScriptedRandom(int index) {
            this.index = index;
        }

        @Override
        public int nextInt(int bound) {
            bounds.add(bound);
            return Math.min(index, bound - 1);
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the allocator only needs nextInt(bound)");
        }
    }

    private static NetworkConfig config(String json) throws ConfigException {
        return NetworkConfig.parse(json);
    }

    private static List<Ip4Net> nets(String... cidrs) {
        return List.of(cidrs).stream().map(Ip4Net::parse).toList();
    }

    @Test
    void walksFromSubnetMinAndStopsAtOneHundredCandidates() throws Exception {
        NetworkConfig config = config("{\"Network\":\"10.3.0.0/16\"}");
        ScriptedRandom first = new ScriptedRandom(0);
        assertThat(SubnetAllocator.allocate(config, List.of(), first)).contains(Ip4Net.parse("10.3.1.0/24"));
        assertThat(first.bounds).containsExactly(100);

        ScriptedRandom last = new ScriptedRandom(Integer.MAX_VALUE);
        assertThat(SubnetAllocator.allocate(config, List.of(), last)).contains(Ip4Net.parse("10.3.100.0/24"));
    }

    @Test
    void skipsTakenSubnets() throws Exception {
        NetworkConfig config = config("{\"Network\":\"10.3.0.0/16\"}");
        ScriptedRandom random = new ScriptedRandom(0);
        assertThat(SubnetAllocator.allocate(config, nets("10.3.1.0/24", "10.3.2.0/24"), random))
                .contains(Ip4Net.parse("10.3.3.0/24"));
    }

    @Test
    void skipsSubnetsOverlappingLargerOrSmallerTakenNetworks() throws Exception {
        NetworkConfig config = config("{\"Network\":\"10.3.0.0/16\"}");
        assertThat(SubnetAllocator.allocate(config, nets("10.3.0.0/20"), new ScriptedRandom(0)))
                .contains(Ip4Net.parse("10.3.16.0/24"));
        assertThat(SubnetAllocator.allocate(config, nets("10.3.1.128/25"), new ScriptedRandom(0)))
                .contains(Ip4Net.parse("10.3.2.0/24"));
    }

    @Test
    void choosesOnlyAmongFreeSubnetsInRange() throws Exception {
        // subnet_test.go TestAcquireLease: 10.3.1.0 .. 10.3.25.0 with leases 1, 2, 4, 5 and 31 taken
        NetworkConfig config =
                config("{\"Network\":\"10.3.0.0/16\",\"SubnetMin\":\"10.3.1.0\",\"SubnetMax\":\"10.3.25.0\"}");
        List<Ip4Net> taken = nets("10.3.1.0/24", "10.3.2.0/24", "10.3.4.0/24", "10.3.5.0/24", "10.3.31.0/24");
        ScriptedRandom scripted = new ScriptedRandom(0);
        assertThat(SubnetAllocator.allocate(config, taken, scripted)).contains(Ip4Net.parse("10.3.3.0/24"));
        assertThat(scripted.bounds).containsExactly(21);

        RandomGenerator random = new SplittableRandom(42);
        Set<Ip4Net> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            Ip4Net picked = SubnetAllocator.allocate(config, taken, random).orElseThrow();
            assertThat(config.isCompatible(picked)).isTrue();
            assertThat(taken).doesNotContain(picked);
            seen.add(picked);
        }
        assertThat(seen).hasSize(21); // every free candidate can be drawn
    }

    @Test
    void nothingFreeGivesEmpty() throws Exception {
        NetworkConfig config = config("{\"Network\":\"10.0.0.0/28\"}"); // /30 subnets .4, .8, .12
        assertThat(SubnetAllocator.allocate(config, nets("10.0.0.4/30", "10.0.0.8/30"), new ScriptedRandom(0)))
                .contains(Ip4Net.parse("10.0.0.12/30"));
        assertThat(SubnetAllocator.allocate(
                        config, nets("10.0.0.4/30", "10.0.0.8/30", "10.0.0.12/30"), new ScriptedRandom(0)))
                .isEmpty();
        assertThat(SubnetAllocator.allocate(config, nets("10.0.0.0/16"), new ScriptedRandom(0)))
                .isEmpty();
    }

    @Test
    void aRangeWhoseOnlySubnetIsTakenGivesEmpty() throws Exception {
        // A range with no subnet at all (SubnetMin above SubnetMax) is refused with the config itself.
        NetworkConfig config =
                config("{\"Network\":\"10.3.0.0/16\",\"SubnetMin\":\"10.3.8.0\",\"SubnetMax\":\"10.3.8.0\"}");
        assertThat(SubnetAllocator.allocate(config, List.of(Ip4Net.parse("10.3.8.0/24")), new ScriptedRandom(0)))
                .isEmpty();
    }

    @Test
    void reachesTheLastSubnetOfTheAddressSpaceWithoutWrapping() throws Exception {
        NetworkConfig config = config("{\"Network\":\"255.255.0.0/16\"}");
        List<Ip4Net> taken = new ArrayList<>();
        for (int i = 1; i < 255; i++) {
            taken.add(Ip4Net.parse("255.255." + i + ".0/24"));
        }
        ScriptedRandom random = new ScriptedRandom(0);
        assertThat(SubnetAllocator.allocate(config, taken, random)).contains(Ip4Net.parse("255.255.255.0/24"));
        assertThat(random.bounds).containsExactly(1);
    }

    @Test
    void allocatesIpv6SubnetsTheSameWay() throws Exception {
        NetworkConfig config =
                config("{\"Network\":\"10.3.0.0/16\",\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\"}");
        List<Ip6Net> taken = new ArrayList<>();
        taken.add(Ip6Net.parse("fc00:0:0:1::/64"));
        taken.add(null); // a lease without IPv6 takes no IPv6 space
        ScriptedRandom random = new ScriptedRandom(0);
        Optional<Ip6Net> picked = SubnetAllocator.allocateIpv6(config, taken, random);
        assertThat(picked).contains(Ip6Net.parse("fc00:0:0:2::/64"));
        assertThat(random.bounds).containsExactly(100);
    }

    @Test
    void noIpv6RangeGivesEmpty() throws Exception {
        NetworkConfig config = config("{\"Network\":\"10.3.0.0/16\"}");
        assertThat(SubnetAllocator.allocateIpv6(config, List.of(), new ScriptedRandom(0)))
                .isEmpty();
    }
}
