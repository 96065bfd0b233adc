package org.flannel.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplementationsTest {
    @Test
    void anUnsetImplementationSaysWhatToSet() {
        Implementations implementations = new Implementations(RunSettings.from(Map.<String, String>of()::get));

        assertThatThrownBy(implementations::underTest).hasMessageContaining("-Dflannel.impl is not set");
        assertThatThrownBy(implementations::reference).hasMessageContaining("-Dflannel.reference is not set");
    }

    @Test
    void aFileThatIsNotExecutableIsRefused(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("flanneld"), "");
        Implementations implementations =
                new Implementations(RunSettings.from(Map.of("flannel.impl", file.toString())::get));

        assertThatThrownBy(implementations::underTest).hasMessageContaining("is not an executable file");
    }

    @Test
    void theNodesSeeTheDirectoriesOfBothExecutablesAndOfTheShellImplementations(@TempDir Path tmp) throws Exception {
        Path impl = executable(Files.createDirectory(tmp.resolve("impl")).resolve("flanneld"));
        Path realReference =
                executable(Files.createDirectory(tmp.resolve("ref-real")).resolve("flanneld"));
        Path linkDir = Files.createDirectory(tmp.resolve("ref-link"));
        Path reference = Files.createSymbolicLink(linkDir.resolve("flanneld"), realReference);
        Implementations implementations = new Implementations(RunSettings.from(Map.of(
                "flannel.impl",
                impl.toString(),
                "flannel.reference",
                reference.toString(),
                "flannel.impls.dir",
                tmp.resolve("impls").toString())::get));

        assertThat(implementations.underTest().executable()).isEqualTo(impl);
        assertThat(implementations.directories())
                .contains(impl.getParent(), linkDir, realReference.getParent().toRealPath(), tmp.resolve("impls"));
    }

    private static Path executable(Path path) throws Exception {
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
