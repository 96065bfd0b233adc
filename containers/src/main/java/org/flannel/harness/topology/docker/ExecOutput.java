package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where an exec's output goes: stdout and stderr apart (commands run to completion), or both into
 * one stream (a process's log file). Completes when the exec's streams close.
 */
final class ExecOutput extends ResultCallback.Adapter<Frame> {
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final boolean closesStreams;

    private ExecOutput(OutputStream stdout, OutputStream stderr, boolean closesStreams) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.closesStreams = closesStreams;
    }

    static ExecOutput collecting() {
        return new ExecOutput(new ByteArrayOutputStream(), new ByteArrayOutputStream(), false);
    }

    /** Both streams into {@code log}, which {@link #close()} closes. */
    static ExecOutput into(OutputStream log) {
        return new ExecOutput(log, log, true);
    }

    @Override
    public void onNext(Frame frame) {
        if (frame == null || frame.getPayload() == null) {
            return;
        }
        OutputStream target = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
        synchronized (this) {
            try {
                target.write(frame.getPayload());
                target.flush();
            } catch (IOException e) {
                // a log file that cannot be written: the output is lost, the process goes on
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            if (closesStreams) {
                synchronized (this) {
                    stdout.close();
                }
            }
        }
    }

    synchronized String stdout() {
        return text(stdout);
    }

    synchronized String stderr() {
        return text(stderr);
    }

    private static String text(OutputStream stream) {
        return stream instanceof ByteArrayOutputStream bytes ? bytes.toString(StandardCharsets.UTF_8) : "";
    }
}
