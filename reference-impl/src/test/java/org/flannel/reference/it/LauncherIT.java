package org.flannel.reference.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** target/flanneld as a user runs it: flags in, one clear line and status 1 for a mistake. */
class LauncherIT {

    record Run(int status, String stdout, String stderr) {}

    static Run run(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Agents.launcher()));
        argv.addAll(List.of(args));
        Process process = new ProcessBuilder(argv).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(
                process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionPrintsAndExitsZero() throws Exception {
        Run run = run("--version");
        assertThat(run.status()).isZero();
        assertThat(run.stdout()).contains("reference flanneld");
    }

    @Test
    void anUnknownFlagGivesOneLineUsageAndStatusOne() throws Exception {
        Run run = run("--no-such-flag=1");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr().lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line).contains("no-such-flag"));
        assertThat(run.stderr()).contains("-etcd-endpoints");
    }

    @Test
    void aBadValueGivesOneLineUsageAndStatusOne() throws Exception {
        Run run = run("-healthz-port", "abc");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr().lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line).contains("abc").contains("healthz-port"));
    }

    @Test
    void anOutOfRangeRenewMarginIsRefusedWithFlannelsMessage() throws Exception {
        Run run = run("--subnet-lease-renew-margin=1440");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).contains("Invalid subnet-lease-renew-margin option, out of acceptable range");
    }

    @Test
    void helpListsEveryFlagAndExitsZero() throws Exception {
        Run run = run("--help");
        assertThat(run.status()).isZero();
        assertThat(run.stdout())
                .contains(
                        "-etcd-prefix",
                        "-iface",
                        "-public-ip",
                        "-subnet-file",
                        "-ip-masq",
                        "-healthz-port",
                        "-subnet-lease-renew-margin");
    }
}
