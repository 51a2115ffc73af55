package io.github.dermlip.synth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options default to the demo sizes and reject impossible values with messages naming the field. */
class SkinSynthOptionsTest {

    @Test
    void defaultsAreTheDemoSizes() {
        SkinSynthOptions o = SkinSynthOptions.defaults();
        assertEquals(64, o.imageSize());
        assertEquals(3000, o.count(DatasetSplit.PRETRAIN));
        assertEquals(600, o.count(DatasetSplit.EVAL_TRAIN));
        assertEquals(200, o.count(DatasetSplit.EVAL_VAL));
        assertEquals(600, o.count(DatasetSplit.EVAL_TEST));
        assertEquals(500, o.count(DatasetSplit.RETRIEVAL));
        assertTrue(o.threads() >= 1);
    }

    @Test
    void withersChangeOneThing() {
        SkinSynthOptions o = SkinSynthOptions.defaults().withSeed(5).withImageSize(128).withThreads(3)
                .withSizes(10, 16, 16, 16, 4);
        assertEquals(new SkinSynthOptions(5, 128, 10, 16, 16, 16, 4, 3), o);
    }

    @Test
    void rejectsBadValues() {
        assertMessage("imageSize", () -> SkinSynthOptions.defaults().withImageSize(4));
        assertMessage("imageSize", () -> SkinSynthOptions.defaults().withImageSize(4096));
        assertMessage("pretrainPairs", () -> SkinSynthOptions.defaults().withSizes(0, 16, 16, 16, 1));
        assertMessage("evalVal", () -> SkinSynthOptions.defaults().withSizes(1, 16, 7, 16, 1));
        assertMessage("retrievalPairs", () -> SkinSynthOptions.defaults().withSizes(1, 16, 16, 16, 0));
        assertMessage("threads", () -> SkinSynthOptions.defaults().withThreads(0));
    }

    private static void assertMessage(String field, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
    }
}
