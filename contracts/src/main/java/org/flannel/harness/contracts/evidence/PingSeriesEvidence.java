package org.flannel.harness.contracts.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A ping left running across a fault ("container-1 starts pinging 10.1.16.3 five times a second"): every echo
 * request it sent by its sequence number, whether it was answered, and when, as {@code ping -n -O -D} printed it.
 * The last requests may still have been on their way when the ping was stopped: those above {@code judged} are
 * neither answered nor lost.
 *
 * @param source         the host that pinged: {@code container-1}
 * @param destination    the address it pinged: {@code 10.1.16.3}
 * @param intervalMillis the time between two requests (200 for five a second)
 * @param started        when the ping was started (ISO-8601), as the step saw it
 * @param stopped        when it was stopped (ISO-8601)
 * @param judged         the requests counted: 1 to this one; the later ones were in flight
 * @param allowedLosses  how many lost requests the check allowed; empty when no step judged the ping (the scenario
 *                       ended before it, and the ping was stopped with it)
 * @param verdict        the check's verdict; empty when no step judged it
 * @param requests       every request ping named, by sequence number from 1
 */
public record PingSeriesEvidence(
        String source,
        String destination,
        long intervalMillis,
        Optional<String> started,
        Optional<String> stopped,
        int judged,
        Optional<Integer> allowedLosses,
        Optional<CheckVerdict> verdict,
        List<Request> requests)
        implements Evidence {
    public static final String KIND = "ping-series";

    /**
     * One echo request.
     *
     * @param seq       its {@code icmp_seq}
     * @param answered  whether its reply came (late ones included)
     * @param sent      when it left (ISO-8601): its reply's time less the round trip, or the time ping said it had no
     *                  answer yet less one interval; empty when ping printed neither
     * @param rttMillis the round trip, when answered
     */
    public record Request(int seq, boolean answered, Optional<String> sent, Optional<Double> rttMillis) {
        public Request {
            sent = sent == null ? Optional.empty() : sent;
            rttMillis = rttMillis == null ? Optional.empty() : rttMillis;
        }

        public Optional<Instant> sentAt() {
            return sent.map(Instant::parse);
        }
    }

    public PingSeriesEvidence {
        source = source == null ? "" : source;
        destination = destination == null ? "" : destination;
        started = started == null ? Optional.empty() : started;
        stopped = stopped == null ? Optional.empty() : stopped;
        allowedLosses = allowedLosses == null ? Optional.empty() : allowedLosses;
        verdict = verdict == null ? Optional.empty() : verdict;
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    /** The requests counted lost: judged, and never answered. */
    public List<Integer> lost() {
        return requests.stream()
                .filter(r -> r.seq() <= judged && !r.answered())
                .map(Request::seq)
                .toList();
    }

    /** True for a request sent too late to be judged (its reply may have been on its way). */
    public boolean inFlight(Request request) {
        return request.seq() > judged;
    }

    public Duration interval() {
        return Duration.ofMillis(intervalMillis);
    }

    public Optional<Instant> startedAt() {
        return started.map(Instant::parse);
    }

    public Optional<Instant> stoppedAt() {
        return stopped.map(Instant::parse);
    }
}
