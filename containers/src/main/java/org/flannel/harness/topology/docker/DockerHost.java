package org.flannel.harness.topology.docker;

import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.Command;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.Host;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.TopologyException;

/** A host that is a container (or, for pods, a network namespace inside one): commands run through exec. */
class DockerHost implements Host {
    private final String name;
    private final String containerName;
    private final DockerTopology topology;
    private volatile String containerId;

    DockerHost(String name, String containerName, DockerTopology topology) {
        this.name = name;
        this.containerName = containerName;
        this.topology = topology;
    }

    @Override
    public String name() {
        return name;
    }

    /** The Docker container's name, e.g. "fc3a9f-node1". */
    String containerName() {
        return containerName;
    }

    /** The container commands run in (a pod's is its node's). */
    String containerId() {
        String id = containerId;
        if (id == null) {
            throw new TopologyException(name + " has no container yet");
        }
        return id;
    }

    void attach(String id) {
        this.containerId = id;
    }

    DockerTopology topology() {
        return topology;
    }

    /** The argv that runs {@code argv} on this host from inside its container. */
    List<String> enter(List<String> argv) {
        return argv;
    }

    @Override
    public ExecResult exec(Command command) {
        topology.checkOpen();
        return run(command);
    }

    /** The same, also while the topology closes (its cleanup runs commands too). */
    ExecResult run(Command command) {
        return topology.exec()
                .run(
                        containerId(),
                        name,
                        command.argv(),
                        enter(command.argv()),
                        command.env(),
                        command.stdin(),
                        command.timeout());
    }

    @Override
    public ManagedProcess start(String processName, List<String> argv, Map<String, String> env) {
        return topology.startProcess(this, processName, argv, env);
    }

    /** Runs a setup script with sh; throws naming {@code purpose} if it fails. */
    void shell(String purpose, String script) {
        ExecResult result = run(Command.of("sh", "-c", script));
        if (!result.succeeded()) {
            throw new TopologyException(purpose + " failed on " + name + " (container " + containerName + "): "
                    + (result.stderr().strip() + " " + result.stdout().strip()).strip() + "\n  script: " + script);
        }
    }

    @Override
    public String toString() {
        return name + " (container " + containerName + ")";
    }
}
