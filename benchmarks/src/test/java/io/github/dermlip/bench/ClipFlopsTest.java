package io.github.dermlip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import org.junit.jupiter.api.Test;

/** The FLOP formula against a matmul-by-matmul hand count for a tiny config. */
class ClipFlopsTest {
    private static final ModelConfig TINY = OpenClipConfigReader.parse("""
            {"embed_dim": 32,
             "vision_cfg": {"image_size": 32, "layers": 2, "width": 64, "patch_size": 8, "head_width": 32},
             "text_cfg": {"context_length": 77, "vocab_size": 1000, "width": 48, "heads": 2, "layers": 3}}""",
            "tiny").model();

    @Test
    void imageTowerMatchesHandCount() {
        long tokens = 4 * 4 + 1; // a 4 x 4 grid of 8-px patches and the class token
        long patchEmbedding = 2L * 16 * (3 * 8 * 8) * 64;
        long perLayer = 2L * tokens * 64 * (3 * 64) // fused q/k/v
                + 2L * tokens * tokens * 64 // q k^T over 2 heads of 32
                + 2L * tokens * tokens * 64 // scores times v
                + 2L * tokens * 64 * 64 // out_proj
                + 2L * tokens * 64 * 256 // c_fc
                + 2L * tokens * 256 * 64; // c_proj
        long projection = 2L * 64 * 32;
        assertEquals(patchEmbedding + 2 * perLayer + projection, ClipFlops.imageTower(TINY.vision(), 32));
        assertEquals(3_887_616L, ClipFlops.imageTower(TINY.vision(), 32)); // 393,216 + 2 x 1,745,152 + 4,096
    }

    @Test
    void textTowerCountsOnlyTheRunPositions() {
        long tokens = 12;
        long perLayer = 2L * tokens * 48 * 144 + 2 * (2L * tokens * tokens * 48) + 2L * tokens * 48 * 48
                + 2 * (2L * tokens * 48 * 192);
        assertEquals(3 * perLayer + 2L * 48 * 32, ClipFlops.textTower(TINY.text(), 32, 12));
    }

    @Test
    void trainingStepIsThreeForwardPassesOfTheBatchAndItsLogits() {
        long perPair = ClipFlops.imageTower(TINY.vision(), 32) + ClipFlops.textTower(TINY.text(), 32, 12);
        long logits = 2L * 5 * 5 * 32;
        assertEquals(3 * (5 * perPair + logits), ClipFlops.trainingStep(TINY, 5, 12));
    }
}
