package io.github.dermlip.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch eager peer, {@code benchmarks/python/reference_bench.py}, run by a Python interpreter that has
 * torch, either with the script's own CLIP or, given an open_clip source tree, with real open_clip. Each call is
 * a process of its own, so the training row's peak memory is that of training alone.
 */
public final class PythonReference {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String interpreter;
    private final Path script;
    private final String torchVersion;
    private final Path openClipSource;

    private PythonReference(String interpreter, Path script, String torchVersion, Path openClipSource) {
        this.interpreter = interpreter;
        this.script = script;
        this.torchVersion = torchVersion;
        this.openClipSource = openClipSource;
    }

    /**
     * Checks that {@code script} exists, that {@code interpreter} imports torch and that {@code openClipSource},
     * when given, is a folder.
     *
     * @param openClipSource an open_clip source tree (holding {@code src/open_clip}) to run as the peer, or null
     * @throws IllegalStateException saying what is missing
     */
    public static PythonReference locate(String interpreter, Path script, Path openClipSource)
            throws InterruptedException {
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("the reference script " + script + " does not exist");
        }
        if (openClipSource != null && !Files.isDirectory(openClipSource)) {
            throw new IllegalStateException("--open-clip-src " + openClipSource + " is not a folder");
        }
        try {
            Process process = new ProcessBuilder(interpreter, "-c", "import torch; print(torch.__version__)")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroy();
                throw new IllegalStateException(interpreter + " did not answer within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(interpreter + " cannot import torch: " + lastLine(output));
            }
            return new PythonReference(interpreter, script, lastLine(output), openClipSource);
        } catch (IOException e) {
            throw new IllegalStateException(interpreter + " cannot be run: " + e.getMessage(), e);
        }
    }

    /** The torch version the interpreter imports. */
    public String torchVersion() {
        return torchVersion;
    }

    /**
     * Runs the script with {@code args} and returns the JSON object it prints last.
     *
     * @throws IllegalStateException when it fails or prints no JSON
     */
    public JsonNode run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(interpreter);
        command.add(script.toString());
        command.addAll(args);
        if (openClipSource != null) {
            command.add("--open-clip-src");
            command.add(openClipSource.toAbsolutePath().toString());
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        String line = lastLine(output);
        if (!line.startsWith("{")) {
            throw new IllegalStateException(script + " printed no JSON result; last line: " + line);
        }
        return JSON.readTree(line);
    }

    private static String lastLine(String text) {
        int newline = text.lastIndexOf('\n');
        return newline < 0 ? text : text.substring(newline + 1);
    }
}
