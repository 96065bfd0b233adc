package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.flannel.harness.topology.support.Background;

/**
 * The run's host containers (nodes, routers, etcd), removed together and in parallel: one undo on
 * the cleanup stack, pushed before the first of them is created.
 */
final class HostContainers {
    private final DockerClient client;
    private final List<String> ids = new ArrayList<>();

    HostContainers(DockerClient client) {
        this.client = client;
    }

    synchronized void add(String id) {
        ids.add(id);
    }

    void removeAll() {
        List<String> toRemove;
        synchronized (this) {
            toRemove = List.copyOf(ids);
            ids.clear();
        }
        List<CompletableFuture<?>> removals = new ArrayList<>();
        for (String id : toRemove) {
            removals.add(Background.run(() -> ContainerFactory.remove(client, id)));
        }
        Background.joinAll(removals);
    }
}
