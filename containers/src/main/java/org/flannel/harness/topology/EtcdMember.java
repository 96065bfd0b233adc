package org.flannel.harness.topology;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;

/** The topology's etcd member, spoken to through the v3 API. Keys and values are UTF-8 text. */
public interface EtcdMember {
    /** The client URL nodes use, e.g. "http://10.168.0.10:2379". */
    String endpoint();

    void put(String key, String value);

    /** Puts under a fresh lease of {@code ttl}; returns the lease ID. */
    long putWithTtl(String key, String value, Duration ttl);

    Optional<String> get(String key);

    /** Every key starting with {@code prefix}, sorted by key. */
    SortedMap<String, String> getPrefix(String prefix);

    /** True if the key existed. */
    boolean delete(String key);

    /** Deletes every key starting with {@code prefix}; returns how many. */
    long deletePrefix(String prefix);

    /** Remaining seconds of the lease attached to the key; empty if no key, no lease, or expired. */
    OptionalLong timeToLive(String key);

    boolean isHealthy();

    /** The store's current revision. */
    long revision();

    /** Compacts the history up to {@code revision}: watches from before it get "compacted" and must re-list. */
    void compact(long revision);

    /** Stops the member (SIGTERM); its data stays for {@link #start}. Clients get connection errors meanwhile. */
    void stop();

    /** Starts the stopped member again on its data, and returns once it serves clients. */
    void start();
}
