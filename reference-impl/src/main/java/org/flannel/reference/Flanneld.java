package org.flannel.reference;

import org.flannel.reference.cli.FlagParser;
import org.flannel.reference.cli.FlanneldOptions;
import org.flannel.reference.cli.UsageException;
import sun.misc.Signal;

/** The flanneld command: Flannel's flags in, Flannel's etcd schema, subnet file and kernel state out. */
public final class Flanneld {
    /** The Flannel release whose behaviour this implementation follows. */
    static final String FLANNEL_COMPATIBILITY = "v0.28";

    private Flanneld() {}

    public static void main(String[] args) throws InterruptedException {
        FlanneldOptions options;
        try {
            options = FlagParser.parse(args, System.getenv());
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.print(FlagParser.usage());
            System.exit(1);
            return;
        }
        if (options.help()) {
            System.out.print(FlagParser.usage());
            System.exit(0);
        }
        if (options.version()) {
            System.out.println(version());
            System.exit(0);
        }
        if (options.kubeSubnetMgr()) {
            System.err.println("--kube-subnet-mgr is not supported: this flanneld runs in etcd mode only");
            System.exit(1);
        }

        KernelChoice kernel;
        try {
            kernel = KernelChoice.fromSystem();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Daemon daemon = new Daemon(options, kernel.open());
        // SIGTERM and SIGINT end the daemon cleanly, with status 0, as flanneld does.
        Signal.handle(new Signal("TERM"), signal -> daemon.stop());
        Signal.handle(new Signal("INT"), signal -> daemon.stop());
        int status = daemon.run();
        System.exit(status);
    }

    static String version() {
        String own = Flanneld.class.getPackage().getImplementationVersion();
        return (own == null ? "dev" : own) + " (reference flanneld in Java, following flannel " + FLANNEL_COMPATIBILITY
                + ")";
    }
}
