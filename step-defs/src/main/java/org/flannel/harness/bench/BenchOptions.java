package org.flannel.harness.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of the benchmark, read once. */
record BenchOptions(
        Map<String, Path> implementations,
        List<Integer> sizes,
        List<String> backends,
        int repeats,
        Duration churn,
        int churnRate,
        Duration idle,
        boolean dataPath,
        Path output) {
    static final String USAGE = String.join(
            "\n",
            "bench [--impl name=/abs/path]... [--n 10,25,50] [--backends vxlan,host-gw,udp] [--repeats 5]",
            "      [--churn-seconds 30] [--churn-rate 10] [--idle-seconds 60] [--out bench.json] [--no-datapath] [--quick]",
            "  --quick: N=5, 2 repeats, 5 s of churn, 10 s idle (to try it)",
            "  the data path (ping, iperf3 TCP and UDP pod to pod) runs in the first N's cluster");

    static BenchOptions parse(List<String> args) {
        Map<String, Path> impls = new LinkedHashMap<>();
        List<Integer> sizes = List.of(10, 25, 50);
        List<String> backends = List.of("vxlan", "host-gw", "udp");
        int repeats = 5;
        int churnSeconds = 30;
        int churnRate = 10;
        int idleSeconds = 60;
        Path output = Path.of("reports/target/bench/bench.json");
        boolean quick = false;
        boolean dataPath = true;
        boolean sizesGiven = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (arg) {
                case "--quick" -> quick = true;
                case "--no-datapath" -> dataPath = false;
                case "--impl" -> {
                    String[] kv = required(arg, value).split("=", 2);
                    if (kv.length != 2 || !Files.isExecutable(Path.of(kv[1]))) {
                        throw new IllegalArgumentException(
                                "--impl wants name=/abs/path/to/an/executable, not " + value);
                    }
                    impls.put(kv[0], Path.of(kv[1]).toAbsolutePath());
                    i++;
                }
                case "--n" -> {
                    sizes = integers(required(arg, value));
                    sizesGiven = true;
                    i++;
                }
                case "--backends" -> {
                    backends = List.of(required(arg, value).split(","));
                    i++;
                }
                case "--repeats" -> {
                    repeats = Integer.parseInt(required(arg, value));
                    i++;
                }
                case "--churn-seconds" -> {
                    churnSeconds = Integer.parseInt(required(arg, value));
                    i++;
                }
                case "--churn-rate" -> {
                    churnRate = Integer.parseInt(required(arg, value));
                    i++;
                }
                case "--idle-seconds" -> {
                    idleSeconds = Integer.parseInt(required(arg, value));
                    i++;
                }
                case "--out" -> {
                    output = Path.of(required(arg, value));
                    i++;
                }
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        for (String backend : backends) {
            if (!List.of("vxlan", "host-gw", "udp").contains(backend)) {
                throw new IllegalArgumentException("no backend " + backend + " (vxlan, host-gw, udp)");
            }
        }
        if (impls.isEmpty()) {
            throw new IllegalArgumentException("name at least one implementation with --impl name=/abs/path");
        }
        if (quick) {
            sizes = sizesGiven ? sizes : List.of(5);
            repeats = Math.min(repeats, 2);
            churnSeconds = Math.min(churnSeconds, 5);
            idleSeconds = Math.min(idleSeconds, 10);
        }
        return new BenchOptions(
                impls,
                sizes,
                backends,
                repeats,
                Duration.ofSeconds(churnSeconds),
                churnRate,
                Duration.ofSeconds(idleSeconds),
                dataPath,
                output);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static List<Integer> integers(String list) {
        List<Integer> out = new ArrayList<>();
        for (String n : list.split(",")) {
            int size = Integer.parseInt(n.strip());
            if (size < 2 || size > 200) {
                throw new IllegalArgumentException("N must be between 2 and 200, not " + size);
            }
            out.add(size);
        }
        return out;
    }
}
