package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.retrieval.PairRanks;
import io.github.dermlip.core.retrieval.RankSummary;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retrieval ranks on a hand-made case. With unit features I = [e1, e2, e3] and T = [e1, e3, (e2+e3)/sqrt 2], the
 * similarities are [[1, 0, 0], [0, 0, .71], [0, 1, .71]]: image 0 finds text 0 first (rank 0), image 1 finds text 1
 * behind text 2 and behind text 0, which ties it at 0 with a lower index (rank 2), image 2 finds text 2 behind
 * text 1 (rank 1). As queries, text 0 finds image 0 (rank 0), text 1 = e3 finds image 2 first and image 0 ties it
 * at 0 (rank 2), and text 2 ties images 1 and 2 at .71, where the lower index wins (rank 1).
 */
class RetrievalMetricsTest {

    @Test
    void ranksAndRecallsMatchTheHandComputation() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float h = (float) Math.sqrt(0.5);
            NDArray images = manager.create(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}).reshape(3, 3);
            NDArray texts = manager.create(new float[] {1, 0, 0, 0, 0, 1, 0, h, h}).reshape(3, 3);
            Map<String, Double> m = RetrievalMetrics.compute(images, texts);
            assertEquals(1.0 / 3, m.get("image_to_text_R@1"), 1e-12);
            assertEquals(1.0, m.get("image_to_text_R@5"), 1e-12);
            assertEquals(2.0, m.get("image_to_text_mean_rank"), 1e-12);
            assertEquals(2.0, m.get("image_to_text_median_rank"), 1e-12);
            assertEquals(1.0 / 3, m.get("text_to_image_R@1"), 1e-12);
            assertEquals(2.0, m.get("text_to_image_median_rank"), 1e-12);
        }
    }

    /**
     * Duplicate captions give exactly tied similarities. Training's validation metrics must read what eval's
     * retrieval reads on the same features: the R@1 of the duplicated half is 0 under the index tie rule (a rule
     * counting only strictly greater scores would give 1).
     */
    @Test
    void duplicateCaptionsScoreAsEvalScoresThem() {
        int n = 6;
        float[] images = new float[n * 2];
        float[] texts = new float[n * 2];
        for (int i = 0; i < n; i++) {
            // pairs 2j and 2j+1 share the caption at angle 0.6j; image 2j+1 sits 0.1 off it
            double caption = i / 2 * 0.6;
            double angle = caption + (i % 2) * 0.1;
            images[2 * i] = (float) Math.cos(angle);
            images[2 * i + 1] = (float) Math.sin(angle);
            texts[2 * i] = (float) Math.cos(caption);
            texts[2 * i + 1] = (float) Math.sin(caption);
        }
        PairRanks expected = PairRanks.ofEmbeddings(images, texts, n, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, Double> m = RetrievalMetrics.compute(manager.create(images).reshape(n, 2),
                    manager.create(texts).reshape(n, 2));
            assertEquals(RankSummary.recallAt(expected.imageToText(), 1), m.get("image_to_text_R@1"), 0);
            assertEquals(RankSummary.meanRank(expected.textToImage()), m.get("text_to_image_mean_rank"), 0);
            assertEquals(0.5, m.get("image_to_text_R@1"), 1e-12);
        }
    }
}
