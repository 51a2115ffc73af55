package io.github.dermlip.eval.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/** The library version and source revision recorded in a run's provenance. */
final class BuildInfo {
    private static final String POM_PROPERTIES = "/META-INF/maven/io.github.dermlip/dermlip-eval/pom.properties";
    private static final long GIT_TIMEOUT_SECONDS = 5;

    private BuildInfo() {}

    /** The version from the jar's Maven metadata, or "development" when running from a build folder. */
    static String libraryVersion() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "development";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }

    /**
     * {@code git describe --tags --always --dirty} of the checkout this class was loaded from, or null when the
     * classes do not live inside a git checkout (an installed jar) or git is unavailable.
     */
    static String gitDescribe() {
        Path checkout = enclosingCheckout();
        if (checkout == null) {
            return null;
        }
        try {
            Process git = new ProcessBuilder("git", "-C", checkout.toString(), "describe", "--tags", "--always",
                    "--dirty").redirectErrorStream(true).start();
            if (!git.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroy();
                return null;
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.exitValue() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The arguments joined by spaces, single-quoting those holding spaces or quotes. */
    static String commandLine(String[] args) {
        StringJoiner line = new StringJoiner(" ");
        for (String arg : args) {
            line.add(arg.isEmpty() || arg.matches(".*[\\s'\"].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg);
        }
        return line.toString();
    }

    private static Path enclosingCheckout() {
        CodeSource source = BuildInfo.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path dir = Path.of(source.getLocation().toURI());
            for (; dir != null; dir = dir.getParent()) {
                if (Files.exists(dir.resolve(".git"))) {
                    return dir;
                }
            }
            return null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
