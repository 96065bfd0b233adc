package org.flannel.reference.subnet.etcd;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.flannel.reference.subnet.NetworkConfig;
import org.flannel.reference.subnet.SubnetAllocator;
import org.flannel.reference.subnet.SubnetFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains this node's subnet lease in Flannel's order (local_manager.go tryAcquireLease): the lease
 * already held by this public IP; else the subnet of the previous subnet file, if free; else a free
 * subnet picked at random in [SubnetMin, SubnetMax]. Creation is conditional on the key being absent;
 * where Flannel gives up after losing that race, this tries again with what is now free.
 */
public final class LeaseAcquirer {
    public static final Duration SUBNET_TTL = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(LeaseAcquirer.class);
    private static final int RACE_RETRIES = 20;

    private final EtcdRegistry registry;
    private final Path subnetFile;
    private final RandomGenerator random;

    public LeaseAcquirer(EtcdRegistry registry, Path subnetFile, RandomGenerator random) {
        this.registry = registry;
        this.subnetFile = subnetFile;
        this.random = random;
    }

    public Lease acquire(NetworkConfig config, LeaseAttrs attrs) throws RegistryException, LeaseException {
        for (int attempt = 1; ; attempt++) {
            try {
                return tryAcquire(config, attrs);
            } catch (SubnetAlreadyExistsException lostRace) {
                if (attempt == RACE_RETRIES) {
                    throw new LeaseException("failed to acquire lease: " + lostRace.getMessage() + " (lost the race "
                            + attempt + " times)");
                }
                LOG.info("Another node took that subnet first ({}); trying again", lostRace.getMessage());
                sleepBeforeRetry(attempt);
            }
        }
    }

    private Lease tryAcquire(NetworkConfig config, LeaseAttrs attrs)
            throws RegistryException, LeaseException, SubnetAlreadyExistsException {
        List<Lease> leases = registry.leases().leases();
        Ip4 publicIp = attrs.publicIp();

        Optional<Lease> mine = leases.stream()
                .filter(l -> l.attrs().publicIp().equals(publicIp))
                .findFirst();
        if (mine.isPresent()) {
            Lease lease = mine.get();
            if (config.isCompatible(lease.subnet())) {
                LOG.info(
                        "Found lease (ip: {} ipv6: {}) for current IP ({}), reusing",
                        lease.subnet(),
                        ipv6Text(lease),
                        publicIp);
                // A reservation (a key without TTL) stays one, as Flannel's documentation promises.
                boolean reservation = Instant.MAX.equals(lease.expiration());
                return registry.updateLease(lease.subnet(), attrs, reservation ? null : SUBNET_TTL);
            }
            LOG.info(
                    "Found lease (ip: {} ipv6: {}) for current IP ({}) but not compatible with current config, deleting",
                    lease.subnet(),
                    ipv6Text(lease),
                    publicIp);
            registry.deleteLease(lease.subnet());
            leases = leases.stream().filter(l -> l != lease).toList();
        }

        List<Ip4Net> taken = leases.stream().map(Lease::subnet).toList();
        Optional<Ip4Net> previous = SubnetFile.readPreviousSubnet(subnetFile);
        Ip4Net subnet = null;
        if (previous.isPresent()) {
            Ip4Net candidate = previous.get();
            if (!config.isCompatible(candidate)) {
                LOG.info(
                        "Found previously leased subnet ({}) that is not compatible with the Etcd network config, ignoring",
                        candidate);
            } else if (taken.stream().noneMatch(candidate::overlaps)) {
                LOG.info("Found previously leased subnet ({}), reusing", candidate);
                subnet = candidate;
            }
        }
        if (subnet == null) {
            LOG.info("Picking subnet in range {} ... {}", config.subnetMin(), config.subnetMax());
            subnet = SubnetAllocator.allocate(config, taken, random)
                    .orElseThrow(() -> new LeaseException("failed to acquire lease: out of subnets"));
        }
        Lease lease = registry.createLease(subnet, attrs, SUBNET_TTL);
        LOG.info("Allocated lease (ip: {} ipv6: {}) to current node ({}) ", subnet, ipv6Text(lease), publicIp);
        return lease;
    }

    private static String ipv6Text(Lease lease) {
        return lease.ipv6Subnet() == null ? "::/0" : lease.ipv6Subnet().toString();
    }

    private void sleepBeforeRetry(int attempt) throws LeaseException {
        try {
            // A short random pause, so that two nodes that collided do not collide again in lock step.
            Thread.sleep(random.nextLong(20, 100L * Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeaseException("interrupted while acquiring a lease");
        }
    }
}
