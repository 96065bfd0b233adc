package org.flannel.reference.subnet.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.flannel.reference.subnet.LeaseEvent;
import org.flannel.reference.subnet.SubnetKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flannel's etcd v3 schema: the network config at {@code <prefix>/config}, one key per lease at
 * {@code <prefix>/subnets/10.1.15.0-24} holding the lease's JSON and attached to an etcd lease (its TTL).
 */
public final class EtcdRegistry implements LeaseStream, OwnLeaseStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdRegistry.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<Client> connector;
    private final String prefix;
    private volatile Client client;

    private EtcdRegistry(Supplier<Client> connector, String prefix) {
        this.connector = connector;
        this.prefix = prefix.replaceAll("/+$", "");
        this.client = connector.get();
    }

    public static EtcdRegistry connect(EtcdOptions options) throws RegistryException {
        // jetcd's Vert.x serves no files here. Left on, it makes a /tmp/vertx-cache-* directory (left behind
        // by every SIGKILL) and a shutdown hook to delete it, which made SIGTERM-to-exit ~200-340 ms instead
        // of ~30 ms (median of 8, alternating, same load).
        System.setProperty("vertx.disableFileCPResolving", "true");
        ClientBuilder builder = Client.builder()
                .endpoints(options.endpoints().toArray(String[]::new))
                .connectTimeout(Duration.ofSeconds(5))
                .retryMaxDuration(Duration.ofSeconds(10));
        options.username().ifPresent(user -> builder.user(bytes(user)));
        options.password().ifPresent(password -> builder.password(bytes(password)));
        if (options.tls()) {
            try {
                builder.sslContext(ssl -> {
                    ssl.keyManager(
                            new File(options.certFile().get()),
                            new File(options.keyFile().get()));
                    options.caFile().ifPresent(ca -> ssl.trustManager(new File(ca)));
                    ssl.protocols("TLSv1.3", "TLSv1.2");
                });
            } catch (Exception e) {
                throw new RegistryException("cannot set up TLS to etcd: " + e.getMessage(), e);
            }
        } else {
            LOG.warn("no certificate provided: connecting to etcd with http. This is insecure");
        }
        return new EtcdRegistry(builder::build, options.prefix());
    }

    public String configKey() {
        return prefix + "/config";
    }

    public String subnetsPrefix() {
        return prefix + "/subnets/";
    }

    public String leaseKey(Ip4Net subnet) {
        return subnetsPrefix() + new SubnetKey(subnet, null).format();
    }

    /** The raw network config, empty when the key does not exist. */
    public Optional<String> networkConfig() throws RegistryException {
        GetResponse response = await(client.getKVClient().get(bytes(configKey())), "read " + configKey());
        return response.getKvs().stream().findFirst().map(kv -> kv.getValue().toString(StandardCharsets.UTF_8));
    }

    @Override
    public LeaseSnapshot leases() throws RegistryException {
        String dir = subnetsPrefix();
        GetResponse response = await(
                client.getKVClient()
                        .get(bytes(dir), GetOption.builder().isPrefix(true).build()),
                "list " + dir);
        List<Lease> leases = new ArrayList<>();
        for (KeyValue kv : response.getKvs()) {
            toLease(kv, true).ifPresent(leases::add);
        }
        return new LeaseSnapshot(List.copyOf(leases), response.getHeader().getRevision());
    }

    /** Creates the lease only if its key is absent, under an etcd lease of {@code ttl}. */
    public Lease createLease(Ip4Net subnet, LeaseAttrs attrs, Duration ttl)
            throws RegistryException, SubnetAlreadyExistsException {
        String key = leaseKey(subnet);
        long leaseId = await(client.getLeaseClient().grant(ttl.toSeconds()), "grant a lease")
                .getID();
        TxnResponse txn = await(
                client.getKVClient()
                        .txn()
                        .If(new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.version(0)))
                        .Then(Op.put(
                                bytes(key),
                                bytes(attrs.toJson()),
                                PutOption.builder().withLeaseId(leaseId).build()))
                        .commit(),
                "create " + key);
        if (!txn.isSucceeded()) {
            client.getLeaseClient().revoke(leaseId);
            throw new SubnetAlreadyExistsException(key);
        }
        return new Lease(subnet, null, attrs, Instant.now().plus(ttl));
    }

    /**
     * Rewrites the lease with new attributes under a fresh etcd lease of {@code ttl}, as Flannel renews
     * (a new etcd lease and a put, no keep-alive). A {@code null} ttl keeps a reservation a reservation.
     */
    @Override
    public Lease updateLease(Ip4Net subnet, LeaseAttrs attrs, Duration ttl) throws RegistryException {
        String key = leaseKey(subnet);
        PutOption.Builder put = PutOption.builder();
        if (ttl != null) {
            put.withLeaseId(await(client.getLeaseClient().grant(ttl.toSeconds()), "grant a lease")
                    .getID());
        }
        await(client.getKVClient().put(bytes(key), bytes(attrs.toJson()), put.build()), "write " + key);
        return new Lease(
                subnet, null, attrs, ttl == null ? Instant.MAX : Instant.now().plus(ttl));
    }

    public void deleteLease(Ip4Net subnet) throws RegistryException {
        String key = leaseKey(subnet);
        await(client.getKVClient().delete(bytes(key)), "delete " + key);
    }

    /**
     * Watches every lease from {@code fromRevision}. Events arrive in etcd's order; a compaction or a
     * failure the client cannot recover from ends the watch through {@code onError}.
     */
    @Override
    public Watch.Watcher watchLeases(
            long fromRevision, Consumer<List<LeaseEvent>> onEvents, Consumer<Throwable> onError) {
        WatchOption option = WatchOption.builder()
                .isPrefix(true)
                .withRevision(fromRevision)
                .withPrevKV(true)
                .build();
        return client.getWatchClient()
                .watch(
                        bytes(subnetsPrefix()),
                        option,
                        Watch.listener(
                                response -> {
                                    List<LeaseEvent> events = new ArrayList<>();
                                    for (WatchEvent event : response.getEvents()) {
                                        toEvent(event).ifPresent(events::add);
                                    }
                                    if (!events.isEmpty()) {
                                        onEvents.accept(events);
                                    }
                                },
                                onError));
    }

    private Optional<LeaseEvent> toEvent(WatchEvent event) {
        if (event.getEventType() == WatchEvent.EventType.PUT) {
            // No TTL look-up here: this runs on the client's event thread, which must not block.
            return toLease(event.getKeyValue(), false).map(LeaseEvent::added);
        }
        if (event.getEventType() == WatchEvent.EventType.DELETE) {
            KeyValue previous = event.getPrevKV();
            boolean hasPrevious = previous != null && !previous.getKey().isEmpty();
            KeyValue source = hasPrevious ? previous : event.getKeyValue();
            LeaseAttrs attrs = hasPrevious ? StoredLease.attrsOrNull(text(previous.getValue())) : null;
            return StoredLease.subnetKey(text(source.getKey()))
                    .map(key -> attrs == null
                            ? LeaseEvent.removed(key.subnet())
                            : LeaseEvent.removed(new Lease(key.subnet(), key.ipv6Subnet(), attrs, null)));
        }
        return Optional.empty();
    }

    private Optional<Lease> toLease(KeyValue kv, boolean withExpiration) {
        return StoredLease.read(text(kv.getKey()), text(kv.getValue()))
                .map(lease -> withExpiration ? lease.withExpiration(expiration(kv)) : lease);
    }

    private static String text(ByteSequence bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * When the lease's key expires, read from etcd now; empty when the key is gone. A reservation (a key
     * without an etcd lease) never expires: its expiration is {@link Instant#MAX}.
     */
    @Override
    public Optional<Instant> expirationOf(Ip4Net subnet) throws RegistryException {
        String key = leaseKey(subnet);
        GetResponse response = await(client.getKVClient().get(bytes(key)), "read " + key);
        return response.getKvs().stream().findFirst().map(this::expiration);
    }

    /** A key without an etcd lease is a reservation: it never expires. */
    private Instant expiration(KeyValue kv) {
        if (kv.getLease() == 0) {
            return Instant.MAX;
        }
        try {
            long ttl = await(
                            client.getLeaseClient()
                                    .timeToLive(kv.getLease(), io.etcd.jetcd.options.LeaseOption.DEFAULT),
                            "read a lease's TTL")
                    .getTTL();
            return ttl > 0 ? Instant.now().plusSeconds(ttl) : Instant.now();
        } catch (RegistryException e) {
            LOG.warn("cannot read the TTL of lease {}: {}", Long.toHexString(kv.getLease()), e.getMessage());
            return Instant.now();
        }
    }

    private static <T> T await(CompletableFuture<T> future, String what) throws RegistryException {
        try {
            return future.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new RegistryException("etcd: cannot " + what + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RegistryException(
                    "etcd: cannot " + what + ": no answer within " + REQUEST_TIMEOUT.toSeconds()
                            + " s (is --etcd-endpoints right and etcd running?)",
                    e);
        }
    }

    private static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    /**
     * A new client in place of the current one, which is closed (its watches end). gRPC's channel
     * reconnects with a back-off that grows to two minutes; a new channel connects on its first call.
     */
    @Override
    public void reconnect() {
        Client previous = client;
        client = connector.get();
        previous.close();
    }

    @Override
    public void close() {
        client.close();
    }
}
