package org.flannel.harness.topology.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.harness.topology.Command;
import org.flannel.harness.topology.ExecResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes each segment a plain L2 switch. When the daemon host passes bridged frames through
 * iptables (br_netfilter, bridge-nf-call-iptables=1), Docker's rules for internal networks drop every
 * frame whose IPv4 source or destination is outside the network's subnet: routed traffic (node3 behind
 * a router) and host-gw traffic (pod addresses) on the segment. One rule per bridge in Docker's
 * DOCKER-USER chain accepts what enters and leaves the same bridge, nothing else. It is inserted from
 * the segment helper (in the host's network namespace), tagged with the run and its owner, removed
 * at close, and swept when its owner is gone or its bridge no longer exists.
 */
final class BridgeFilter {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeFilter.class);
    static final String TAG = "flannel-conformance";
    private static final List<String> VARIANTS = List.of("iptables-nft", "iptables-legacy");
    /** The variants in use: iptables-legacy only when its filter table exists (listing it would create it). */
    private static final String IN_USE =
            "$(echo iptables-nft; grep -qx filter /proc/net/ip_tables_names 2>/dev/null " + "&& echo iptables-legacy)";

    private static final Pattern RULE =
            Pattern.compile("^(\\S+) -A DOCKER-USER -i (\\S+) -o \\S+ -m comment --comment \"?" + TAG
                    + " run=(\\S+) owner=([^\" ]+)\"? -j ACCEPT$");

    /** One accept rule: which iptables holds it, for which bridge, of which run and owner. */
    record Rule(String iptables, String bridge, String run, String owner) {
        String spec() {
            return "DOCKER-USER -i " + bridge + " -o " + bridge + " -m comment --comment '" + TAG + " run=" + run
                    + " owner=" + owner + "' -j ACCEPT";
        }
    }

    private final DockerHost helper;

    BridgeFilter(DockerHost helper) {
        this.helper = helper;
    }

    /** The iptables variant holding Docker's isolation rules for {@code bridge}; empty if bridged frames are not filtered. */
    Optional<String> filteringIptables(String bridge) {
        String script = "[ \"$(cat /proc/sys/net/bridge/bridge-nf-call-iptables 2>/dev/null)\" = 1 ] || exit 0\n"
                + "for ipt in " + IN_USE + "; do\n"
                + "  if $ipt -S DOCKER-ISOLATION-STAGE-1 2>/dev/null | grep -qE -- \"-[io] $1( |\\$)\"; then echo $ipt; exit 0; fi\n"
                + "done";
        ExecResult result = helper.run(Command.of("sh", "-c", script, "detect", bridge));
        String variant = result.stdout().strip();
        return result.succeeded() && VARIANTS.contains(variant) ? Optional.of(variant) : Optional.empty();
    }

    /** Inserts an accept rule for each bridge; returns what it inserted (nothing when frames are not filtered). */
    List<Rule> allow(List<String> bridges, String run, Owner owner) {
        List<Rule> rules = new ArrayList<>();
        if (bridges.isEmpty()) {
            return rules;
        }
        Optional<String> iptables = filteringIptables(bridges.get(0));
        if (iptables.isEmpty()) {
            LOG.debug("bridged traffic is not filtered on the daemon host: no DOCKER-USER rules needed");
            return rules;
        }
        StringBuilder script = new StringBuilder("set -e");
        for (String bridge : bridges) {
            Rule rule = new Rule(iptables.get(), bridge, run, owner.label());
            script.append('\n').append(rule.iptables()).append(" -I ").append(rule.spec());
            rules.add(rule);
        }
        helper.shell(
                "letting bridged traffic through the daemon host's firewall (" + iptables.get() + " DOCKER-USER)",
                script.toString());
        return rules;
    }

    void remove(List<Rule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        StringBuilder script = new StringBuilder("rc=0");
        for (Rule rule : rules) {
            script.append('\n')
                    .append(rule.iptables())
                    .append(" -D ")
                    .append(rule.spec())
                    .append(" || rc=1");
        }
        script.append("\nexit $rc");
        helper.shell("removing the run's DOCKER-USER rules", script.toString());
    }

    /** Removes tagged rules whose bridge is gone or whose owner is gone (as seen from {@code here}). */
    List<Rule> sweepStale(Owner here) {
        String list = "for ipt in " + IN_USE + "; do $ipt -S DOCKER-USER 2>/dev/null | sed \"s/^/$ipt /\"; done"
                + "; echo BRIDGES $(ls /sys/class/net)";
        ExecResult result = helper.run(Command.of("sh", "-c", list));
        List<Rule> stale = new ArrayList<>();
        Set<String> links = Set.of();
        for (String line : result.stdout().split("\n")) {
            if (line.startsWith("BRIDGES ")) {
                links = Set.of(line.substring(8).trim().split("\\s+"));
            }
        }
        for (String line : result.stdout().split("\n")) {
            Matcher m = RULE.matcher(line.trim());
            if (m.matches()) {
                Rule rule = new Rule(m.group(1), m.group(2), m.group(3), m.group(4));
                boolean ownerGone = Owner.parse(rule.owner())
                        .map(o -> o.isGoneSeenFrom(here))
                        .orElse(false);
                if (ownerGone || !links.contains(rule.bridge())) {
                    stale.add(rule);
                }
            }
        }
        if (!stale.isEmpty()) {
            LOG.debug("sweeping stale DOCKER-USER rules {}", stale);
            remove(stale);
        }
        return stale;
    }
}
