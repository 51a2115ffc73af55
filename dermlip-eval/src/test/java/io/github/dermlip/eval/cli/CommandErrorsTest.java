package io.github.dermlip.eval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in the input end the run with exit status 1 and one clear {@code error:} line, usage errors with 2. */
class CommandErrorsTest {

    @Test
    void missingWeightsNameTheDirectoryAndTheExpectedFiles(@TempDir Path tmp) throws Exception {
        Files.copy(CliFixtures.dir(CliFixtures.GELU).resolve("open_clip_config.json"), tmp.resolve("open_clip_config.json"));
        CliFixtures.Run run = CliFixtures.run("embed", "--model", tmp.toString(), "--texts",
                CliFixtures.dir(CliFixtures.GELU).resolve("captions.txt").toString(), "--out",
                tmp.resolve("out").toString(), "--vocab", CliFixtures.vocab());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: " + tmp), run.err());
        assertTrue(run.err().contains("open_clip_model.safetensors") && run.err().contains("open_clip_pytorch_model.bin"),
                run.err());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
    }

    @Test
    void aMissingVocabularySaysWhereToGetIt(@TempDir Path tmp) {
        Path vocab = tmp.resolve("bpe_simple_vocab_16e6.txt.gz");
        CliFixtures.Run run = CliFixtures.run("tokenize", "--texts",
                CliFixtures.dir(CliFixtures.GELU).resolve("captions.txt").toString(), "--out",
                tmp.resolve("ids.npy").toString(), "--vocab", vocab.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(vocab + " does not exist") && run.err().contains("sha256"), run.err());

        run = CliFixtures.run("classify", "--model", CliFixtures.dir(CliFixtures.GELU).toString(), "--images",
                CliFixtures.dir(CliFixtures.GELU).resolve("images").toString(), "--classes", "ddi", "--vocab",
                vocab.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(vocab + " does not exist"), run.err());
    }

    @Test
    void unknownClassListsMissingImageFoldersAndMissingInputsAreReported(@TempDir Path tmp) {
        String model = CliFixtures.dir(CliFixtures.GELU).toString();
        CliFixtures.Run run = CliFixtures.run("classify", "--model", model, "--images",
                CliFixtures.dir(CliFixtures.GELU).resolve("images").toString(), "--classes", "no-such-list",
                "--vocab", CliFixtures.vocab());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no-such-list") && run.err().contains("ham10000"), run.err());

        Path missing = tmp.resolve("missing");
        run = CliFixtures.run("embed", "--model", model, "--images", missing.toString(), "--out",
                tmp.resolve("out").toString(), "--vocab", CliFixtures.vocab());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(missing.toString()), run.err());

        run = CliFixtures.run("embed", "--model", model, "--out", tmp.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("give --images DIR, --texts FILE or both"), run.err());
    }

    @Test
    void withoutASubcommandTheUsageListsEveryCommand() {
        CliFixtures.Run run = CliFixtures.run();
        assertEquals(0, run.exitCode());
        for (String command : new String[] {"embed", "tokenize", "classify", "throughput"}) {
            assertTrue(run.out().contains(command), run.out());
        }
    }
}
