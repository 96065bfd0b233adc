package org.flannel.harness.expect;

/** What the third column of a row asks for. {@link ExpectedParser} reads it from the table's text. */
public sealed interface Expected {

    /** An exact value: {@code 64}, {@code 0x0800}, {@code 10.1.16.3}, {@code 5e:f8:4f:00:e3:37}, {@code absent}. */
    record Literal(String text) implements Expected {}

    /** A topology name resolved through {@link Symbols}: {@code node2.vtep.mac}. */
    record SymbolRef(String name) implements Expected {}

    /** The field exists and was captured; its value does not matter. */
    record AnyValue() implements Expected {}

    /** The rules computed from the bytes hold: a checksum verifies, a length agrees. */
    record Valid() implements Expected {}

    /** A UDP checksum over IPv4: either not computed (zero) or verifying. */
    record ZeroOrValid() implements Expected {}

    /** A number inside an inclusive range: {@code in 32768..61000}. */
    record InRange(long low, long high) implements Expected {}

    /** The reference frame's value of the same field minus {@code amount}: {@code decremented by 1}. */
    record DecrementedBy(long amount) implements Expected {}

    /**
     * The reference frame's value of the same field, unchanged: {@code as sent}. For what a forwarding node must
     * leave alone in the pod's packet (its DF flag, its identification).
     */
    record AsSent() implements Expected {}

    /** Whether the row needs a reference frame (the packet as first sent) to be judged. */
    default boolean needsReference() {
        return this instanceof DecrementedBy || this instanceof AsSent;
    }
}
