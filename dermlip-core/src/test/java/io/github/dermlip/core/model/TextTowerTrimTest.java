package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text tower stops at the batch's last end-of-text token without changing its output. Shorter matrices
 * may sum in another order, so "identical" allows float32 rounding ({@value #ROUNDING}).
 */
class TextTowerTrimTest {
    private static final float ROUNDING = 1e-5f;

    @ParameterizedTest
    @ValueSource(strings = {FixtureTensors.GELU, FixtureTensors.QUICKGELU_CUSTOMTEXT})
    void trimmedEqualsUntrimmed(String fixture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = FixtureTensors.loadedModel(fixture, manager);
            NDArray all = FixtureTensors.expected(fixture, manager).get("input_ids");
            long[] ids = all.toLongArray();
            int rows = (int) all.getShape().get(0);
            int context = (int) all.getShape().get(1);
            int shortest = 0;
            for (int r = 0; r < rows; r++) {
                if (eotPosition(ids, r, context) < eotPosition(ids, shortest, context)) {
                    shortest = r;
                }
            }
            // every caption but the >77-token one, so the batch is really cut short
            NDArray batch = all.get(":7");
            int longestEot = 0;
            for (int r = 0; r < 7; r++) {
                longestEot = Math.max(longestEot, eotPosition(ids, r, context));
            }
            assertTrue(longestEot + 1 < context, "the test batch must leave positions to skip");

            ParameterStore store = new ParameterStore(manager, false);
            NDArray trimmed = model.text().encode(store, batch, false);
            NDArray full = ((TextTransformer) model.text()).encodeUntrimmed(store, batch, false);
            float error = FixtureTensors.maxAbsDiff(trimmed, full);
            System.out.printf("%s: trimmed to %d of %d positions, max abs difference %.3g%n",
                    fixture, longestEot + 1, context, error);
            assertTrue(error <= ROUNDING, "trimmed and untrimmed differ by " + error);

            NDArray single = all.get(shortest + ":" + (shortest + 1));
            float singleError = FixtureTensors.maxAbsDiff(model.text().encode(store, single, false),
                    ((TextTransformer) model.text()).encodeUntrimmed(store, single, false));
            System.out.printf("%s: shortest caption alone, max abs difference %.3g%n", fixture, singleError);
            assertTrue(singleError <= ROUNDING, "single shortest caption differs by " + singleError);
        }
    }

    @Test
    void causalMasksAreBuiltOncePerLengthWithMinusInfinityAboveTheDiagonal() {
        try (NDManager manager = NDManager.newBaseManager()) {
            CausalMaskCache cache = new CausalMaskCache();
            cache.ownedBy(manager);
            NDArray like = manager.zeros(new Shape(1));
            NDArray mask = cache.get(3, like);
            assertSame(mask, cache.get(3, like));
            assertNotSame(mask, cache.get(4, like));
            float inf = Float.NEGATIVE_INFINITY;
            assertEquals(new Shape(3, 3), mask.getShape());
            float[] values = mask.toFloatArray();
            float[] expected = {0, inf, inf, 0, 0, inf, 0, 0, 0};
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], values[i], "element " + i);
            }
        }
    }

    @Test
    void refusesIdsLongerThanTheContext() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.create(FixtureTensors.config(FixtureTensors.GELU), manager);
            NDArray ids = manager.ones(new Shape(1, 78)).toType(ai.djl.ndarray.types.DataType.INT64, false);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.encodeText(ids));
            assertTrue(e.getMessage().contains("(1, 78)"), e.getMessage());
        }
    }

    private static int eotPosition(long[] ids, int row, int context) {
        int best = 0;
        for (int c = 1; c < context; c++) {
            if (ids[row * context + c] > ids[row * context + best]) {
                best = c;
            }
        }
        return best;
    }
}
