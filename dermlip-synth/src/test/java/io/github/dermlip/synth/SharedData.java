package io.github.dermlip.synth;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only reference data ({@code shared/}) beside the checkout: the {@code dermlip.shared} system
 * property, else the first {@code shared} folder found beside an ancestor. Fails, never skips, when it is missing.
 */
final class SharedData {

    private SharedData() {
    }

    static Path root() {
        String property = System.getProperty("dermlip.shared");
        if (property != null && Files.isDirectory(Path.of(property, "fixtures"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("fixtures"))) {
                return candidate.normalize();
            }
        }
        throw new AssertionError("Reference data not found: expected a 'shared' folder with fixtures/ beside the"
                + " checkout (or -Ddermlip.shared=PATH)");
    }

    static Path require(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            throw new AssertionError("Missing reference data: " + path);
        }
        return path;
    }
}
