package org.flannel.harness.reports.drawing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flannel.harness.reports.evidence.TopologyData;

/**
 * The declared topology as a picture (inline SVG): each segment a line with its subnet, the hosts on it
 * above it (nodes with their pods, docker0 and tunnel device; etcd), routers joining two segments.
 */
public final class TopologyPicture {
    static final int HOST_WIDTH = 200;
    static final int GAP = 24;
    static final int POD_HEIGHT = 46;
    static final int NODE_HEIGHT = 92;
    static final int BAND_HEIGHT = POD_HEIGHT + 20 + NODE_HEIGHT + 50;

    private TopologyPicture() {}

    /**
     * @param tunnel the tunnel device to draw in each node ({@code flannel.1}, {@code flannel0}) or "" for none
     * @param title  the picture's accessible name
     */
    public static String render(TopologyData topology, String tunnel, String title) {
        Map<String, List<Object>> bands = new LinkedHashMap<>();
        topology.segments().forEach(s -> bands.put(s.name(), new ArrayList<>()));
        for (TopologyData.Host node : topology.nodes()) {
            bands.computeIfAbsent(node.interfaces().get(0).segment(), s -> new ArrayList<>())
                    .add(node);
        }
        topology.etcd().ifPresent(etcd -> bands.computeIfAbsent(
                        etcd.interfaces().get(0).segment(), s -> new ArrayList<>())
                .add(etcd));
        for (TopologyData.Host router : topology.routers()) {
            bands.computeIfAbsent(router.interfaces().get(0).segment(), s -> new ArrayList<>())
                    .add(router);
        }
        int columns =
                Math.max(1, bands.values().stream().mapToInt(List::size).max().orElse(1));
        int width = 40 + columns * (HOST_WIDTH + GAP);
        int height = 20 + bands.size() * BAND_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"topology\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.esc(title))
                .append("\"><title>")
                .append(Html.esc(title))
                .append("</title>\n");
        Map<String, Integer> busY = new LinkedHashMap<>();
        int band = 0;
        for (String segment : bands.keySet()) {
            busY.put(segment, 20 + band * BAND_HEIGHT + POD_HEIGHT + 20 + NODE_HEIGHT + 30);
            band++;
        }
        band = 0;
        for (Map.Entry<String, List<Object>> entry : bands.entrySet()) {
            int top = 20 + band * BAND_HEIGHT;
            int bus = busY.get(entry.getKey());
            String subnet = topology.segments().stream()
                    .filter(s -> s.name().equals(entry.getKey()))
                    .map(TopologyData.Segment::subnet)
                    .findFirst()
                    .orElse("");
            svg.append("<line class=\"bus\" x1=\"10\" y1=\"")
                    .append(bus)
                    .append("\" x2=\"")
                    .append(width - 10)
                    .append("\" y2=\"")
                    .append(bus)
                    .append("\"/>")
                    .append("<text class=\"bus-label\" x=\"14\" y=\"")
                    .append(bus + 18)
                    .append("\">segment ")
                    .append(Html.esc(entry.getKey()))
                    .append(' ')
                    .append(Html.esc(subnet))
                    .append("</text>\n");
            int column = 0;
            for (Object host : entry.getValue()) {
                int x = 20 + column * (HOST_WIDTH + GAP);
                TopologyData.Host h = (TopologyData.Host) host;
                boolean router = topology.routers().contains(h);
                boolean etcd = topology.etcd().map(e -> e == h).orElse(false);
                svg.append(host(topology, h, x, top, bus, router, etcd, tunnel, busY));
                column++;
            }
            band++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String host(
            TopologyData topology,
            TopologyData.Host host,
            int x,
            int top,
            int bus,
            boolean router,
            boolean etcd,
            String tunnel,
            Map<String, Integer> busY) {
        StringBuilder svg = new StringBuilder();
        int nodeTop = top + POD_HEIGHT + 20;
        String kind = router ? "router" : etcd ? "etcd" : "node";
        int height = etcd || router ? 52 : NODE_HEIGHT;
        int boxTop = nodeTop + NODE_HEIGHT - height;
        svg.append("<g class=\"host ")
                .append(kind)
                .append("\"><rect x=\"")
                .append(x)
                .append("\" y=\"")
                .append(boxTop)
                .append("\" width=\"")
                .append(HOST_WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" rx=\"6\"/>")
                .append("<text class=\"name\" x=\"")
                .append(x + 10)
                .append("\" y=\"")
                .append(boxTop + 20)
                .append("\">")
                .append(Html.esc(host.name()))
                .append(etcd ? " (etcd member)" : router ? " (router)" : "")
                .append("</text>");
        if (!etcd && !router) {
            String subnet = topology.subnets().getOrDefault(host.name(), "");
            List<TopologyData.Container> pods = topology.containersOn(host.name());
            svg.append("<text class=\"dev\" x=\"")
                    .append(x + 10)
                    .append("\" y=\"")
                    .append(boxTop + 42)
                    .append("\">docker0")
                    .append(subnet.isEmpty() ? "" : " " + Html.esc(subnet.replaceFirst("\\.0/", ".1/")))
                    .append("</text>");
            if (!tunnel.isEmpty()) {
                svg.append("<text class=\"dev\" x=\"")
                        .append(x + 10)
                        .append("\" y=\"")
                        .append(boxTop + 60)
                        .append("\">")
                        .append(Html.esc(tunnel))
                        .append(subnet.isEmpty() ? "" : " " + Html.esc(subnet.replaceFirst("/\\d+$", "/32")))
                        .append("</text>");
            }
            int podX = x + 6;
            int podWidth = pods.isEmpty()
                    ? 0
                    : Math.min(HOST_WIDTH - 12, (HOST_WIDTH - 12 - (pods.size() - 1) * 6) / pods.size());
            for (TopologyData.Container pod : pods) {
                svg.append("<line class=\"link\" x1=\"")
                        .append(podX + podWidth / 2)
                        .append("\" y1=\"")
                        .append(top + POD_HEIGHT)
                        .append("\" x2=\"")
                        .append(podX + podWidth / 2)
                        .append("\" y2=\"")
                        .append(boxTop)
                        .append("\"/>")
                        .append("<rect class=\"pod\" x=\"")
                        .append(podX)
                        .append("\" y=\"")
                        .append(top)
                        .append("\" width=\"")
                        .append(podWidth)
                        .append("\" height=\"")
                        .append(POD_HEIGHT)
                        .append("\" rx=\"4\"/>")
                        .append("<text class=\"name\" x=\"")
                        .append(podX + 8)
                        .append("\" y=\"")
                        .append(top + 18)
                        .append("\">")
                        .append(Html.esc(pod.name()))
                        .append("</text><text class=\"addr\" x=\"")
                        .append(podX + 8)
                        .append("\" y=\"")
                        .append(top + 36)
                        .append("\">eth0 ")
                        .append(Html.esc(pod.address()))
                        .append("</text>");
                podX += podWidth + 6;
            }
        }
        TopologyData.Interface first = host.interfaces().get(0);
        int attach = x + HOST_WIDTH / 2;
        svg.append("<line class=\"link\" x1=\"")
                .append(attach)
                .append("\" y1=\"")
                .append(nodeTop + NODE_HEIGHT)
                .append("\" x2=\"")
                .append(attach)
                .append("\" y2=\"")
                .append(bus)
                .append("\"/>")
                .append("<text class=\"addr\" x=\"")
                .append(attach + 6)
                .append("\" y=\"")
                .append(nodeTop + NODE_HEIGHT + 18)
                .append("\">")
                .append(Html.esc(first.name()))
                .append(' ')
                .append(Html.esc(first.address()))
                .append("</text>");
        for (TopologyData.Interface other :
                host.interfaces().subList(1, host.interfaces().size())) {
            Integer y = busY.get(other.segment());
            if (y != null) {
                int ox = x + HOST_WIDTH - 14;
                svg.append("<line class=\"link\" x1=\"")
                        .append(ox)
                        .append("\" y1=\"")
                        .append(nodeTop + NODE_HEIGHT)
                        .append("\" x2=\"")
                        .append(ox)
                        .append("\" y2=\"")
                        .append(y)
                        .append("\"/>")
                        .append("<text class=\"addr\" x=\"")
                        .append(ox - 6)
                        .append("\" y=\"")
                        .append(y - 6)
                        .append("\" text-anchor=\"end\">")
                        .append(Html.esc(other.name()))
                        .append(' ')
                        .append(Html.esc(other.address()))
                        .append("</text>");
            }
        }
        return svg.append("</g>\n").toString();
    }

    /** The tunnel device a backend tag implies: flannel.1 (vxlan), flannel0 (udp), none (host-gw). */
    public static String tunnelFor(List<String> backends) {
        List<String> lower =
                backends.stream().map(b -> b.toLowerCase(Locale.ROOT)).toList();
        if (lower.contains("vxlan")) {
            return "flannel.1";
        }
        if (lower.contains("udp")) {
            return "flannel0";
        }
        return "";
    }
}
