package org.flannel.harness.reports.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.flannel.harness.reports.model.Attachment;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.model.Slugs;

/**
 * Writes every attachment of a scenario as a file under {@code evidence/<scenario>/} (pcaps, logs, kernel
 * dumps, JSON), so each can be downloaded and opened with Wireshark or a text editor.
 */
public final class EvidenceFiles {
    private final Path site;
    private final Map<Attachment, String> hrefs = new HashMap<>();

    public EvidenceFiles(Path site) {
        this.site = site;
    }

    public void write(Scenario scenario) {
        Path folder = site.resolve("evidence").resolve(scenario.slug());
        Set<String> taken = new HashSet<>();
        try {
            Files.createDirectories(folder);
            for (Attachment attachment : scenario.attachments()) {
                String file = Slugs.unique(fileName(attachment), taken);
                Files.write(folder.resolve(file), attachment.body());
                hrefs.put(attachment, "evidence/" + scenario.slug() + "/" + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence of " + scenario.name(), e);
        }
    }

    /** The attachment's file, relative to the site's root. */
    public String href(Attachment attachment) {
        return hrefs.getOrDefault(attachment, "");
    }

    /** A safe file name with the right extension: {@code node1-eth0.pcap}, {@code flanneld-on-node1.log}. */
    static String fileName(Attachment attachment) {
        String name = attachment.name().isBlank() ? "attachment" : attachment.name();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1).replaceAll("[^A-Za-z0-9]", "") : "";
        if (extension.isEmpty() || extension.length() > 5) {
            base = name;
            extension = attachment.isPcap()
                    ? "pcap"
                    : attachment.isJson() ? "json" : attachment.mediaType().startsWith("text/") ? "txt" : "bin";
        }
        return Slugs.of(base) + "." + extension.toLowerCase(java.util.Locale.ROOT);
    }
}
