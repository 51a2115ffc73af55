package io.github.dermlip.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.SharedFixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The open_clip fixtures hold the same state dict as safetensors and as a torch.save zip. */
class CheckpointFixturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"tiny-gelu", "tiny-quickgelu-customtext"})
    void safetensorsAndTorchZipHoldBitwiseEqualTensors(String model) throws Exception {
        Path dir = SharedFixtures.openClipModel(model);
        StateDict st = StateDict.read(dir.resolve("open_clip_model.safetensors"));
        StateDict pt = StateDict.read(dir.resolve("open_clip_pytorch_model.bin"));

        assertEquals(st.names(), pt.names());
        assertTrue(st.size() > 50, "a CLIP state dict has many tensors, got " + st.size());
        assertEquals(Map.of("format", "pt"), st.metadata());
        assertEquals(Map.of(), pt.metadata());
        assertEquals(dir.resolve("open_clip_pytorch_model.bin"), pt.source());
        for (String name : st.names()) {
            TensorData a = st.get(name);
            TensorData b = pt.get(name);
            assertEquals(DType.F32, a.dtype(), name);
            assertEquals(DType.F32, b.dtype(), name);
            assertArrayEquals(a.shape(), b.shape(), name);
            assertArrayEquals(rawBits(a.floats()), rawBits(b.floats()), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-gelu", "tiny-quickgelu-customtext"})
    void safetensorsTensorsAreListedInHeaderOrder(String model) throws Exception {
        Path file = SharedFixtures.openClipModel(model).resolve("open_clip_model.safetensors");
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        List<String> headerOrder = new ArrayList<>();
        new ObjectMapper().readTree(Arrays.copyOfRange(bytes, 8, 8 + headerLength)).fieldNames().forEachRemaining(headerOrder::add);
        headerOrder.remove("__metadata__");
        assertEquals(headerOrder, List.copyOf(StateDict.read(file).names()));
    }

    @Test
    void tinyGeluValuesMatchAnIndependentDecoding() throws Exception {
        // Values decoded with numpy from the raw file bytes.
        StateDict st = StateDict.read(SharedFixtures.openClipModel("tiny-gelu").resolve("open_clip_model.safetensors"));
        TensorData scale = st.get("logit_scale");
        assertEquals(0, scale.rank());
        assertEquals(1, scale.numel());
        assertEquals(0x4059ad38, Float.floatToRawIntBits(scale.floats()[0]));
        TensorData conv = st.get("visual.conv1.weight");
        assertArrayEquals(new long[] {64, 3, 8, 8}, conv.shape());
        assertArrayEquals(new float[] {0.03826915f, -0.0263209f, 0.01606685f},
                Arrays.copyOf(conv.floats(), 3), 1e-8f);
        TensorData pos = st.get("positional_embedding");
        assertArrayEquals(new long[] {77, 64}, pos.shape());
        double sum = 0;
        for (float v : pos.floats()) {
            sum += v;
        }
        assertEquals(-1.0836979775922373, sum, 1e-9);
    }

    @Test
    void expectedOutputsHoldInt64TokenIds() throws Exception {
        StateDict expected = StateDict.read(SharedFixtures.openClipModel("tiny-gelu").resolve("expected.safetensors"));
        assertEquals(List.of("image_embeds", "input_ids", "logits_per_image", "pixel_values", "text_embeds"),
                List.copyOf(expected.names()));
        TensorData ids = expected.get("input_ids");
        assertEquals(DType.I64, ids.dtype());
        assertArrayEquals(new long[] {8, 77}, ids.shape());
        long[] v = ids.longs();
        assertArrayEquals(new long[] {49406, 320, 839, 9840, 1282, 2867, 539, 320, 40862, 49407, 0, 0},
                Arrays.copyOf(v, 12));
        long sum = 0;
        int[] nonZeroPerRow = new int[8];
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (v[i] != 0) {
                nonZeroPerRow[i / 77]++;
            }
        }
        assertEquals(1777604L, sum);
        assertArrayEquals(new int[] {10, 13, 27, 17, 2, 4, 40, 77}, nonZeroPerRow);
        assertTrue(expected.get("image_embeds").isFloating());
    }

    static int[] rawBits(float[] v) {
        int[] bits = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            bits[i] = Float.floatToRawIntBits(v[i]);
        }
        return bits;
    }
}
