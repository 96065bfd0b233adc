package org.flannel.harness.wire;

/**
 * The outcome of one protocol rule computed from the frame's bytes: a checksum, a length that must agree
 * with another, reserved bits that must be zero.
 *
 * @param field    the field the rule is about, full name: {@code outer.udp.checksum}
 * @param rule     the rule in a few words: {@code valid}, {@code zero or valid}, {@code consistent}, {@code zero}
 * @param expected what the rule wants, as shown in a diff: {@code 0x1c46 (computed)}
 * @param actual   what the frame has
 * @param verdict  pass, fail, or unverifiable when the bytes needed were not captured
 */
public record RuleCheck(String field, String rule, String expected, String actual, Verdict verdict) {

    public enum Verdict {
        PASS,
        FAIL,
        UNVERIFIABLE
    }

    public boolean failed() {
        return verdict == Verdict.FAIL;
    }

    RuleCheck renamed(String newField) {
        return new RuleCheck(newField, rule, expected, actual, verdict);
    }
}
