package org.flannel.harness.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The self-test's runs, each a {@link VariantRun} in a JVM of its own, a few at a time. A run's console
 * goes to {@code <report dir>/run.log}; the report directory is handed back once the run has ended.
 */
final class VariantRuns implements AutoCloseable {
    /** A variant's whole run; far above the longest seen (about 2 min), so only a hang trips it. */
    private static final long LIMIT_MINUTES = 20;

    private final Path impls;
    private final Path reports;
    private final ExecutorService pool;
    private final Map<String, Future<Path>> started = new ConcurrentHashMap<>();
    private final List<Process> processes = new ArrayList<>();

    VariantRuns(Path impls, Path reports, int parallel) {
        this.impls = impls;
        this.reports = reports;
        this.pool = Executors.newFixedThreadPool(parallel);
    }

    void start(SelfTestVariant variant) {
        started.put(variant.toString(), pool.submit(() -> run(variant)));
    }

    /** Waits for the variant's run; its report directory, or an AssertionError saying why there is none. */
    Path awaitReport(SelfTestVariant variant) {
        Future<Path> run = started.get(variant.toString());
        if (run == null) {
            throw new IllegalStateException(variant + " was not started");
        }
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw new AssertionError(
                    "the run against " + variant + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + variant);
        }
    }

    private Path run(SelfTestVariant variant) throws IOException, InterruptedException {
        Path reportDir = reports.resolve(variant.reportName());
        Files.createDirectories(reportDir);
        Files.deleteIfExists(reportDir.resolve("conformance.json"));
        Path log = reportDir.resolve("run.log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command(variant, reportDir))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        synchronized (processes) {
            processes.add(process);
        }
        if (!process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("it did not end within " + LIMIT_MINUTES + " min; its console: " + log);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(reportDir.resolve("conformance.json"))) {
            throw new IllegalStateException("it exited " + process.exitValue() + " without a conformance report; its"
                    + " console (" + log + ") ends:\n" + tail(log));
        }
        System.out.printf("SELF-TEST  %s: %d s%n", variant, (System.nanoTime() - started) / 1_000_000_000L);
        return reportDir;
    }

    private List<String> command(SelfTestVariant variant, Path reportDir) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path")));
        // The run's configuration travels as it came to this JVM, but for the implementation and its backends.
        System.getProperties().stringPropertyNames().stream()
                .sorted()
                .filter(name ->
                        name.startsWith("flannel.") && !name.equals("flannel.impl") && !name.equals("flannel.backends"))
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.add("-Dflannel.impl=" + impls.resolve(variant.executable()));
        command.add("-Dflannel.backends=" + String.join(",", new java.util.TreeSet<>(variant.backends())));
        if (variant.tags() != null) {
            command.add("-Dcucumber.filter.tags=" + variant.tags());
        }
        command.add(VariantRun.class.getName());
        command.add(reportDir.toString());
        return command;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops what still runs (a failed or interrupted self-test), then the pool. */
    @Override
    public void close() {
        pool.shutdownNow();
        synchronized (processes) {
            for (Process process : processes) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }
        }
    }
}
