package org.flannel.harness.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.Host;

/**
 * How the kernel reports a TUN/TAP device ({@code ip -details -json link show <device>}): its kind
 * ({@code linkinfo.info_kind}, {@code tun} for both) and its mode ({@code linkinfo.info_data.type}: {@code tun},
 * layer 3, IP packets; {@code tap}, layer 2, Ethernet frames).
 *
 * @param device the device's name
 * @param kind   {@code tun}, another kind, or empty when the device does not exist
 * @param mode   {@code tun}, {@code tap}, or empty
 * @param json   what the kernel said, for a report
 */
public record TunMode(String device, String kind, String mode, String json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static TunMode read(Host host, String device) {
        ExecResult result = host.exec("ip", "-details", "-json", "link", "show", "dev", device);
        if (!result.succeeded()) {
            return new TunMode(device, "", "", result.stderr().strip());
        }
        return parse(device, result.stdout());
    }

    static TunMode parse(String device, String json) {
        try {
            JsonNode links = JSON.readTree(json);
            for (JsonNode link : links) {
                if (link.path("ifname").asText().equals(device)) {
                    JsonNode info = link.path("linkinfo");
                    return new TunMode(
                            device,
                            info.path("info_kind").asText(""),
                            info.path("info_data").path("type").asText(""),
                            json.strip());
                }
            }
            return new TunMode(device, "", "", json.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read `ip -details -json link show " + device + "`", e);
        }
    }

    /** A TUN device in TUN mode: the kernel hands IP packets, with no Ethernet header, to its reader. */
    public boolean isTun() {
        return kind.equals("tun") && mode.equals("tun");
    }

    public String describe() {
        if (kind.isEmpty()) {
            return device + ": no such device (" + json + ")";
        }
        return device + ": kind " + kind + (mode.isEmpty() ? "" : ", mode " + mode);
    }
}
