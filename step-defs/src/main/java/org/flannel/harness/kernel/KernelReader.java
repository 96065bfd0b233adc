package org.flannel.harness.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.flannel.harness.topology.Host;

/**
 * Reads kernel state on a host with iproute2's JSON output, independently of whatever the
 * implementation under test used to write it, and turns it into the seed's tables.
 */
public final class KernelReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Host host;

    public KernelReader(Host host) {
        this.host = host;
    }

    /** The main IPv4 table as {@code route -n} rows. */
    public List<RouteRow> routes() {
        List<RouteRow> rows = new ArrayList<>();
        for (JsonNode route : json("ip", "-json", "-4", "route", "show")) {
            String dst = route.path("dst").asText();
            String network = dst.equals("default") ? "0.0.0.0" : dst.split("/")[0];
            int prefix = dst.equals("default") ? 0 : dst.contains("/") ? Integer.parseInt(dst.split("/")[1]) : 32;
            String gateway = route.path("gateway").asText("0.0.0.0");
            String flags = "U" + (route.has("gateway") ? "G" : "") + (prefix == 32 ? "H" : "");
            boolean onlink = StreamSupport.stream(route.path("flags").spliterator(), false)
                    .anyMatch(flag -> flag.asText().equals("onlink"));
            rows.add(new RouteRow(
                    network, gateway, genmask(prefix), flags, route.path("dev").asText(""), onlink ? "onlink" : ""));
        }
        return rows;
    }

    public List<Neighbour> neighbours(String device) {
        List<Neighbour> neighbours = new ArrayList<>();
        for (JsonNode entry : json("ip", "-json", "neigh", "show", "dev", device)) {
            neighbours.add(new Neighbour(
                    entry.path("dst").asText(), entry.path("lladdr").asText(""), join(entry.path("state"))));
        }
        return neighbours;
    }

    /** FDB entries that point at a VTEP (they have a dst); the kernel's own per-device entries are left out. */
    public List<FdbEntry> fdb(String device) {
        List<FdbEntry> entries = new ArrayList<>();
        for (JsonNode entry : json("bridge", "-json", "fdb", "show", "dev", device)) {
            if (entry.has("dst")) {
                entries.add(new FdbEntry(
                        entry.path("mac").asText(),
                        entry.path("dst").asText(),
                        join(entry.path("flags")),
                        entry.path("state").asText("")));
            }
        }
        return entries;
    }

    public Optional<DeviceInfo> device(String name) {
        JsonNode links = json("ip", "-json", "-details", "address", "show");
        for (JsonNode link : links) {
            if (link.path("ifname").asText().equals(name)) {
                return Optional.of(toDevice(link));
            }
        }
        return Optional.empty();
    }

    public Optional<String> mac(String device) {
        return device(device).map(d -> d.attribute("mac"));
    }

    /** The first vxlan device: the VTEP, whatever its VNI. */
    public Optional<DeviceInfo> firstVxlanDevice() {
        for (JsonNode link : json("ip", "-json", "-details", "address", "show")) {
            if (link.path("linkinfo").path("info_kind").asText().equals("vxlan")) {
                return Optional.of(toDevice(link));
            }
        }
        return Optional.empty();
    }

    private static DeviceInfo toDevice(JsonNode link) {
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode info = link.path("linkinfo");
        JsonNode data = info.path("info_data");
        attributes.put("type", info.path("info_kind").asText("none"));
        attributes.put("mtu", link.path("mtu").asText());
        attributes.put("mac", link.path("address").asText(""));
        boolean up = StreamSupport.stream(link.path("flags").spliterator(), false)
                .anyMatch(f -> f.asText().equals("UP"));
        attributes.put("state", up ? "up" : "down");
        if (info.path("info_kind").asText().equals("vxlan")) {
            attributes.put("vni", data.path("id").asText());
            attributes.put("local", data.path("local").asText(""));
            attributes.put("dev", data.path("link").asText(""));
            attributes.put("dstport", data.path("port").asText());
            attributes.put("learning", data.path("learning").asBoolean(false) ? "on" : "off");
        }
        List<String> ipv4 = new ArrayList<>();
        for (JsonNode address : link.path("addr_info")) {
            if (address.path("family").asText().equals("inet")) {
                ipv4.add(address.path("local").asText() + "/"
                        + address.path("prefixlen").asText());
            }
        }
        attributes.put("ipv4", String.join(" ", ipv4));
        return new DeviceInfo(link.path("ifname").asText(), attributes, List.copyOf(ipv4));
    }

    /** The kernel's tables as text, the way a person would look at them (for reports and failures). */
    public String dump() {
        StringBuilder text = new StringBuilder();
        for (String[] command : new String[][] {
            {"ip", "-details", "address", "show"},
            {"ip", "route", "show"},
            {"ip", "neigh", "show"},
            {"bridge", "fdb", "show"}
        }) {
            text.append("$ ")
                    .append(String.join(" ", command))
                    .append('\n')
                    .append(host.exec(command).stdout())
                    .append('\n');
        }
        return text.toString();
    }

    public static String genmask(int prefix) {
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return ((mask >> 24) & 255) + "." + ((mask >> 16) & 255) + "." + ((mask >> 8) & 255) + "." + (mask & 255);
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(part -> parts.add(part.asText()));
        return String.join(",", parts);
    }

    private JsonNode json(String... command) {
        String out = host.exec(command).orThrow().stdout();
        try {
            return out.isBlank() ? JSON.createArrayNode() : JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read `" + String.join(" ", command) + "` on " + host.name(), e);
        }
    }
}
