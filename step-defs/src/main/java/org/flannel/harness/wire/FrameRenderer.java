package org.flannel.harness.wire;

import java.util.List;

/** Text renderings of a frame for reports: a one-line summary, and one line per field with the rule checks. */
final class FrameRenderer {

    private FrameRenderer() {}

    static String summary(Frame frame) {
        StringBuilder text = new StringBuilder("#")
                .append(frame.number())
                .append(' ')
                .append(frame.originalLength())
                .append(" bytes");
        if (frame.isTruncated()) {
            text.append(" (").append(frame.capturedLength()).append(" captured)");
        }
        List<Layer> plain = frame.layers().stream()
                .filter(layer -> !layer.name().contains("quoted."))
                .toList();
        Layer innermostIp = null;
        Layer outermostIp = null;
        for (Layer layer : plain) {
            if (layer.protocol().startsWith("ipv") || layer.protocol().equals("arp")) {
                innermostIp = layer;
                outermostIp = outermostIp == null ? layer : outermostIp;
            }
        }
        if (innermostIp != null) {
            String source = innermostIp.protocol().equals("arp") ? "sender_ip" : "source";
            String destination = innermostIp.protocol().equals("arp") ? "target_ip" : "destination";
            text.append(' ')
                    .append(frame.value(innermostIp.name() + "." + source).orElse("?"))
                    .append(" → ")
                    .append(frame.value(innermostIp.name() + "." + destination).orElse("?"));
        }
        if (!plain.isEmpty()) {
            text.append(' ').append(plain.get(plain.size() - 1).protocol());
        }
        frame.value("vxlan.vni").ifPresent(vni -> text.append(" in vxlan vni ").append(vni));
        if (frame.isEncapsulated() && outermostIp != null && outermostIp != innermostIp) {
            text.append(" (outer ")
                    .append(frame.value(outermostIp.name() + ".source").orElse("?"))
                    .append(" → ")
                    .append(frame.value(outermostIp.name() + ".destination").orElse("?"))
                    .append(')');
        }
        return text.toString();
    }

    static String render(Frame frame) {
        StringBuilder text = new StringBuilder();
        text.append("frame ")
                .append(summary(frame))
                .append("  at ")
                .append(frame.timestamp())
                .append("  link ")
                .append(LinkTypes.name(frame.linkType()))
                .append('\n');
        int nameWidth = "field".length();
        int valueWidth = "value".length();
        for (Field field : frame.fields().values()) {
            nameWidth = Math.max(nameWidth, field.name().length());
            valueWidth = Math.max(valueWidth, field.value().length());
        }
        String fieldLine = "  %-" + nameWidth + "s  %-" + valueWidth + "s  %7s  %5s%n";
        text.append(String.format(fieldLine, "field", "value", "offset", "bits"));
        for (Field field : frame.fields().values()) {
            text.append(String.format(fieldLine, field.name(), field.value(), offset(field), field.bitWidth()));
        }
        if (!frame.checks().isEmpty()) {
            text.append(String.format("  %-" + nameWidth + "s  %s%n", "rule", "verdict: expected / actual"));
            for (RuleCheck check : frame.checks()) {
                text.append(String.format(
                        "  %-" + nameWidth + "s  %s %s: %s / %s%n",
                        check.field(),
                        mark(check),
                        check.rule(),
                        check.expected(),
                        check.actual()));
            }
        }
        return text.toString();
    }

    /** Byte offset, with the bit inside the byte after a dot when the field does not start on a byte. */
    static String offset(Field field) {
        return field.bitOffset() == 0 ? Integer.toString(field.offset()) : field.offset() + "." + field.bitOffset();
    }

    private static String mark(RuleCheck check) {
        return switch (check.verdict()) {
            case PASS -> "✓";
            case FAIL -> "✗";
            case UNVERIFIABLE -> "?";
        };
    }
}
