package org.flannel.reference.backend.udp;

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
 * The udp {@code Backend} section (udp_amd64.go): only Port, default 8285, the port this node listens
 * on and sends to. Keys are case-insensitive. Port 0 is refused: Flannel would listen on a random port
 * and send to port 0, which no peer can receive.
 */
public record UdpConfig(int port) implements BackendConfig {
    public static final int DEFAULT_PORT = 8285;
    public static final String DEVICE_TEMPLATE = "flannel%d";

    public static UdpConfig parse(JsonNode backend) throws ConfigException {
        int port = DEFAULT_PORT;
        for (Iterator<Map.Entry<String, JsonNode>> it = backend.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue; // Go's encoding/json leaves the default in place for null
            }
            if (field.getKey().toLowerCase(Locale.ROOT).equals("port")) {
                port = (int) wholeNumber(value, "Port", 1, 65535, " is out of range (1..65535)");
            }
            // Type, and keys of other backends or Flannel versions: ignored like Go's encoding/json
        }
        return new UdpConfig(port);
    }

    @Override
    public Backend newBackend(NetworkConfig network, ExternalInterface iface, Kernel kernel) {
        return new UdpBackend(this, network, iface, kernel);
    }

    @Override
    public String toString() {
        return "Port=" + port;
    }
}
