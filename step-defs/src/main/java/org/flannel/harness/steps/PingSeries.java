package org.flannel.harness.steps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.contracts.evidence.PingSeriesEvidence;

/**
 * What a ping left running across a fault saw, read from its output ({@code ping -n -O -D -i 0.2}): the echo
 * requests it sent, which of them were answered, and when each left. The last second's requests may still be in
 * flight when it is stopped; they are left out rather than counted lost.
 *
 * @param requests every request ping named, from 1 to the highest sequence number it printed
 */
record PingSeries(
        int judged,
        Set<Integer> answered,
        List<Integer> lost,
        long intervalMillis,
        List<PingSeriesEvidence.Request> requests) {
    private static final Pattern SEQUENCE = Pattern.compile("icmp_seq=(\\d+)");
    /** -D puts the time a line was printed before it, in seconds since the epoch: {@code [1796498199.230222]}. */
    private static final Pattern TIMESTAMP = Pattern.compile("^\\[(\\d+)(?:\\.(\\d{1,9}))?\\]\\s*");

    private static final Pattern REPLY = Pattern.compile("^\\d+ bytes from .*icmp_seq=(\\d+)(?:.*time=([0-9.]+) ms)?");
    private static final Pattern NO_ANSWER = Pattern.compile("^no answer yet for icmp_seq=(\\d+)");

    PingSeries {
        answered = Set.copyOf(answered);
        lost = List.copyOf(lost);
        requests = List.copyOf(requests);
    }

    /**
     * @param inFlight       how many of the last requests to leave out (at 0.2 s apart, 5 is the last second)
     * @param intervalMillis the time between two requests: ping says a request had no answer as it sends the next
     */
    static PingSeries parse(String output, int inFlight, long intervalMillis) {
        int highest = 0;
        Set<Integer> answered = new TreeSet<>();
        Map<Integer, Instant> sent = new TreeMap<>();
        Map<Integer, Double> rtt = new TreeMap<>();
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            Optional<Instant> printed = Optional.empty();
            Matcher timestamp = TIMESTAMP.matcher(line);
            if (timestamp.find()) {
                printed = Optional.of(instant(timestamp.group(1), timestamp.group(2)));
                line = line.substring(timestamp.end());
            }
            Matcher sequence = SEQUENCE.matcher(line);
            if (sequence.find()) {
                highest = Math.max(highest, Integer.parseInt(sequence.group(1)));
            }
            Matcher reply = REPLY.matcher(line);
            Matcher noAnswer = NO_ANSWER.matcher(line);
            if (reply.find()) {
                int seq = Integer.parseInt(reply.group(1));
                answered.add(seq);
                if (reply.group(2) != null) {
                    double millis = Double.parseDouble(reply.group(2));
                    rtt.putIfAbsent(seq, millis);
                    // The reply's own time, less its round trip, is when the request left: better than the guess below.
                    printed.ifPresent(at -> sent.put(seq, at.minusNanos(Math.round(millis * 1_000_000))));
                }
            } else if (noAnswer.find()) {
                int seq = Integer.parseInt(noAnswer.group(1));
                printed.ifPresent(at -> sent.putIfAbsent(seq, at.minusMillis(intervalMillis)));
            }
        }
        int judged = Math.max(0, highest - inFlight);
        List<Integer> lost = new ArrayList<>();
        List<PingSeriesEvidence.Request> requests = new ArrayList<>();
        for (int seq = 1; seq <= highest; seq++) {
            if (seq <= judged && !answered.contains(seq)) {
                lost.add(seq);
            }
            requests.add(new PingSeriesEvidence.Request(
                    seq,
                    answered.contains(seq),
                    Optional.ofNullable(sent.get(seq)).map(Instant::toString),
                    Optional.ofNullable(rtt.get(seq))));
        }
        return new PingSeries(judged, answered, lost, intervalMillis, requests);
    }

    private static Instant instant(String seconds, String fraction) {
        long nanos = fraction == null ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9));
        return Instant.ofEpochSecond(Long.parseLong(seconds), nanos);
    }

    /**
     * The series as evidence for the living documentation.
     *
     * @param allowed how many losses the check allowed; empty when no step judged it
     */
    PingSeriesEvidence evidence(
            String from,
            String to,
            Instant started,
            Instant stopped,
            Optional<Integer> allowed,
            Optional<CheckVerdict> verdict) {
        return new PingSeriesEvidence(
                from,
                to,
                intervalMillis,
                Optional.of(started.toString()),
                Optional.of(stopped.toString()),
                judged,
                allowed,
                verdict,
                requests);
    }

    /** e.g. "312 echo requests judged, 2 lost (icmp_seq 41, 42)". */
    String describe() {
        return judged + " echo requests judged, " + lost.size() + " lost"
                + (lost.isEmpty() ? "" : " (icmp_seq " + abbreviated(lost) + ")");
    }

    private static String abbreviated(List<Integer> seqs) {
        List<String> shown = seqs.stream().limit(20).map(String::valueOf).toList();
        return String.join(", ", shown) + (seqs.size() > 20 ? ", ... " + seqs.get(seqs.size() - 1) : "");
    }
}
