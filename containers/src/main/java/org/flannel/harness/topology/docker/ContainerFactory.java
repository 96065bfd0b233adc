package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.TopologyException;

/**
 * Creates the run's long-running containers: {@code sleep infinity} under Docker's init (which reaps
 * orphans), from the base image, with exactly the capabilities a node needs (NET_ADMIN, NET_RAW,
 * SYS_ADMIN and /dev/net/tun; or privileged when asked), IPv6 off, a static address on each of its
 * networks, the implementation's directories read-only and its own work directory writable, both
 * at the paths they have on this machine.
 */
final class ContainerFactory {
    static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** One network a container joins, and its address there. */
    record Attachment(String network, String address) {}

    /** What one host container needs. {@code writable} directories are bind-mounted read-write. */
    record HostContainer(
            String name,
            String hostname,
            String role,
            List<Attachment> networks,
            boolean forwarding,
            List<Path> writable) {}

    private final DockerClient client;
    private final String image;
    private final DockerSettings settings;
    private final boolean unconfinedAppArmor;
    private final Map<String, String> runLabels;

    ContainerFactory(
            DockerClient client,
            String image,
            DockerSettings settings,
            boolean unconfinedAppArmor,
            Map<String, String> runLabels) {
        this.client = client;
        this.image = image;
        this.settings = settings;
        this.unconfinedAppArmor = unconfinedAppArmor;
        this.runLabels = Map.copyOf(runLabels);
    }

    /** Creates (not starts) a host's container on its networks; returns its id. */
    String create(HostContainer host) {
        Attachment first = host.networks().get(0);
        HostConfig config = hostConfig()
                .withNetworkMode(first.network())
                .withSysctls(sysctls(host.forwarding()))
                .withBinds(binds(host.writable()));
        CreateContainerCmd cmd = client.createContainerCmd(image)
                .withName(host.name())
                .withHostName(hostname(host.hostname()))
                .withLabels(labels(host.role()))
                .withEnv(PATH, "LANG=C.UTF-8")
                .withCmd("sleep", "infinity")
                .withIpv4Address(first.address())
                .withHostConfig(config);
        String id = create(cmd, host.name());
        for (Attachment more : host.networks().subList(1, host.networks().size())) {
            try {
                client.connectToNetworkCmd()
                        .withContainerId(id)
                        .withNetworkId(more.network())
                        .withContainerNetwork(new ContainerNetwork()
                                .withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(more.address())))
                        .exec();
            } catch (RuntimeException e) {
                throw new TopologyException(
                        "cannot attach container " + host.name() + " to network " + more.network() + " with address "
                                + more.address() + ": " + e.getMessage(),
                        e);
            }
        }
        if (settings.copyMounts()) {
            copyMountsInto(id, host.name());
        }
        return id;
    }

    /** The helper in the daemon host's network namespace, where the segments' bridges are. */
    String createHostNetworkHelper(String name) {
        HostConfig config = hostConfig().withNetworkMode("host");
        CreateContainerCmd cmd = client.createContainerCmd(image)
                .withName(name)
                .withLabels(labels("segment-helper"))
                .withEnv(PATH, "LANG=C.UTF-8")
                .withCmd("sleep", "infinity")
                .withHostConfig(config);
        return create(cmd, name);
    }

    void start(String id, String name) {
        try {
            client.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            throw new TopologyException(
                    "cannot start container " + name + ": " + e.getMessage()
                            + (settings.privileged()
                                    ? ""
                                    : " (if this host needs it, try -Dflannel.docker.privileged=true)"),
                    e);
        }
    }

    static void remove(DockerClient client, String id) {
        try {
            client.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException gone) {
            // already removed
        }
    }

    private String create(CreateContainerCmd cmd, String name) {
        try {
            return cmd.exec().getId();
        } catch (RuntimeException e) {
            throw new TopologyException(
                    "cannot create container " + name + " from " + image + ": " + e.getMessage(), e);
        }
    }

    private HostConfig hostConfig() {
        HostConfig config = HostConfig.newHostConfig().withInit(true);
        if (settings.privileged()) {
            return config.withPrivileged(true);
        }
        config.withCapAdd(Capability.NET_ADMIN, Capability.NET_RAW, Capability.SYS_ADMIN)
                .withDevices(new Device("rwm", "/dev/net/tun", "/dev/net/tun"));
        if (unconfinedAppArmor) {
            // docker-default forbids mount (ip netns add) and writes to /proc/sys.
            config.withSecurityOpts(List.of("apparmor=unconfined"));
        }
        return config;
    }

    private static Map<String, String> sysctls(boolean forwarding) {
        Map<String, String> sysctls = new LinkedHashMap<>();
        sysctls.put("net.ipv6.conf.all.disable_ipv6", "1");
        sysctls.put("net.ipv6.conf.default.disable_ipv6", "1");
        sysctls.put("net.ipv4.ip_forward", forwarding ? "1" : "0");
        return sysctls;
    }

    private List<Bind> binds(List<Path> writable) {
        List<Bind> binds = new ArrayList<>();
        if (!settings.copyMounts()) {
            for (Path dir : settings.mounts()) {
                binds.add(new Bind(dir.toString(), new Volume(dir.toString()), AccessMode.ro));
            }
            for (Path dir : writable) {
                binds.add(new Bind(dir.toString(), new Volume(dir.toString()), AccessMode.rw));
            }
        }
        return binds;
    }

    /** The same directories, at the same paths, through the archive API (tar streamed from here). */
    private void copyMountsInto(String id, String name) {
        for (Path dir : settings.mounts()) {
            Process tar = null;
            try {
                tar = new ProcessBuilder(
                                "tar",
                                "-C",
                                "/",
                                "-c",
                                Path.of("/").relativize(dir).toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                try (InputStream stream = tar.getInputStream()) {
                    client.copyArchiveToContainerCmd(id)
                            .withTarInputStream(stream)
                            .withRemotePath("/")
                            .exec();
                }
                if (tar.waitFor() != 0) {
                    throw new TopologyException("tar of " + dir + " failed");
                }
            } catch (IOException | RuntimeException e) {
                throw new TopologyException(
                        "cannot copy " + dir + " into container " + name + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopologyException("interrupted while copying " + dir + " into container " + name, e);
            } finally {
                if (tar != null) {
                    tar.destroy();
                }
            }
        }
    }

    private Map<String, String> labels(String role) {
        Map<String, String> labels = new LinkedHashMap<>(runLabels);
        labels.put(Labels.ROLE, role);
        return labels;
    }

    /** Host names are a subset of host spec names: lower case, '_' and '.' as '-'. */
    private static String hostname(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9-]", "-");
    }
}
