package org.flannel.harness.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An etcd member's data spoken to by running etcdctl (v3) on a host that can reach it: the JVM
 * lives outside the topology and cannot open a socket to it. Values go through stdin so that any
 * text (JSON, leading dashes, newlines) arrives unchanged.
 */
public final class EtcdctlClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Host via;
    private final String endpoint;

    /** @param via a host from which {@code endpoint} is reachable and etcdctl is installed */
    public EtcdctlClient(Host via, String endpoint) {
        this.via = via;
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }

    public void put(String key, String value) {
        putInternal(key, value, List.of());
    }

    public long putWithTtl(String key, String value, Duration ttl) {
        long seconds = Math.max(1, ttl.toSeconds());
        JsonNode grant = json(run(List.of("lease", "grant", Long.toString(seconds), "-w", "json"), null));
        long leaseId = grant.path("ID").asLong();
        if (leaseId == 0) {
            throw new TopologyException("etcdctl lease grant returned no lease ID: " + grant);
        }
        putInternal(key, value, List.of("--lease=" + Long.toHexString(leaseId)));
        return leaseId;
    }

    private void putInternal(String key, String value, List<String> flags) {
        List<String> args = new ArrayList<>(List.of("put"));
        args.addAll(flags);
        if (value.isEmpty()) {
            // etcdctl refuses an empty stdin; an empty argument is fine.
            args.addAll(List.of("--", key, ""));
            run(args, null);
        } else {
            args.addAll(List.of("--", key));
            run(args, value);
        }
    }

    public Optional<String> get(String key) {
        JsonNode kvs = json(run(List.of("get", "-w", "json", "--", key), null)).path("kvs");
        return kvs.isEmpty() ? Optional.empty() : Optional.of(decode(kvs.get(0).path("value")));
    }

    public SortedMap<String, String> getPrefix(String prefix) {
        JsonNode kvs = json(run(List.of("get", "--prefix", "-w", "json", "--", prefix), null))
                .path("kvs");
        SortedMap<String, String> result = new TreeMap<>();
        for (JsonNode kv : kvs) {
            result.put(decode(kv.path("key")), decode(kv.path("value")));
        }
        return result;
    }

    public boolean delete(String key) {
        return json(run(List.of("del", "-w", "json", "--", key), null))
                        .path("deleted")
                        .asLong()
                > 0;
    }

    public long deletePrefix(String prefix) {
        return json(run(List.of("del", "--prefix", "-w", "json", "--", prefix), null))
                .path("deleted")
                .asLong();
    }

    public OptionalLong timeToLive(String key) {
        JsonNode kvs = json(run(List.of("get", "-w", "json", "--", key), null)).path("kvs");
        long lease = kvs.isEmpty() ? 0 : kvs.get(0).path("lease").asLong();
        if (lease == 0) {
            return OptionalLong.empty();
        }
        JsonNode ttl = json(run(List.of("lease", "timetolive", Long.toHexString(lease), "-w", "json"), null));
        long remaining = ttl.path("ttl").asLong(-1);
        return remaining < 0 ? OptionalLong.empty() : OptionalLong.of(remaining);
    }

    public long revision() {
        return json(run(List.of("endpoint", "status", "-w", "json"), null))
                .path(0)
                .path("Status")
                .path("header")
                .path("revision")
                .asLong();
    }

    public void compact(long revision) {
        run(List.of("compact", Long.toString(revision), "--physical"), null);
    }

    public boolean isHealthy() {
        return via.exec(command(List.of("endpoint", "health"), null)).succeeded();
    }

    private String run(List<String> args, String stdin) {
        return via.exec(command(args, stdin)).orThrow().stdout();
    }

    private Command command(List<String> args, String stdin) {
        List<String> argv = new ArrayList<>(
                List.of("etcdctl", "--endpoints=" + endpoint, "--dial-timeout=2s", "--command-timeout=5s"));
        argv.addAll(args);
        return Command.of(argv).withEnv("ETCDCTL_API", "3").withStdin(stdin).withTimeout(Duration.ofSeconds(15));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new TopologyException("etcdctl printed something that is not JSON: " + text, e);
        }
    }

    /** etcdctl's JSON carries keys and values base64-encoded; an empty value is omitted. */
    private static String decode(JsonNode base64) {
        return base64.isMissingNode()
                ? ""
                : new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
    }
}
