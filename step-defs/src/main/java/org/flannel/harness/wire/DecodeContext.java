package org.flannel.harness.wire;

import java.util.ArrayList;
import java.util.List;

/** The state of decoding one frame: its bytes, the options, and the headers found so far. */
final class DecodeContext {

    private final byte[] bytes;
    private final int originalLength;
    private final DecodeOptions options;
    private final List<LayerDraft> drafts = new ArrayList<>();
    private int depth;
    private boolean quoting;

    DecodeContext(byte[] bytes, int originalLength, DecodeOptions options) {
        this.bytes = bytes;
        this.originalLength = Math.max(originalLength, bytes.length);
        this.options = options;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The frame's length on the wire: the end of the outermost region. */
    int originalLength() {
        return originalLength;
    }

    boolean isTruncated() {
        return bytes.length < originalLength;
    }

    DecodeOptions options() {
        return options;
    }

    LayerDraft newLayer(String protocol, int start, int regionEnd) {
        LayerDraft draft = new LayerDraft(this, protocol, start, regionEnd);
        drafts.add(draft);
        return draft;
    }

    List<LayerDraft> drafts() {
        return drafts;
    }

    int depth() {
        return depth;
    }

    /** Whether an encapsulation (VXLAN, IP in UDP) has been crossed; only the first one is decoded. */
    boolean isEncapsulated() {
        return depth > 0;
    }

    void enterEncapsulation() {
        depth = 1;
    }

    boolean isQuoting() {
        return quoting;
    }

    void startQuote() {
        quoting = true;
    }
}
