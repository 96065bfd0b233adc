package org.flannel.reference;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.flannel.reference.backend.LeaseFollower;
import org.flannel.reference.backend.Network;
import org.flannel.reference.cli.FlanneldOptions;
import org.flannel.reference.healthz.HealthServer;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.net.ExternalInterfaceFinder;
import org.flannel.reference.net.InterfaceLookupException;
import org.flannel.reference.subnet.SubnetFile;
import org.flannel.reference.subnet.etcd.EtcdOptions;
import org.flannel.reference.subnet.etcd.EtcdRegistry;
import org.flannel.reference.subnet.etcd.LeaseAcquirer;
import org.flannel.reference.subnet.etcd.LeaseKeeper;
import org.flannel.reference.subnet.etcd.LeaseWatcher;
import org.flannel.reference.subnet.etcd.RegistryException;
import org.flannel.reference.subnet.etcd.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * flanneld's life, in Flannel's order (main.go): network config (retried every second until valid),
 * external interface, backend registration (devices and lease), subnet file, then following the
 * peers and keeping the lease until a signal or the lease's revocation ends it.
 */
final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final Duration FIRST_LISTING_LIMIT = Duration.ofSeconds(10);

    private final FlanneldOptions options;
    private final Kernel kernel;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean ready;
    /** The thread starting the daemon, until it runs: a stop interrupts whatever it waits for. */
    private Thread startup;

    Daemon(FlanneldOptions options, Kernel kernel) {
        this.options = options;
        this.kernel = kernel;
    }

    /**
     * Runs until stopped; returns the process's exit status. A stop during startup (etcd unreachable,
     * the config still wrong) interrupts what the startup waits for, so SIGTERM ends the agent at once.
     */
    int run() {
        startup = Thread.currentThread();
        try {
            return runUntilStopped();
        } catch (InterruptedException e) {
            return stopping() ? exitCleanly() : 1;
        }
    }

    private int runUntilStopped() throws InterruptedException {
        List<AutoCloseable> resources = new ArrayList<>();
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "subnet-watch");
            t.setDaemon(true);
            return t;
        });
        try {
            if (options.healthzPort() > 0) {
                resources.add(HealthServer.start(options.healthzIp(), options.healthzPort(), () -> ready));
            }
            EtcdRegistry registry = EtcdRegistry.connect(etcdOptions());
            resources.add(registry);

            Optional<ConfigPoller.Config> config =
                    new ConfigPoller(registry::networkConfig, this::stoppedWithin).awaitUsable();
            if (config.isEmpty()) {
                return exitCleanly();
            }
            ExternalInterface iface = new ExternalInterfaceFinder(kernel)
                    .find(options.ifaces(), options.ifaceRegexes(), canReach(), options.publicIpAddress());

            Path subnetFile = options.subnetFile();
            LeaseAcquirer acquirer = new LeaseAcquirer(registry, subnetFile, RandomGenerator.getDefault());
            Network network;
            try {
                network = config.get()
                        .backend()
                        .newBackend(config.get().network(), iface, kernel)
                        .register(attrs -> acquirer.acquire(config.get().network(), attrs));
            } catch (Exception e) {
                return failed("Error registering network: " + e.getMessage());
            }
            resources.add(network);
            LeaseKeeper keeper = new LeaseKeeper(
                    registry,
                    Scheduler.on(thread),
                    Clock.systemUTC(),
                    network.lease(),
                    Duration.ofMinutes(options.subnetLeaseRenewMargin()),
                    this::stop);
            LeaseWatcher watcher = new LeaseWatcher(registry, thread, new LeaseFollower(network, keeper::handle));
            resources.add(watcher);
            awaitFirstListing(watcher.start());

            // Beyond Flannel, which writes it first: the subnet file (readiness) comes once the peers that
            // already exist are programmed, so a pod started on readiness can reach them at once.
            try {
                SubnetFile.write(
                        subnetFile,
                        config.get().network(),
                        network.lease().subnet(),
                        null,
                        network.mtu(),
                        options.ipMasq());
                ready = true;
            } catch (Exception e) {
                LOG.warn("Failed to write subnet file: {}", e.getMessage());
            }
            keeper.start();
            LOG.info("Running backend.");
            synchronized (this) {
                startup = null;
            }
            stopped.await();
            return exitCleanly();
        } catch (InterfaceLookupException | RegistryException e) {
            return failed(e.getMessage());
        } catch (java.io.IOException e) {
            return failed("Cannot start the health server on " + options.healthzIp() + ":" + options.healthzPort()
                    + ": " + e.getMessage());
        } finally {
            Thread.interrupted(); // a stop's interrupt has done its job: it must not cut the closing short
            for (int i = resources.size() - 1; i >= 0; i--) {
                closeQuietly(resources.get(i));
            }
            thread.shutdownNow();
        }
    }

    /** A startup step failed; when that is the stop's doing, it is no failure. */
    private int failed(String why) {
        if (stopping()) {
            return exitCleanly();
        }
        LOG.error("{}", why);
        return 1;
    }

    private static int exitCleanly() {
        LOG.info("Exiting cleanly...");
        return 0;
    }

    private static void awaitFirstListing(CompletableFuture<Void> listing) throws InterruptedException {
        try {
            listing.get(FIRST_LISTING_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn(
                    "The peers' leases are not listed yet after {} s; going on, they will follow",
                    FIRST_LISTING_LIMIT.toSeconds());
        }
    }

    void stop() {
        stopped.countDown();
        synchronized (this) {
            if (startup != null) {
                startup.interrupt();
            }
        }
    }

    private boolean stopping() {
        return stopped.getCount() == 0;
    }

    private boolean stoppedWithin(Duration duration) throws InterruptedException {
        return stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    private EtcdOptions etcdOptions() {
        return new EtcdOptions(
                options.etcdEndpoints(),
                options.etcdPrefix(),
                nonEmpty(options.etcdCafile()),
                nonEmpty(options.etcdCertfile()),
                nonEmpty(options.etcdKeyfile()),
                nonEmpty(options.etcdUsername()),
                nonEmpty(options.etcdPassword()));
    }

    private Optional<Ip4> canReach() throws InterfaceLookupException {
        try {
            return nonEmpty(options.ifaceCanReach()).map(Ip4::parse);
        } catch (IllegalArgumentException e) {
            throw new InterfaceLookupException("Invalid --iface-can-reach: " + e.getMessage());
        }
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", resource, e.getMessage());
        }
    }
}
