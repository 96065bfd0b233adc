package org.flannel.harness.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.impl.Implementation;
import org.flannel.harness.impl.ImplementationImage;

/**
 * The flanneld executables a run starts, found from its settings: the implementation under test (copied out of
 * its image first, when the run names one) and the reference. Each is checked when first asked for, so a run
 * that never needs the reference does not need it set.
 */
public final class Implementations {
    private final RunSettings settings;

    public Implementations(RunSettings settings) {
        this.settings = settings;
    }

    /** The implementation under test. */
    public Implementation underTest() {
        Optional<Path> fromImage = settings.implementationImage()
                .map(image -> ImplementationImage.executable(image, settings.pathInImage(), imageCopies()));
        if (fromImage.isPresent()) {
            return new Implementation(fromImage.get(), Implementation.UNDER_TEST);
        }
        return Implementation.checked(
                settings.implementation(),
                RunSettings.IMPLEMENTATION,
                Implementation.UNDER_TEST,
                "name the flanneld to judge, e.g. -D" + RunSettings.IMPLEMENTATION
                        + "=/usr/local/bin/flanneld (mvn verify sets it to the reference implementation)");
    }

    /** The reference flanneld: the other side of a mixed cluster. */
    public Implementation reference() {
        return Implementation.checked(
                settings.reference(),
                RunSettings.REFERENCE,
                Implementation.REFERENCE,
                "a mixed cluster needs the reference flanneld, e.g. -D" + RunSettings.REFERENCE
                        + "=/abs/path/reference-impl/target/flanneld (features/pom.xml sets it)");
    }

    /**
     * The host directories the nodes must see for these executables to run: each one's directory (a launcher
     * finds its jar beside it), the directory a symbolic link leads to, and the shell implementation's directory
     * (a broken variant finds its base two levels up). Missing ones are left out: the steps say what is missing.
     */
    public List<Path> directories() {
        List<Path> dirs = new ArrayList<>();
        if (settings.implementationImage().isPresent()) {
            dirs.add(underTest().executable().getParent());
        } else {
            settings.implementation().ifPresent(path -> addExecutableDirectories(dirs, path));
        }
        settings.reference().ifPresent(path -> addExecutableDirectories(dirs, path));
        settings.implsDir().ifPresent(dirs::add);
        return dirs;
    }

    private Path imageCopies() {
        return settings.reportsDir().orElse(Path.of("target").toAbsolutePath()).resolveSibling("impl-image");
    }

    private static void addExecutableDirectories(List<Path> dirs, String executable) {
        Path path = Path.of(executable).toAbsolutePath().normalize();
        dirs.add(path.getParent());
        try {
            dirs.add(path.toRealPath().getParent());
        } catch (IOException e) {
            // not there (yet): underTest() or reference() says so when the run needs it
        }
    }
}
