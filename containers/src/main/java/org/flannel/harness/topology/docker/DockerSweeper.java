package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.topology.support.Directories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what killed runs left in Docker: containers and networks labelled with a run whose owner
 * process is gone (dead, its pid reused, or the machine rebooted), then that run's work directory.
 * Nothing without the run label is touched, nor any run of a live owner or of another host. (Their
 * firewall rules, inert once their bridges are gone, go with the next create().)
 */
public final class DockerSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(DockerSweeper.class);

    /** What a sweep did: the run prefixes it removed, and what it could not remove. */
    public record Result(List<String> sweptRuns, List<String> problems) {}

    /** What one run left: its owner and work directory (from the labels), containers and networks. */
    private static final class Remains {
        private String owner;
        private String workDir;
        private final List<String> containers = new ArrayList<>();
        private final List<String> networks = new ArrayList<>();

        void note(Map<String, String> labels) {
            if (owner == null) {
                owner = labels.get(Labels.OWNER);
            }
            if (workDir == null) {
                workDir = labels.get(Labels.WORK_DIR);
            }
        }
    }

    private final DockerClient client;

    DockerSweeper(DockerClient client) {
        this.client = client;
    }

    public static Result sweepStale() {
        return new DockerSweeper(DockerConnection.shared().client()).sweep();
    }

    /** For scripts: sweeps, prints what it removed, exits 1 if something could not be removed. */
    public static void main(String[] args) {
        Result result = sweepStale();
        System.out.println("swept " + result.sweptRuns().size() + " stale Docker run(s): " + result.sweptRuns());
        result.problems().forEach(problem -> System.out.println("problem: " + problem));
        System.exit(result.problems().isEmpty() ? 0 : 1);
    }

    Result sweep() {
        Owner here = Owner.current();
        List<String> swept = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Remains> run : remainsByRun().entrySet()) {
            String prefix = run.getKey();
            Remains remains = run.getValue();
            Optional<Owner> owner = Owner.parse(remains.owner);
            if (owner.isEmpty()) {
                problems.add("run " + prefix + " has no readable " + Labels.OWNER + " label (" + remains.owner
                        + "); left alone");
                continue;
            }
            if (!owner.get().isGoneSeenFrom(here)) {
                continue;
            }
            int before = problems.size();
            for (String id : remains.containers) {
                try {
                    ContainerFactory.remove(client, id);
                } catch (RuntimeException e) {
                    problems.add("container " + DockerExec.shortId(id) + " of run " + prefix + ": " + e.getMessage());
                }
            }
            for (String id : remains.networks) {
                try {
                    SegmentNetworks.remove(client, id);
                } catch (RuntimeException e) {
                    problems.add("network " + DockerExec.shortId(id) + " of run " + prefix + ": " + e.getMessage());
                }
            }
            deleteWorkDir(prefix, remains.workDir, problems);
            if (problems.size() == before) {
                swept.add(prefix);
            }
        }
        if (!swept.isEmpty()) {
            LOG.debug("swept stale Docker runs {}", swept);
        }
        return new Result(swept, problems);
    }

    private Map<String, Remains> remainsByRun() {
        Map<String, Remains> runs = new LinkedHashMap<>();
        for (Container container : client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(Labels.RUN))
                .exec()) {
            Map<String, String> labels = container.getLabels();
            Remains remains = runs.computeIfAbsent(labels.get(Labels.RUN), run -> new Remains());
            remains.note(labels);
            remains.containers.add(container.getId());
        }
        for (Network network : client.listNetworksCmd()
                .withFilter("label", List.of(Labels.RUN))
                .exec()) {
            Map<String, String> labels = network.getLabels();
            Remains remains = runs.computeIfAbsent(labels.get(Labels.RUN), run -> new Remains());
            remains.note(labels);
            remains.networks.add(network.getId());
        }
        return runs;
    }

    /** Only a directory named after the run's prefix, as the work directory always is. */
    private static void deleteWorkDir(String prefix, String workDir, List<String> problems) {
        if (workDir == null || workDir.isBlank()) {
            return;
        }
        Path dir = Path.of(workDir).toAbsolutePath().normalize();
        if (dir.getFileName() == null || !dir.getFileName().toString().equals(prefix)) {
            problems.add("run " + prefix + " names work directory " + dir + ", not named after it; left alone");
            return;
        }
        if (Files.isDirectory(dir)) {
            try {
                Directories.deleteRecursively(dir);
            } catch (IOException e) {
                problems.add("cannot delete " + dir + ": " + e);
            }
        }
    }
}
