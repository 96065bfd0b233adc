package org.flannel.reference.kernel.iproute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.kernel.KernelException;
import org.flannel.reference.kernel.Link;
import org.flannel.reference.kernel.MacAddress;
import org.flannel.reference.kernel.Route;
import org.flannel.reference.kernel.Sysctl;
import org.flannel.reference.kernel.VxlanAttributes;
import org.flannel.reference.kernel.VxlanDeviceSpec;

/** The kernel through iproute2's {@code ip} and {@code bridge}, reading their {@code -json} output. */
public final class IprouteKernel implements Kernel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CommandRunner runner = new CommandRunner();
    private final Optional<String> namespace;

    /** The kernel of this process's network namespace. */
    public IprouteKernel() {
        this.namespace = Optional.empty();
    }

    private IprouteKernel(String namespace) {
        this.namespace = Optional.of(namespace);
    }

    /** The kernel of the named network namespace ({@code ip -n NAME}); sysctls still go to this one's. */
    public static IprouteKernel inNamespace(String name) {
        return new IprouteKernel(name);
    }

    @Override
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        for (JsonNode node : json(List.of("ip", "-json", "-details", "address", "show"))) {
            links.add(toLink(node));
        }
        return links;
    }

    @Override
    public Optional<Link> link(String name) {
        return links().stream().filter(link -> link.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Link> defaultRouteLink() {
        for (JsonNode route : json(List.of("ip", "-json", "-4", "route", "show", "default"))) {
            if (route.hasNonNull("dev")) {
                return link(route.get("dev").asText());
            }
        }
        return Optional.empty();
    }

    @Override
    public void createVxlan(VxlanDeviceSpec spec) {
        List<String> command = new ArrayList<>(List.of(
                "ip",
                "link",
                "add",
                spec.name(),
                "address",
                spec.mac().toString(),
                "mtu",
                Integer.toString(spec.mtu()),
                "type",
                "vxlan",
                "id",
                Integer.toString(spec.vni()),
                "local",
                spec.local().toString(),
                "dev",
                spec.underlayDevice(),
                spec.learning() ? "learning" : "nolearning"));
        if (spec.port() > 0) {
            command.addAll(List.of("dstport", Integer.toString(spec.port())));
        }
        if (spec.gbp()) {
            command.add("gbp");
        }
        run(command);
    }

    @Override
    public void deleteLink(String name) {
        run(List.of("ip", "link", "delete", name));
    }

    @Override
    public void setUp(String name) {
        run(List.of("ip", "link", "set", name, "up"));
    }

    @Override
    public void setMtu(String name, int mtu) {
        run(List.of("ip", "link", "set", name, "mtu", Integer.toString(mtu)));
    }

    @Override
    public void addAddress(String device, IfAddress address) {
        run(List.of("ip", "address", "add", address.toString(), "dev", device));
    }

    @Override
    public void deleteAddress(String device, IfAddress address) {
        run(List.of("ip", "address", "delete", address.toString(), "dev", device));
    }

    @Override
    public void replacePermanentNeighbour(String device, Ip4 ip, MacAddress mac) {
        run(List.of(
                "ip", "neigh", "replace", ip.toString(), "lladdr", mac.toString(), "dev", device, "nud", "permanent"));
    }

    @Override
    public void deleteNeighbour(String device, Ip4 ip) {
        run(List.of("ip", "neigh", "delete", ip.toString(), "dev", device));
    }

    @Override
    public void replaceFdbEntry(String device, MacAddress mac, Ip4 destination) {
        run(List.of(
                "bridge",
                "fdb",
                "replace",
                mac.toString(),
                "dev",
                device,
                "dst",
                destination.toString(),
                "self",
                "permanent"));
    }

    @Override
    public void deleteFdbEntry(String device, MacAddress mac, Ip4 destination) {
        run(List.of("bridge", "fdb", "delete", mac.toString(), "dev", device, "dst", destination.toString(), "self"));
    }

    @Override
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (JsonNode node : json(List.of("ip", "-json", "-4", "route", "show"))) {
            String dst = node.path("dst").asText();
            Ip4Net destination = dst.equals("default")
                    ? Ip4Net.parse("0.0.0.0/0")
                    : Ip4Net.parse(dst.contains("/") ? dst : dst + "/32");
            Optional<Ip4> gateway = node.hasNonNull("gateway")
                    ? Optional.of(Ip4.parse(node.get("gateway").asText()))
                    : Optional.empty();
            Optional<String> device =
                    node.hasNonNull("dev") ? Optional.of(node.get("dev").asText()) : Optional.empty();
            boolean onlink = false;
            for (JsonNode flag : node.path("flags")) {
                onlink |= flag.asText().equals("onlink");
            }
            routes.add(new Route(destination, gateway, device, onlink));
        }
        return routes;
    }

    @Override
    public void replaceRoute(Route route) {
        run(routeCommand("replace", route));
    }

    @Override
    public void deleteRoute(Route route) {
        run(routeCommand("delete", route));
    }

    @Override
    public Optional<Route> routeTo(Ip4 destination) {
        for (JsonNode node : json(List.of("ip", "-json", "route", "get", destination.toString()))) {
            Optional<Ip4> gateway = node.hasNonNull("gateway")
                    ? Optional.of(Ip4.parse(node.get("gateway").asText()))
                    : Optional.empty();
            Optional<String> device =
                    node.hasNonNull("dev") ? Optional.of(node.get("dev").asText()) : Optional.empty();
            return Optional.of(new Route(Ip4Net.of(destination, 32), gateway, device, false));
        }
        return Optional.empty();
    }

    @Override
    public void setSysctl(String path, String value) {
        Sysctl.write(path, value);
    }

    private static List<String> routeCommand(String verb, Route route) {
        List<String> command =
                new ArrayList<>(List.of("ip", "route", verb, route.destination().toString()));
        route.gateway().ifPresent(gw -> command.addAll(List.of("via", gw.toString())));
        route.device().ifPresent(dev -> command.addAll(List.of("dev", dev)));
        if (route.onlink()) {
            command.add("onlink");
        }
        return command;
    }

    /** Runs {@code ip} or {@code bridge}, with {@code -n NAME} when this kernel is another namespace's. */
    private String run(List<String> command) {
        if (namespace.isEmpty()) {
            return runner.run(command);
        }
        List<String> inNamespace = new ArrayList<>(command);
        inNamespace.addAll(1, List.of("-n", namespace.get()));
        return runner.run(inNamespace);
    }

    private JsonNode json(List<String> command) {
        String out = run(command);
        if (out.isBlank()) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new KernelException(
                    "cannot read the output of `" + String.join(" ", command) + "`: " + e.getMessage(), e);
        }
    }

    private static Link toLink(JsonNode node) {
        List<IfAddress> addresses = new ArrayList<>();
        for (JsonNode address : node.path("addr_info")) {
            if ("inet".equals(address.path("family").asText())) {
                addresses.add(new IfAddress(
                        Ip4.parse(address.get("local").asText()),
                        address.get("prefixlen").asInt()));
            }
        }
        boolean up = false;
        for (JsonNode flag : node.path("flags")) {
            up |= "UP".equals(flag.asText());
        }
        String address = node.path("address").asText("");
        MacAddress mac = address.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}") ? MacAddress.parse(address) : null;
        return new Link(
                node.get("ifindex").asInt(),
                node.get("ifname").asText(),
                node.path("mtu").asInt(),
                mac,
                up,
                List.copyOf(addresses),
                vxlanAttributes(node.path("linkinfo")));
    }

    private static Optional<VxlanAttributes> vxlanAttributes(JsonNode linkinfo) {
        if (!"vxlan".equals(linkinfo.path("info_kind").asText())) {
            return Optional.empty();
        }
        JsonNode data = linkinfo.path("info_data");
        return Optional.of(new VxlanAttributes(
                data.path("id").asInt(),
                optionalIp(data, "local"),
                data.hasNonNull("link") ? Optional.of(data.get("link").asText()) : Optional.empty(),
                data.path("port").asInt(),
                data.path("learning").asBoolean(false),
                data.has("gbp") && data.get("gbp").asBoolean(true),
                optionalIp(data, "group")));
    }

    private static Optional<Ip4> optionalIp(JsonNode data, String field) {
        return data.hasNonNull(field) ? Optional.of(Ip4.parse(data.get(field).asText())) : Optional.empty();
    }
}
