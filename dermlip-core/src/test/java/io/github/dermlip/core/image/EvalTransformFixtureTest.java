package io.github.dermlip.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.config.PreprocessConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parity with open_clip 3.3.0's eval transform: the fixtures' {@code pixel_values} were made by Pillow and
 * torchvision from the same image files.
 */
class EvalTransformFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tiny-gelu", "tiny-quickgelu-customtext"})
    void matchesOpenClipPixelValues(String model) throws IOException {
        Path dir = SharedFixtures.openClipModel(model);
        PreprocessConfig pre = OpenClipConfigReader.read(dir.resolve("open_clip_config.json")).preprocess();
        EvalTransform transform = new EvalTransform(pre);
        int s = pre.size();
        JsonNode images = JSON.readTree(dir.resolve("expected.json").toFile()).get("images");
        Tensor expected = readF32(dir.resolve("expected.safetensors"), "pixel_values");
        assertArrayEquals(new long[] {images.size(), 3, s, s}, expected.shape());

        double worstMax = 0;
        for (int n = 0; n < images.size(); n++) {
            String name = images.get(n).asText();
            float[] actual = transform.apply(ImageDecoder.decode(dir.resolve("images").resolve(name)), null);
            assertEquals(3 * s * s, actual.length);
            double max = 0;
            double sum = 0;
            double maxRaw = 0;
            for (int c = 0; c < 3; c++) {
                double mean = pre.mean().get(c);
                double std = pre.std().get(c);
                for (int i = 0; i < s * s; i++) {
                    int at = c * s * s + i;
                    maxRaw = Math.max(maxRaw, Math.abs(actual[at] - expected.data()[n * 3 * s * s + at]));
                    double want = (expected.data()[n * 3 * s * s + at] * std + mean) * 255;
                    double got = (actual[at] * std + mean) * 255;
                    double err = Math.abs(got - want);
                    max = Math.max(max, err);
                    sum += err;
                }
            }
            double meanErr = sum / (3 * s * s);
            System.out.printf("%s %s: max |error| %.4f levels, mean %.5f levels (normalized max |diff| %.3g)%n",
                    model, name, max, meanErr, maxRaw);
            assertTrue(max <= 2.0 + 1e-3, name + ": max error " + max + " levels");
            assertTrue(meanErr <= 0.5, name + ": mean error " + meanErr + " levels");
            worstMax = Math.max(worstMax, max);
        }
        System.out.printf("%s: worst max |error| over all images %.4f levels of 255%n", model, worstMax);
    }

    /** A float32 tensor read from a safetensors file. */
    private record Tensor(long[] shape, float[] data) {}

    private static Tensor readF32(Path file, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) buf.getLong(0);
        JsonNode entry = JSON.readTree(new String(bytes, 8, headerLength, StandardCharsets.UTF_8)).get(name);
        assertEquals("F32", entry.get("dtype").asText(), name + " dtype");
        long[] shape = new long[entry.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = entry.get("shape").get(i).asLong();
        }
        int begin = 8 + headerLength + entry.get("data_offsets").get(0).asInt();
        int end = 8 + headerLength + entry.get("data_offsets").get(1).asInt();
        float[] data = new float[(end - begin) / 4];
        buf.position(begin);
        buf.asFloatBuffer().get(data);
        return new Tensor(shape, data);
    }
}
