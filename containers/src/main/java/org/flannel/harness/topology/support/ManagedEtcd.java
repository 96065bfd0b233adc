package org.flannel.harness.topology.support;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.function.Supplier;
import org.flannel.harness.topology.EtcdMember;
import org.flannel.harness.topology.EtcdctlClient;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.TopologyException;

/** The topology's etcd: its data through etcdctl, and its process, which a scenario may stop and start again. */
public final class ManagedEtcd implements EtcdMember {
    private final EtcdctlClient client;
    private final Supplier<ManagedProcess> launcher;
    private ManagedProcess process;

    /**
     * @param launcher starts the member on its data directory (the topology cleans up every process it started)
     * @param running the process {@code launcher} already started, ready
     */
    public ManagedEtcd(EtcdctlClient client, Supplier<ManagedProcess> launcher, ManagedProcess running) {
        this.client = client;
        this.launcher = launcher;
        this.process = running;
    }

    @Override
    public synchronized void stop() {
        if (!process.isAlive()) {
            throw new TopologyException("etcd is not running");
        }
        process.stop(Duration.ofSeconds(10));
    }

    @Override
    public synchronized void start() {
        if (process.isAlive()) {
            throw new TopologyException("etcd is already running");
        }
        process = launcher.get();
        EtcdLauncher.awaitReady(process, client);
    }

    @Override
    public String endpoint() {
        return client.endpoint();
    }

    @Override
    public void put(String key, String value) {
        client.put(key, value);
    }

    @Override
    public long putWithTtl(String key, String value, Duration ttl) {
        return client.putWithTtl(key, value, ttl);
    }

    @Override
    public Optional<String> get(String key) {
        return client.get(key);
    }

    @Override
    public SortedMap<String, String> getPrefix(String prefix) {
        return client.getPrefix(prefix);
    }

    @Override
    public boolean delete(String key) {
        return client.delete(key);
    }

    @Override
    public long deletePrefix(String prefix) {
        return client.deletePrefix(prefix);
    }

    @Override
    public OptionalLong timeToLive(String key) {
        return client.timeToLive(key);
    }

    @Override
    public boolean isHealthy() {
        return client.isHealthy();
    }

    @Override
    public long revision() {
        return client.revision();
    }

    @Override
    public void compact(long revision) {
        client.compact(revision);
    }
}
