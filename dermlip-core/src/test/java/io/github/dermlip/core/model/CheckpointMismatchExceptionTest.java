package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CheckpointMismatchExceptionTest {
    @Test
    @Timeout(5)
    void aMillionUnexpectedKeysGiveAShortMessageThatCountsTheRest() {
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < 1_400_000; i++) {
            unexpected.add("t" + i);
        }
        Map<String, String> mismatched = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            mismatched.put("m" + i, "checkpoint (0) float32, model (4) floating point");
        }
        CheckpointMismatchException e = new CheckpointMismatchException("evil.safetensors", List.of("logit_scale"),
                unexpected, mismatched, "");
        String message = e.getMessage();
        assertTrue(message.length() < 4000, "message of " + message.length() + " characters");
        assertTrue(message.startsWith("evil.safetensors: checkpoint does not match the model; 1 missing keys: [logit_scale]"),
                message);
        assertTrue(message.contains("1400000 unexpected keys: [t0, t1, "), message);
        assertTrue(message.contains("t19, and 1399980 more]"), message);
        assertTrue(message.contains("m19 (checkpoint (0) float32, model (4) floating point) and 10 more"), message);
        assertEquals(1_400_000, e.unexpected().size(), "the full lists stay available");
    }
}
