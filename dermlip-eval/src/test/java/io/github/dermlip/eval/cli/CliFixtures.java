package io.github.dermlip.eval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.io.TensorData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The shared open_clip fixtures and a way to run the command line with its output captured. */
final class CliFixtures {
    static final String GELU = "tiny-gelu";
    static final String QUICKGELU_CUSTOMTEXT = "tiny-quickgelu-customtext";

    private CliFixtures() {}

    static Path dir(String fixture) {
        return SharedFixtures.openClipModel(fixture);
    }

    static String vocab() {
        return SharedFixtures.bpeVocab().toString();
    }

    /** Image file names in the order of the expected tensors' rows. */
    static List<String> expectedImageOrder(String fixture) throws IOException {
        JsonNode json = new ObjectMapper().readTree(dir(fixture).resolve("expected.json").toFile());
        List<String> names = new ArrayList<>();
        json.get("images").forEach(n -> names.add(n.asText()));
        return names;
    }

    static TensorData expected(String fixture, String name) throws IOException {
        return StateDict.read(dir(fixture).resolve("expected.safetensors")).get(name);
    }

    /** The outcome of one command-line run. */
    record Run(int exitCode, String out, String err) {}

    /** Runs {@link EvalCommand#commandLine()} with {@code args}, capturing standard output and error. */
    static Run run(String... args) {
        return run(EvalCommand.commandLine(), args);
    }

    /** Runs a given command line with {@code args}, capturing standard output and error. */
    static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
