package org.flannel.harness.reports.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Something a step or hook attached: a pcap, a log, a kernel dump, a field diff, structured JSON.
 *
 * @param name      the file name the step gave it (may be empty)
 * @param mediaType its media type: {@code application/vnd.tcpdump.pcap}, {@code text/plain}, {@code application/json}
 * @param body      its bytes, decoded from base64 when the message carried it so
 * @param stepIndex the index of the test step that attached it in its scenario (-1 when unknown)
 * @param timestamp when it was attached (null when the messages do not say)
 */
public record Attachment(String name, String mediaType, byte[] body, int stepIndex, Instant timestamp) {

    /** An attachment without its time. */
    public Attachment(String name, String mediaType, byte[] body, int stepIndex) {
        this(name, mediaType, body, stepIndex, null);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isPcap() {
        return mediaType.contains("pcap") || name.endsWith(".pcap");
    }

    public boolean isJson() {
        return mediaType.equals("application/json");
    }

    public boolean isText() {
        return mediaType.startsWith("text/") || isJson();
    }

    /** Name without its extension. */
    public String title() {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
