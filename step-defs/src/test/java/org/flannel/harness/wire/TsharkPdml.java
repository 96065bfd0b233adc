package org.flannel.harness.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * tshark's dissection of a pcap as PDML, the one output format that gives every field's value together with its
 * byte position and size. Protocols are listed in wire order, those nested in an ICMP error included.
 */
final class TsharkPdml {

    /** One tshark field: its displayed value, raw hex value, byte position and byte size. */
    record TField(String name, String show, String value, int pos, int size) {}

    /** One protocol of a packet; {@code fields} holds the first occurrence of each name inside it. */
    record TProto(String name, Map<String, TField> fields) {
        Optional<TField> field(String fieldName) {
            return Optional.ofNullable(fields.get(fieldName));
        }
    }

    record TPacket(List<TProto> protos) {
        Optional<TProto> proto(String name) {
            return protos.stream().filter(proto -> proto.name().equals(name)).findFirst();
        }

        List<TProto> all(String name) {
            return protos.stream().filter(proto -> proto.name().equals(name)).toList();
        }
    }

    private TsharkPdml() {}

    static boolean available() {
        try {
            Process process =
                    new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Dissects with checksum verification on, IP reassembly off, and Flannel's ports decoded as it uses them. */
    static List<TPacket> dissect(Path pcap) throws IOException, InterruptedException {
        List<String> command = List.of(
                "tshark",
                "-r",
                pcap.toString(),
                "-T",
                "pdml",
                "-d",
                "udp.port==8472,vxlan",
                "-d",
                "udp.port==8285,ip",
                "-o",
                "ip.check_checksum:TRUE",
                "-o",
                "udp.check_checksum:TRUE",
                "-o",
                "tcp.check_checksum:TRUE",
                "-o",
                "ip.defragment:FALSE");
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] xml = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("tshark failed on " + pcap + ": " + String.join(" ", command));
        }
        return parse(xml);
    }

    static List<TPacket> parse(byte[] xml) throws IOException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IOException(
                    "cannot parse tshark's PDML: " + e.getMessage() + "\n"
                            + new String(xml, 0, Math.min(xml.length, 2000), StandardCharsets.UTF_8),
                    e);
        }
        List<TPacket> packets = new ArrayList<>();
        for (Element packet : children(document.getDocumentElement(), "packet")) {
            List<TProto> protos = new ArrayList<>();
            collectProtos(packet, protos);
            packets.add(new TPacket(protos));
        }
        return packets;
    }

    private static void collectProtos(Element parent, List<TProto> protos) {
        for (Element child : children(parent, null)) {
            if (child.getTagName().equals("proto")) {
                Map<String, TField> fields = new LinkedHashMap<>();
                collectFields(child, fields);
                protos.add(new TProto(child.getAttribute("name"), fields));
                collectProtos(child, protos);
            } else if (child.getTagName().equals("field")) {
                collectProtos(child, protos);
            }
        }
    }

    /** Fields of a proto, nested ones included, but not those of a proto nested inside it. */
    private static void collectFields(Element parent, Map<String, TField> fields) {
        for (Element child : children(parent, "field")) {
            String name = child.getAttribute("name");
            if (!name.isEmpty() && !fields.containsKey(name)) {
                fields.put(
                        name,
                        new TField(
                                name,
                                child.getAttribute("show"),
                                child.getAttribute("value"),
                                integer(child.getAttribute("pos")),
                                integer(child.getAttribute("size"))));
            }
            collectFields(child, fields);
        }
    }

    private static int integer(String text) {
        return text.isEmpty() ? -1 : Integer.parseInt(text);
    }

    private static List<Element> children(Node parent, String tag) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && (tag == null || element.getTagName().equals(tag))) {
                result.add(element);
            }
        }
        return result;
    }
}
