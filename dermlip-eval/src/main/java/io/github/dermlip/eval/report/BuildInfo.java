package io.github.dermlip.eval.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * The library version and source revision recorded in a run's provenance, both fixed at build time: Maven writes
 * them into {@code build-info.properties} (resource filtering and the git-commit-id plugin), so nothing forks git
 * while a command runs.
 */
final class BuildInfo {
    private static final String RESOURCE = "build-info.properties";
    private static final Properties BUILD = load();

    private BuildInfo() {}

    /** The version this library was built as, or "development" when the classes were not built by Maven. */
    static String libraryVersion() {
        String version = BUILD.getProperty("version");
        return version == null || version.startsWith("${") ? "development" : version;
    }

    /** {@code git describe} of the checkout the library was built from, or null when it was not built from one. */
    static String gitDescribe() {
        String describe = BUILD.getProperty("describe");
        return describe == null || describe.isBlank() || describe.startsWith("${") ? null : describe;
    }

    /** The arguments joined by spaces, single-quoting those holding spaces or quotes. */
    static String commandLine(String[] args) {
        StringJoiner line = new StringJoiner(" ");
        for (String arg : args) {
            line.add(arg.isEmpty() || arg.matches(".*[\\s'\"].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg);
        }
        return line.toString();
    }

    private static Properties load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
        }
        return props;
    }
}
