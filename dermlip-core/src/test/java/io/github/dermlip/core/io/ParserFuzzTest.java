package io.github.dermlip.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.image.ImageDecodeException;
import io.github.dermlip.core.image.ImageDecoder;
import io.github.dermlip.core.tokenizer.BpeVocabulary;
import io.github.dermlip.core.tokenizer.ClipBpeTokenizer;
import io.github.dermlip.core.tokenizer.TokenizedBatch;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of valid inputs for every parser that reads files from strangers: each must either succeed or
 * fail with its documented exception type, never with anything else (a raw runtime exception, an error).
 */
class ParserFuzzTest {
    private static final int MUTATIONS = 300;

    @TempDir
    Path tmp;

    /** Flips bits, overwrites, inserts, deletes, duplicates and truncates: one to three edits per mutation. */
    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        for (int edits = 1 + random.nextInt(3); edits > 0 && b.length > 0; edits--) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) new int[] {0, 0xFF, 0x7F, 0x80, '9', '-', '"', '{'}[random.nextInt(8)];
                case 2 -> {
                    byte[] extra = new byte[1 + random.nextInt(8)];
                    random.nextBytes(extra);
                    b = splice(b, at, 0, extra);
                }
                case 3 -> b = splice(b, at, Math.min(b.length - at, 1 + random.nextInt(16)), new byte[0]);
                case 4 -> b = splice(b, at, 0, Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + random.nextInt(32))));
                default -> b = Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(insert);
        out.write(b, at + remove, b.length - at - remove);
        return out.toByteArray();
    }

    /** Reads every mutation of {@code valid} as a checkpoint file; only {@link CheckpointFormatException} may escape. */
    private void fuzzCheckpoint(byte[] valid, long seed) throws IOException {
        Random random = new Random(seed);
        Path file = tmp.resolve("fuzz.bin");
        int refused = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            Files.write(file, mutate(valid, random));
            try {
                StateDict.read(file);
            } catch (CheckpointFormatException e) {
                assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > MUTATIONS / 4, "the mutations reach the checks: " + refused + " refused");
    }

    @Test
    @Timeout(60)
    void safetensors() throws IOException {
        String header = "{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[16,24]}}";
        fuzzCheckpoint(SafetensorsBytes.of(header, new byte[24]), 1);
    }

    @Test
    @Timeout(60)
    void torchBin() throws IOException {
        byte[] pickle = new PickleWriter().proto(2).emptyDict().binPut(0).mark()
                .str("w").tensor("FloatStorage", "0", 4, 0, new long[] {2, 2}, new long[] {2, 1})
                .str("ids").tensor("LongStorage", "1", 2, 0, new long[] {2}, new long[] {1})
                .setItems().stop().toByteArray();
        fuzzCheckpoint(TorchZip.checkpoint(pickle, Map.of("0", TorchZip.f32(1, 2, 3, 4), "1", TorchZip.i64(5, 6))), 2);
    }

    @Test
    @Timeout(60)
    void configJson() throws IOException {
        byte[] valid = Files.readAllBytes(SharedFixtures.openClipModel("tiny-gelu").resolve("open_clip_config.json"));
        Random random = new Random(3);
        for (int i = 0; i < MUTATIONS; i++) {
            String text = new String(mutate(valid, random), StandardCharsets.UTF_8);
            try {
                OpenClipConfigReader.parse(text, "fuzz.json");
            } catch (ConfigException e) {
                assertTrue(e.getMessage().startsWith("fuzz.json: "), e.getMessage());
            }
        }
    }

    @Test
    @Timeout(60)
    void images() throws IOException {
        BufferedImage picture = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                picture.setRGB(x, y, (x * 10) << 16 | (y * 15) << 8 | (x + y) * 5);
            }
        }
        // Mutated headers may claim large sizes; a small pixel limit keeps the test fast without changing what it checks.
        String previous = System.setProperty("dermlip.image.maxPixels", "1000000");
        try {
            Random random = new Random(4);
            for (String format : List.of("png", "jpeg", "bmp", "gif")) {
                ByteArrayOutputStream encoded = new ByteArrayOutputStream();
                assertTrue(ImageIO.write(picture, format, encoded), format);
                for (int i = 0; i < MUTATIONS / 4; i++) {
                    try {
                        ImageDecoder.decode(mutate(encoded.toByteArray(), random), "fuzz." + format);
                    } catch (ImageDecodeException e) {
                        assertTrue(e.getMessage().startsWith("fuzz." + format + ": "), e.getMessage());
                    }
                }
            }
        } finally {
            if (previous == null) {
                System.clearProperty("dermlip.image.maxPixels");
            } else {
                System.setProperty("dermlip.image.maxPixels", previous);
            }
        }
    }

    @Test
    @Timeout(60)
    void tokenizerStrings() {
        ClipBpeTokenizer tokenizer = new ClipBpeTokenizer(BpeVocabulary.load(SharedFixtures.bpeVocab()), 77);
        Random random = new Random(5);
        byte[] caption = "An asymmetric lesion &amp; blue-grey veil, 6mm — seen <start_of_text> on the back.".getBytes(
                StandardCharsets.UTF_8);
        for (int i = 0; i < MUTATIONS; i++) {
            String text = i % 3 == 0 ? randomUnicode(random) : new String(mutate(caption, random), StandardCharsets.UTF_8);
            TokenizedBatch batch = tokenizer.encode(List.of(text));
            long[] row = batch.ids()[0];
            assertEquals(77, row.length);
            assertEquals(49406, row[0], text);
            assertTrue(Arrays.stream(row).allMatch(id -> id >= 0 && id < 49408), text);
        }
    }

    private static String randomUnicode(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(200); n > 0; n--) {
            int cp = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x3000);
            if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                sb.appendCodePoint(cp);
            } else {
                sb.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
            }
        }
        return sb.toString();
    }
}
