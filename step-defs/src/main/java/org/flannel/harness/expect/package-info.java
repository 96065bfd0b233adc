/**
 * Expectations on captured frames, written as Gherkin rows {@code | layer | field | expected |}, and the diffs
 * that explain a failure field by field.
 *
 * <p>From a step:
 * <pre>{@code
 * List<Frame> frames = PcapReader.read(capture.stop(), vxlanPort);
 * List<ExpectationRow> rows = ExpectationRow.fromCells(dataTable.cells());
 * FrameMatcher matcher = new FrameMatcher(world.symbols());
 * MatchResult result = matcher.match(frames, rows);
 * scenario.attach(result.report(), "text/plain", "frame diff");
 * result.assertFound();                                   // AssertionError carrying the diff table
 *
 * matcher.expectNone(frames, rows).assertNone();          // "no frame matching": report() says how many
 *                                                         // frames the capture point saw in total
 * matcher.withReference(sentFrame).match(frames, rows);   // rows using "decremented by 1"
 * }</pre>
 *
 * <p>Expected values: a literal ({@code 64}, {@code 0x0800}, {@code 10.1.16.3}, {@code 5e:f8:4f:00:e3:37},
 * {@code absent}, {@code set}, anything in quotes); a symbol resolved through {@link
 * org.flannel.harness.expect.Symbols} ({@code node2.vtep.mac}); or a rule: {@code any}, {@code valid},
 * {@code zero or valid}, {@code in 32768..61000}, {@code decremented by 1}. Fields the table does not name are
 * still judged by the protocol rules computed from the bytes.
 */
package org.flannel.harness.expect;
