package io.github.dermlip.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A peer under half of our matmul peak gets no ratios, and the note says why and how to fix it. */
class PeerCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode info(double peak) {
        return JSON.createObjectNode().put("implementation", "open_clip 3.3.0").put("torch_version", "1.13.0a0")
                .put("blas", "BLAS_INFO=generic; loaded: libopenblasp-r0.3.21.so").put(Keys.MATMUL, peak);
    }

    @Test
    void aPeerAtHalfOurPeakOrMoreRuns() {
        assertTrue(PeerCheck.of(info(184), 178).fullSpeed());
        assertTrue(PeerCheck.of(info(89), 178).fullSpeed());
    }

    @Test
    void aSlowedPeerIsRefusedWithTheFix() {
        PeerCheck check = PeerCheck.of(info(70), 277);
        assertFalse(check.fullSpeed());
        assertTrue(check.refusal().contains("70.0 GFLOP/s"), check.refusal());
        assertTrue(check.refusal().contains("libopenblas0-pthread"), check.refusal());
        assertTrue(check.description().contains("open_clip 3.3.0 on torch 1.13.0a0"), check.description());
        assertTrue(check.description().contains("libopenblasp-r0.3.21.so"), check.description());
    }
}
