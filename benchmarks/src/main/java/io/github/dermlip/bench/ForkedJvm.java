package io.github.dermlip.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a main class of this module in a child JVM with the same class path, so that a measurement (peak
 * resident memory above all) covers that work alone. The child gets the given JVM options (heap size, GC),
 * DJL's offline flags and the given libtorch thread count; its standard error is passed through.
 *
 * @param jvmOptions options placed before the class path, e.g. {@code -Xmx512m}
 * @param threads libtorch intra-op threads
 * @param environment variables added to the child's environment (e.g. an OpenMP setting to compare)
 */
public record ForkedJvm(List<String> jvmOptions, int threads, Map<String, String> environment) {

    /** Copies the options and the environment. */
    public ForkedJvm {
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    /** A child with this process's environment. */
    public ForkedJvm(List<String> jvmOptions, int threads) {
        this(jvmOptions, threads, Map.of());
    }

    /** The child's command line for {@code mainClass} with {@code args}. */
    public List<String> command(Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dai.djl.offline=true");
        command.add("-Dai.djl.pytorch.graph_optimizer=false");
        command.add("-Dai.djl.pytorch.num_threads=" + threads);
        command.add("-Dai.djl.pytorch.num_interop_threads=1");
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    /** Runs the child to the end and returns its standard output lines; fails when it exits with an error. */
    public List<String> output(Class<?> mainClass, List<String> args) throws IOException, InterruptedException {
        Process process = start(mainClass, args, false);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        requireSuccess(mainClass, process.waitFor());
        return lines;
    }

    /** Runs the child to the end with its output shown on this process's console; returns its exit status. */
    public int runShowingOutput(Class<?> mainClass, List<String> args) throws IOException, InterruptedException {
        return start(mainClass, args, true).waitFor();
    }

    private Process start(Class<?> mainClass, List<String> args, boolean showOutput) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(mainClass, args));
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        if (showOutput) {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        }
        return builder.start();
    }

    private static void requireSuccess(Class<?> mainClass, int exit) {
        if (exit != 0) {
            throw new IllegalStateException("the forked JVM running " + mainClass.getSimpleName() + " exited with " + exit);
        }
    }

    /**
     * This module's class path: the URLs of the class loader that loaded it when that is a URL class loader (as
     * under {@code mvn exec:java}), else {@code java.class.path} (as under {@code java -cp}).
     */
    static String classPath() {
        if (ForkedJvm.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(toPath(url));
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("class path entry " + url + " is not a local file", e);
        }
    }
}
