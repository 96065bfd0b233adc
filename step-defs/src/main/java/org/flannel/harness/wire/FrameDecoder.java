package org.flannel.harness.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one frame's bytes into named fields, from the link layer in, and computes the protocol rules. Never
 * throws on short or malformed bytes: what is there is decoded, the rest is marked truncated.
 */
public final class FrameDecoder {

    private final DecodeOptions options;

    public FrameDecoder(DecodeOptions options) {
        this.options = options;
    }

    public FrameDecoder() {
        this(DecodeOptions.flannelDefaults());
    }

    /** A frame captured whole (no snaplen cut), for frames built by hand. */
    public Frame decode(int linkType, byte[] bytes) {
        return decode(0, Instant.EPOCH, linkType, bytes, bytes.length);
    }

    public Frame decode(int index, Instant timestamp, int linkType, byte[] bytes, int originalLength) {
        DecodeContext context = new DecodeContext(bytes, originalLength, options);
        int end = context.originalLength();
        try {
            decodeLink(context, linkType, end);
        } catch (RuntimeException bug) {
            // A decoder bug must not hide the frame: keep what was decoded and say where it stopped.
            LayerDraft error = context.newLayer("decode_error", 0, end);
            error.check("decode_error", "decodes", "no error", bug.toString(), false);
        }
        return assemble(index, timestamp, linkType, bytes, originalLength, context.drafts());
    }

    private static void decodeLink(DecodeContext context, int linkType, int end) {
        if (linkType == LinkTypes.ETHERNET) {
            EthernetDecoder.decode(context, 0, end);
        } else if (LinkTypes.isRawIp(linkType)) {
            Dispatch.ip(context, 0, end);
        } else if (linkType == LinkTypes.LINUX_SLL) {
            LinuxCookedDecoder.decodeSll(context, end);
        } else if (linkType == LinkTypes.LINUX_SLL2) {
            LinuxCookedDecoder.decodeSll2(context, end);
        }
    }

    private static Frame assemble(
            int index, Instant timestamp, int linkType, byte[] bytes, int originalLength, List<LayerDraft> drafts) {
        boolean encapsulated = drafts.stream().anyMatch(draft -> draft.depth > 0);
        List<Layer> layers = new ArrayList<>();
        List<RuleCheck> checks = new ArrayList<>();
        Map<String, ChecksumStatus> checksums = new LinkedHashMap<>();
        for (LayerDraft draft : drafts) {
            String name = LayerNames.of(draft, encapsulated);
            List<Field> fields = new ArrayList<>();
            for (Field field : draft.fields) {
                fields.add(new Field(
                        name + "." + field.name(),
                        field.value(),
                        field.number(),
                        field.kind(),
                        field.offset(),
                        field.bitOffset(),
                        field.bitWidth()));
            }
            layers.add(new Layer(name, draft.protocol, draft.start, fields));
            for (RuleCheck check : draft.checks) {
                checks.add(check.renamed(name + "." + check.field()));
            }
            draft.checksums.forEach((field, status) -> checksums.put(name + "." + field, status));
        }
        return new Frame(
                index, timestamp, linkType, Math.max(originalLength, bytes.length), bytes, layers, checks, checksums);
    }
}
