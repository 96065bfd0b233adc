package org.flannel.harness.topology.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flannel.harness.topology.ManagedProcess;

/**
 * A managed process whose stdout and stderr go to a log file on this machine, however the driver
 * runs it: {@link #logs()} is that file's content.
 */
public abstract class LoggedProcess implements ManagedProcess {
    private final String name;
    private final Path logFile;

    protected LoggedProcess(String name, Path logFile) {
        this.name = name;
        this.logFile = logFile;
    }

    @Override
    public final String name() {
        return name;
    }

    /** Empty while the file cannot be read (not yet written, or removed with the work directory). */
    @Override
    public final String logs() {
        try {
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public final Path logFile() {
        return logFile;
    }
}
