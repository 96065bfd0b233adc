package org.flannel.harness.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flannel.harness.expect.ExpectationRow;
import org.flannel.harness.expect.FrameTable;

/**
 * Frames the features name instead of writing their table again, e.g. "the vxlan echo request from node1 to
 * node2": each is a file frames/&lt;name, dashed&gt;.table on the class path (features/src/test/resources/frames).
 */
final class NamedFrames {
    static final String DIRECTORY = "frames/";

    private NamedFrames() {}

    static List<ExpectationRow> rows(String name) {
        String resource = DIRECTORY + fileName(name);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no frame named \"" + name + "\": write its table in " + resource
                        + " (features/src/test/resources)");
            }
            return FrameTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** "vxlan echo request from node1 to node2" → vxlan-echo-request-from-node1-to-node2.table. */
    static String fileName(String name) {
        return name.strip().replaceAll("\\s+", "-") + ".table";
    }
}
