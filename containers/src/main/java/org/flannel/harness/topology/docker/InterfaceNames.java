package org.flannel.harness.topology.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.TopologySpec.InterfaceSpec;

/**
 * Docker names a container's interfaces in its own order (by network name); the spec wants eth0,
 * eth1 ... in its order. Each interface is recognized by its spec address and renamed if needed,
 * through temporary names so that two interfaces can swap names.
 */
final class InterfaceNames {
    private InterfaceNames() {}

    /** Parses `ip -o -4 addr show`: address to interface name. */
    static Map<String, String> parseAddresses(String ipOutput) {
        Map<String, String> byAddress = new LinkedHashMap<>();
        for (String line : ipOutput.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[2].equals("inet")) {
                String name = fields[1].contains("@") ? fields[1].substring(0, fields[1].indexOf('@')) : fields[1];
                byAddress.put(fields[3].substring(0, fields[3].indexOf('/')), name);
            }
        }
        return byAddress;
    }

    /** The shell commands that give every interface its spec name (none when Docker already did). */
    static List<String> renames(Map<String, String> byAddress, List<InterfaceSpec> wanted, String host) {
        Map<String, String> moves = new LinkedHashMap<>();
        for (InterfaceSpec iface : wanted) {
            String current = byAddress.get(iface.address());
            if (current == null) {
                throw new TopologyException(host + " has no interface with its address " + iface.address()
                        + " (segment '" + iface.segment() + "'); Docker gave it " + byAddress);
            }
            if (!current.equals(iface.name())) {
                moves.put(current, iface.name());
            }
        }
        List<String> commands = new ArrayList<>();
        int temp = 0;
        Map<String, String> temporary = new LinkedHashMap<>();
        for (Map.Entry<String, String> move : moves.entrySet()) {
            String name = "fcrename" + temp++;
            commands.add("ip link set dev " + move.getKey() + " down");
            commands.add("ip link set dev " + move.getKey() + " name " + name);
            temporary.put(name, move.getValue());
        }
        for (Map.Entry<String, String> move : temporary.entrySet()) {
            commands.add("ip link set dev " + move.getKey() + " name " + move.getValue());
            commands.add("ip link set dev " + move.getValue() + " up");
        }
        return commands;
    }
}
