package org.flannel.reference.subnet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.ip.Ip6;
import org.flannel.reference.ip.Ip6Net;

/**
 * Flannel's {@code LocalManager.allocateSubnet} ({@code pkg/subnet/etcd/local_manager.go}): walk from
 * SubnetMin to SubnetMax in steps of one subnet, skip every candidate overlapping a taken subnet, stop
 * after 100 free ones, and pick one of those uniformly at random. Picking among the first 100 (rather
 * than always the first) makes two nodes starting together unlikely to race for the same key.
 */
public final class SubnetAllocator {

    /** Flannel collects at most this many free candidates before choosing. */
    public static final int MAX_CANDIDATES = 100;

    private SubnetAllocator() {}

    /** A free IPv4 subnet of SubnetLen, or empty when none is free ("out of subnets" is the caller's message). */
    public static Optional<Ip4Net> allocate(NetworkConfig config, Collection<Ip4Net> taken, RandomGenerator random) {
        List<Ip4Net> free = new ArrayList<>();
        long step = 1L << (32 - config.subnetLen());
        long last = config.subnetMax().toLong();
        for (long ip = config.subnetMin().toLong(); ip <= last && free.size() < MAX_CANDIDATES; ip += step) {
            Ip4Net candidate = Ip4Net.of(Ip4.fromLong(ip), config.subnetLen());
            if (taken.stream().noneMatch(candidate::overlaps)) {
                free.add(candidate);
            }
        }
        return pick(free, random);
    }

    /** The IPv6 twin, walking IPv6SubnetMin..IPv6SubnetMax in steps of IPv6SubnetLen. */
    public static Optional<Ip6Net> allocateIpv6(
            NetworkConfig config, Collection<Ip6Net> taken, RandomGenerator random) {
        if (config.ipv6SubnetMin() == null || config.ipv6SubnetMax() == null) {
            return Optional.empty();
        }
        List<Ip6Net> free = new ArrayList<>();
        BigInteger step = BigInteger.ONE.shiftLeft(128 - config.ipv6SubnetLen());
        BigInteger last = config.ipv6SubnetMax().value();
        BigInteger ip = config.ipv6SubnetMin().value();
        for (; ip.compareTo(last) <= 0 && free.size() < MAX_CANDIDATES; ip = ip.add(step)) {
            Ip6Net candidate = Ip6Net.of(new Ip6(ip), config.ipv6SubnetLen());
            // Leases without an IPv6 subnet (null) take no IPv6 space.
            if (taken.stream().filter(Objects::nonNull).noneMatch(candidate::overlaps)) {
                free.add(candidate);
            }
        }
        return pick(free, random);
    }

    private static <T> Optional<T> pick(List<T> free, RandomGenerator random) {
        return free.isEmpty() ? Optional.empty() : Optional.of(free.get(random.nextInt(free.size())));
    }
}
