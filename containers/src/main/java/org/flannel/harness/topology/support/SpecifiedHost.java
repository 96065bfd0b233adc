package org.flannel.harness.topology.support;

import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.Command;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.Host;
import org.flannel.harness.topology.ManagedProcess;

/**
 * A node or router of any driver: its spec, and the driver's host (a namespace, a container) that
 * runs its commands and processes.
 *
 * @param <H> the driver's host class
 * @param <S> the spec: a node's or a router's
 */
public abstract class SpecifiedHost<H extends Host, S> implements Host {
    private final S spec;
    private final H host;

    protected SpecifiedHost(S spec, H host) {
        this.spec = spec;
        this.host = host;
    }

    public final S spec() {
        return spec;
    }

    /** The driver's host, for the driver's own classes. */
    public final H host() {
        return host;
    }

    @Override
    public final String name() {
        return host.name();
    }

    @Override
    public final ExecResult exec(Command command) {
        return host.exec(command);
    }

    @Override
    public final ManagedProcess start(String name, List<String> argv, Map<String, String> env) {
        return host.start(name, argv, env);
    }

    @Override
    public final String toString() {
        return host.toString();
    }
}
