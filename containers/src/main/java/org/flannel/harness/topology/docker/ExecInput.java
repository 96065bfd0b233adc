package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A command's standard input. The exec API's attached stdin never signals its end through
 * docker-java, so input goes another way: base64 in an environment variable that a small sh wrapper
 * decodes into the command's stdin (up to {@value #IN_ENVIRONMENT} bytes; the wrapper unsets it), or
 * a file copied in through the archive API ({@link ContainerFiles}), opened as stdin and removed
 * before the command runs.
 */
final class ExecInput {
    private static final String VARIABLE = "FLANNEL_CONFORMANCE_STDIN";
    /** Well below the kernel's 128 KiB limit on one environment string, base64 included. */
    private static final int IN_ENVIRONMENT = 64 * 1024;

    private static final String FILE_DIR = "/tmp";

    private final DockerClient client;

    ExecInput(DockerClient client) {
        this.client = client;
    }

    List<String> argv(String containerId, List<String> argv, String stdin) {
        byte[] bytes = stdin.getBytes(StandardCharsets.UTF_8);
        List<String> wrapped = bytes.length <= IN_ENVIRONMENT
                ? new ArrayList<>(List.of(
                        "sh",
                        "-c",
                        "d=$" + VARIABLE + "; unset " + VARIABLE + "; printf %s \"$d\" | base64 -d | { exec \"$@\"; }",
                        "with-input"))
                : new ArrayList<>(List.of(
                        "sh", "-c", "exec 0<\"$0\" && rm -f \"$0\" && exec \"$@\"", copyIn(containerId, bytes)));
        wrapped.addAll(argv);
        return wrapped;
    }

    Map<String, String> env(Map<String, String> env, String stdin) {
        byte[] bytes = stdin.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > IN_ENVIRONMENT) {
            return env;
        }
        Map<String, String> withInput = new HashMap<>(env);
        withInput.put(VARIABLE, Base64.getEncoder().encodeToString(bytes));
        return withInput;
    }

    private String copyIn(String containerId, byte[] bytes) {
        String path = FILE_DIR + "/flannel-conformance-stdin-" + UUID.randomUUID();
        new ContainerFiles(client, containerId).write(path, bytes);
        return path;
    }
}
