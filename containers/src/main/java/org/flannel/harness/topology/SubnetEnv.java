package org.flannel.harness.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A flannel subnet file (subnet.env) as Docker reads it: FLANNEL_SUBNET is the bridge address
 * with the node's prefix length (e.g. 10.1.15.1/24), FLANNEL_MTU the MTU to give the bridge.
 */
public record SubnetEnv(Ipv4Cidr subnet, int mtu, Map<String, String> variables) {
    public SubnetEnv {
        variables = Map.copyOf(variables);
    }

    public static SubnetEnv read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new TopologyException(
                    "cannot read subnet file " + file + " (" + e + "); has flanneld written it yet?", e);
        }
        return parse(text, file.toString());
    }

    /** Parses KEY=VALUE lines; {@code source} names the file in error messages. */
    public static SubnetEnv parse(String text, String source) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 0) {
                continue;
            }
            vars.put(
                    trimmed.substring(0, eq).trim(),
                    unquote(trimmed.substring(eq + 1).trim()));
        }
        String subnet = vars.get("FLANNEL_SUBNET");
        String mtu = vars.get("FLANNEL_MTU");
        if (subnet == null || mtu == null) {
            throw new TopologyException("subnet file " + source + " lacks FLANNEL_SUBNET or FLANNEL_MTU; got: " + vars);
        }
        try {
            return new SubnetEnv(Ipv4Cidr.parse(subnet), Integer.parseInt(mtu), vars);
        } catch (IllegalArgumentException e) {
            throw new TopologyException(
                    "subnet file " + source + " has a bad FLANNEL_SUBNET or FLANNEL_MTU: " + e.getMessage(), e);
        }
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
