package io.github.dermlip.eval.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.io.TensorData;
import io.github.dermlip.eval.probe.Npy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizeCommandTest {

    @Test
    void idsEqualOpenClipsInputIds(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("nested/ids.npy");
        CliFixtures.Run run = CliFixtures.run("tokenize", "--texts",
                CliFixtures.dir(CliFixtures.GELU).resolve("captions.txt").toString(), "--out", out.toString(),
                "--vocab", CliFixtures.vocab());
        assertEquals(0, run.exitCode(), run.err());

        long[][] ids = Npy.readInt64(out);
        TensorData expected = CliFixtures.expected(CliFixtures.GELU, "input_ids");
        assertArrayEquals(expected.shape(), new long[] {ids.length, ids[0].length});
        long[] flat = new long[ids.length * ids[0].length];
        for (int r = 0; r < ids.length; r++) {
            System.arraycopy(ids[r], 0, flat, r * ids[r].length, ids[r].length);
        }
        assertArrayEquals(expected.longs(), flat);
        assertTrue(run.out().contains("8 rows of 77 token ids"), run.out());
    }

    @Test
    void aModelsHuggingFaceTokenizerGivesOpenClipsIds(@TempDir Path tmp) throws Exception {
        String fixture = "tiny-panderm-bert-mean";
        Path out = tmp.resolve("ids.npy");
        CliFixtures.Run run = CliFixtures.run("tokenize", "--texts", CliFixtures.dir(fixture).resolve("captions.txt")
                .toString(), "--out", out.toString(), "--model", CliFixtures.dir(fixture).toString());
        assertEquals(0, run.exitCode(), run.err());

        long[][] ids = Npy.readInt64(out);
        long[] flat = new long[ids.length * ids[0].length];
        for (int r = 0; r < ids.length; r++) {
            System.arraycopy(ids[r], 0, flat, r * ids[r].length, ids[r].length);
        }
        assertArrayEquals(CliFixtures.expected(fixture, "input_ids").longs(), flat);
        assertTrue(run.out().contains("8 rows of 32 token ids"), run.out());
    }

    @Test
    void aShorterContextLengthCutsRowsWithTheEndToken(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("ids.npy");
        CliFixtures.Run run = CliFixtures.run("tokenize", "--texts",
                CliFixtures.dir(CliFixtures.GELU).resolve("captions.txt").toString(), "--out", out.toString(),
                "--vocab", CliFixtures.vocab(), "--context-length", "8");
        assertEquals(0, run.exitCode(), run.err());
        long[][] ids = Npy.readInt64(out);
        long[] full = CliFixtures.expected(CliFixtures.GELU, "input_ids").longs();
        assertEquals(8, ids[0].length);
        for (int c = 0; c < 7; c++) {
            assertEquals(full[c], ids[0][c], "row 0 id " + c);
        }
        assertEquals(49407, ids[2][7], "a long caption ends with <end_of_text>");
    }
}
