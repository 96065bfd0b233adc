package org.flannel.reference.backend.vxlan;

import static org.flannel.reference.backend.BackendOptions.bool;
import static org.flannel.reference.backend.BackendOptions.wholeNumber;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.flannel.reference.backend.Backend;
import org.flannel.reference.backend.BackendConfig;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.subnet.ConfigException;
import org.flannel.reference.subnet.NetworkConfig;

/**
 * The vxlan {@code Backend} section (vxlan.go): VNI (default 1), Port (0 = the kernel's default, 8472),
 * MTU (the underlay's; 0 = the interface's), GBP, Learning, DirectRouting. Keys are case-insensitive.
 */
public record VxlanConfig(long vni, int port, int mtu, boolean gbp, boolean learning, boolean directRouting)
        implements BackendConfig {
    public static final long MAX_VNI = (1L << 24) - 1;

    public static VxlanConfig parse(JsonNode backend) throws ConfigException {
        long vni = 1;
        int port = 0;
        int mtu = 0;
        boolean gbp = false;
        boolean learning = false;
        boolean directRouting = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = backend.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue; // Go's encoding/json leaves the default in place for null
            }
            switch (field.getKey().toLowerCase(Locale.ROOT)) {
                case "vni" ->
                    vni = wholeNumber(
                            value,
                            "VNI",
                            0,
                            MAX_VNI,
                            " is out of range: a VXLAN Network Identifier has 24 bits (0.." + MAX_VNI + ")");
                case "port" -> port = (int) wholeNumber(value, "Port", 0, 65535, " is out of range (0..65535)");
                case "mtu" -> mtu = (int) wholeNumber(value, "MTU", 0, 65535, " is out of range (0..65535)");
                case "gbp" -> gbp = bool(value, "GBP");
                case "learning" -> learning = bool(value, "Learning");
                case "directrouting" -> directRouting = bool(value, "DirectRouting");
                default -> {} // Type, and keys of other Flannel versions: ignored like Go's encoding/json
            }
        }
        if (mtu != 0 && mtu < 68 + 50) {
            throw new ConfigException(
                    "Backend.MTU " + mtu + " is too small: the underlay MTU must leave at least 68 bytes"
                            + " after the 50 bytes of VXLAN encapsulation");
        }
        return new VxlanConfig(vni, port, mtu, gbp, learning, directRouting);
    }

    @Override
    public Backend newBackend(NetworkConfig network, ExternalInterface iface, Kernel kernel) {
        return new VxlanBackend(this, network, iface, kernel);
    }

    public String deviceName() {
        return "flannel." + vni;
    }

    @Override
    public String toString() {
        return "VNI=" + vni + " Port=" + port + " GBP=" + gbp + " Learning=" + learning + " DirectRouting="
                + directRouting;
    }
}
