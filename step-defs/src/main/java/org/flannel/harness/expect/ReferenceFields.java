package org.flannel.harness.expect;

import java.util.List;
import java.util.Optional;
import org.flannel.harness.wire.Field;
import org.flannel.harness.wire.Frame;

/**
 * Finds, in a reference frame, the field that corresponds to one of the judged frame. The reference is often
 * captured elsewhere (the packet as the pod sent it, on its own eth0: {@code ipv4.ttl}) than the judged frame
 * (the same packet inside VXLAN: {@code inner.ipv4.ttl}), so the outer/inner prefix may differ.
 */
final class ReferenceFields {

    private ReferenceFields() {}

    static Optional<Field> counterpart(Frame reference, String fieldName) {
        String bare = fieldName.replaceFirst("^(outer|inner)\\.", "");
        for (String candidate : List.of(fieldName, bare, "inner." + bare, "outer." + bare)) {
            Optional<Field> field = reference.field(candidate);
            if (field.isPresent()) {
                return field;
            }
        }
        return Optional.empty();
    }
}
