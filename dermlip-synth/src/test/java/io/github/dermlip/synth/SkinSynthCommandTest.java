package io.github.dermlip.synth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line parses its flags, reports bad usage with status 2 and writes a dataset. */
class SkinSynthCommandTest {

    @Test
    void parsesEveryFlag() {
        SkinSynthCommand.Invocation inv = SkinSynthCommand.parse(new String[] {"--out", "x", "--seed", "9",
            "--size", "32", "--pretrain", "40", "--eval-train", "16", "--eval-val", "8", "--eval-test", "24",
            "--retrieval", "5", "--threads", "1"});
        assertEquals(Path.of("x"), inv.out());
        assertEquals(new SkinSynthOptions(9, 32, 40, 16, 8, 24, 5, 1), inv.options());
    }

    @Test
    void helpReturnsNoInvocation() {
        assertNull(SkinSynthCommand.parse(new String[] {"--help"}));
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, run("--seed", "1").status);
        assertEquals(2, run("--out", "x", "--size", "big").status);
        assertEquals(2, run("--out", "x", "--colour", "red").status);
        assertEquals(2, run("--out", "x", "--size", "4").status);
        Result missing = run("--out");
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("missing value after --out"), missing.err);
    }

    @Test
    void writesADataset(@TempDir Path dir) {
        Path out = dir.resolve("synth");
        Result result = run("--out", out.toString(), "--size", "32", "--pretrain", "10", "--eval-train", "8",
                "--eval-val", "8", "--eval-test", "8", "--retrieval", "3", "--threads", "1");
        assertEquals(0, result.status, result.err);
        assertTrue(result.out.contains("37 images"), result.out);
        assertTrue(Files.isRegularFile(out.resolve(DatasetLayout.DATASET_JSON)));
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SkinSynthCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
