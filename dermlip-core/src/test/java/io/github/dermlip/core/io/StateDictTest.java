package io.github.dermlip.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDictTest {
    @TempDir
    Path tmp;

    @Test
    void formatIsDetectedByContentNotExtension() throws IOException {
        Path safetensorsNamedBin = tmp.resolve("weights.bin");
        SafetensorsWriter.write(safetensorsNamedBin, Map.of("w", TensorData.ofFloats(new long[] {1}, new float[] {7})));
        assertArrayEquals(new float[] {7}, StateDict.read(safetensorsNamedBin).get("w").floats());

        Path zipNamedSafetensors = tmp.resolve("weights.safetensors");
        Files.write(zipNamedSafetensors, TorchZip.checkpoint(TorchZip.singleTensorPickle("w", 1, 0, new long[] {1}, new long[] {1}),
                Map.of("0", TorchZip.f32(9))));
        assertArrayEquals(new float[] {9}, StateDict.read(zipNamedSafetensors).get("w").floats());
    }

    @Test
    void shapesComeFromTheHeaderOrPickleAloneInFileOrder() throws IOException {
        Path safetensors = tmp.resolve("weights.safetensors");
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        tensors.put("b", TensorData.ofFloats(new long[] {2, 3}, new float[6]));
        tensors.put("a", TensorData.ofFloats(new long[] {4}, new float[4]));
        SafetensorsWriter.write(safetensors, tensors);
        Map<String, long[]> shapes = StateDict.shapes(safetensors);
        assertEquals(StateDict.read(safetensors).names(), shapes.keySet());
        assertArrayEquals(new long[] {2, 3}, shapes.get("b"));
        assertArrayEquals(new long[] {4}, shapes.get("a"));

        // The storage holds one float where the tensor needs two: reading the data fails, its shape does not.
        Path zip = tmp.resolve("short.bin");
        Files.write(zip, TorchZip.checkpoint(TorchZip.singleTensorPickle("w", 2, 0, new long[] {2}, new long[] {1}),
                Map.of("0", TorchZip.f32(9))));
        assertThrows(CheckpointFormatException.class, () -> StateDict.read(zip));
        assertArrayEquals(new long[] {2}, StateDict.shapes(zip).get("w"));
    }

    @Test
    void missingKeyNamesTheKeyTheFileAndSimilarKeys() throws IOException {
        Path file = tmp.resolve("model.safetensors");
        Map<String, TensorData> m = new LinkedHashMap<>();
        m.put("module.visual.proj", TensorData.ofFloats(new long[] {1}, new float[] {1}));
        m.put("logit_scale", TensorData.ofFloats(new long[] {}, new float[] {1}));
        SafetensorsWriter.write(file, m);
        StateDict sd = StateDict.read(file);
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> sd.get("visual.proj"));
        assertEquals("tensor 'visual.proj' not found in " + file + " (2 tensors; similar: [module.visual.proj])", e.getMessage());
        e = assertThrows(NoSuchElementException.class, () -> sd.get("text_projection"));
        assertEquals("tensor 'text_projection' not found in " + file + " (2 tensors)", e.getMessage());
        assertTrue(sd.contains("logit_scale"));
        assertFalse(sd.contains("visual.proj"));
        assertEquals(2, sd.size());
        assertEquals(file, sd.source());
        assertThrows(UnsupportedOperationException.class, () -> sd.asMap().remove("logit_scale"));
        assertThrows(UnsupportedOperationException.class, () -> sd.names().clear());
    }

    @Test
    void missingFileIsAnIoErrorNotAFormatError() {
        IOException e = assertThrows(IOException.class, () -> StateDict.read(tmp.resolve("absent.safetensors")));
        assertTrue(e instanceof NoSuchFileException, e.toString());
    }
}
