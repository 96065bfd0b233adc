package org.flannel.harness.topology;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A command to run to completion on a host: argv, extra environment, optional stdin, timeout. */
public record Command(List<String> argv, Map<String, String> env, String stdin, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public Command {
        if (argv == null || argv.isEmpty()) {
            throw new IllegalArgumentException("command is empty");
        }
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    public static Command of(String... argv) {
        return of(List.of(argv));
    }

    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), null, DEFAULT_TIMEOUT);
    }

    public Command withEnv(String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return new Command(argv, copy, stdin, timeout);
    }

    public Command withEnv(Map<String, String> more) {
        Map<String, String> copy = new HashMap<>(env);
        copy.putAll(more);
        return new Command(argv, copy, stdin, timeout);
    }

    public Command withStdin(String input) {
        return new Command(argv, env, input, timeout);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, env, stdin, limit);
    }

    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
