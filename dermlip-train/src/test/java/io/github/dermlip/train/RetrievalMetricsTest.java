package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retrieval ranks on a hand-made case. With unit features I = [e1, e2, e3] and T = [e1, e3, (e2+e3)/sqrt 2], the
 * similarities are [[1, 0, 0], [0, 0, .71], [0, 1, .71]]: image 0 finds text 0 first (rank 0), image 1 finds text 1
 * behind text 2 (rank 1), image 2 finds text 2 behind text 1 (rank 1).
 */
class RetrievalMetricsTest {

    @Test
    void ranksAndRecallsMatchTheHandComputation() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float h = (float) Math.sqrt(0.5);
            NDArray images = manager.create(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}).reshape(3, 3);
            NDArray texts = manager.create(new float[] {1, 0, 0, 0, 0, 1, 0, h, h}).reshape(3, 3);
            assertArrayEquals(new int[] {0, 1, 1}, RetrievalMetrics.ranks(images, texts));
            // texts as queries: text 0 -> image 0 (rank 0); text 1 = e3 -> image 1 scores 0, image 2 scores 1 (rank 1);
            // text 2 -> images score 0, .71, .71: own (image 2) ties with image 1, ties do not count (rank 0)
            assertArrayEquals(new int[] {0, 1, 0}, RetrievalMetrics.ranks(texts, images));
            Map<String, Double> m = RetrievalMetrics.compute(images, texts);
            assertEquals(1.0 / 3, m.get("image_to_text_R@1"), 1e-12);
            assertEquals(1.0, m.get("image_to_text_R@5"), 1e-12);
            assertEquals(2.0 / 3 + 1, m.get("image_to_text_mean_rank"), 1e-12);
            assertEquals(2.0, m.get("image_to_text_median_rank"), 1e-12);
            assertEquals(2.0 / 3, m.get("text_to_image_R@1"), 1e-12);
            assertEquals(1.0, m.get("text_to_image_median_rank"), 1e-12);
        }
    }
}
