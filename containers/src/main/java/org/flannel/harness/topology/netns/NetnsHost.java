package org.flannel.harness.topology.netns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.Command;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.Host;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.TopologyException;

/** A host that is a network namespace: commands run through `ip netns exec`. */
class NetnsHost implements Host {
    private final String name;
    private final String namespace;
    private final NetnsTopology topology;

    NetnsHost(String name, String namespace, NetnsTopology topology) {
        this.name = name;
        this.namespace = namespace;
        this.topology = topology;
    }

    @Override
    public String name() {
        return name;
    }

    String namespace() {
        return namespace;
    }

    @Override
    public ExecResult exec(Command command) {
        topology.checkOpen();
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(command.argv());
        return topology.runner().run(name, command.argv(), argv, command.env(), command.stdin(), command.timeout());
    }

    @Override
    public ManagedProcess start(String processName, List<String> argv, Map<String, String> env) {
        return topology.startProcess(this, processName, argv, env);
    }

    /** Runs a setup script with sh; throws naming {@code purpose} if it fails. */
    void shell(String purpose, String script) {
        ExecResult result = exec("sh", "-c", script);
        if (!result.succeeded()) {
            throw new TopologyException(purpose + " failed on " + name + " (namespace " + namespace + "): "
                    + result.stderr().strip() + "\n  script: " + script);
        }
    }

    @Override
    public String toString() {
        return name + " (namespace " + namespace + ")";
    }
}
