package org.flannel.harness.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a ping left running across a fault saw, read from its output ({@code ping -n -O -i 0.2}): the echo
 * requests it sent and which of them were answered. The last second's requests may still be in flight when it
 * is stopped; they are left out rather than counted lost.
 */
record PingSeries(int judged, Set<Integer> answered, List<Integer> lost) {
    private static final Pattern SEQUENCE = Pattern.compile("icmp_seq=(\\d+)");
    private static final Pattern REPLY = Pattern.compile("^\\d+ bytes from .*icmp_seq=(\\d+)");

    /** @param inFlight how many of the last requests to leave out (at 0.2 s apart, 5 is the last second) */
    static PingSeries parse(String output, int inFlight) {
        int highest = 0;
        Set<Integer> answered = new TreeSet<>();
        for (String line : output.split("\n")) {
            Matcher sequence = SEQUENCE.matcher(line);
            if (sequence.find()) {
                highest = Math.max(highest, Integer.parseInt(sequence.group(1)));
            }
            Matcher reply = REPLY.matcher(line.strip());
            if (reply.find()) {
                answered.add(Integer.parseInt(reply.group(1)));
            }
        }
        int judged = Math.max(0, highest - inFlight);
        List<Integer> lost = new ArrayList<>();
        for (int seq = 1; seq <= judged; seq++) {
            if (!answered.contains(seq)) {
                lost.add(seq);
            }
        }
        return new PingSeries(judged, answered, lost);
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
