package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void unpacksTheDirectoryKeepingTheExecutableBitAndLinks() throws IOException {
        byte[] tar = tar(
                entry("bin/", TarArchiveEntry.LF_DIR, 0755, null, ""),
                entry("bin/flanneld", TarArchiveEntry.LF_NORMAL, 0755, null, "#!/bin/sh\n"),
                entry("bin/notes.txt", TarArchiveEntry.LF_NORMAL, 0644, null, "hello"),
                entry("bin/fl", TarArchiveEntry.LF_SYMLINK, 0777, "flanneld", ""));

        ImageFiles.untar(new ByteArrayInputStream(tar), dir);

        assertThat(dir.resolve("bin/flanneld")).hasContent("#!/bin/sh").isExecutable();
        assertThat(Files.isExecutable(dir.resolve("bin/notes.txt"))).isFalse();
        assertThat(Files.readSymbolicLink(dir.resolve("bin/fl"))).isEqualTo(Path.of("flanneld"));
    }

    @Test
    void refusesEntriesThatLeaveTheTarget() throws IOException {
        byte[] tar = tar(entry("../escape", TarArchiveEntry.LF_NORMAL, 0644, null, "x"));

        assertThatThrownBy(() -> ImageFiles.untar(new ByteArrayInputStream(tar), dir.resolve("inside")))
                .hasMessageContaining("points outside");
        assertThat(dir.resolve("escape")).doesNotExist();
    }

    private record Entry(String name, byte type, int mode, String link, String content) {}

    private static Entry entry(String name, byte type, int mode, String link, String content) {
        return new Entry(name, type, mode, link, content);
    }

    private static byte[] tar(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            for (Entry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.name(), e.type());
                entry.setMode(e.mode());
                if (e.link() != null) {
                    entry.setLinkName(e.link());
                }
                byte[] content = e.content().getBytes(StandardCharsets.UTF_8);
                entry.setSize(e.type() == TarArchiveEntry.LF_NORMAL ? content.length : 0);
                out.putArchiveEntry(entry);
                if (e.type() == TarArchiveEntry.LF_NORMAL) {
                    out.write(content);
                }
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
