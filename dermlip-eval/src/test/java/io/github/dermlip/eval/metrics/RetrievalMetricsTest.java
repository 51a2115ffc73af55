package io.github.dermlip.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {
    private static final int[] KS = {1, 2, 3, 5};
    // [image][text]; the diagonal holds the true pairs.
    private static final float[][] LOGITS = {
        {0.9f, 0.1f, 0.2f, 0.3f},
        {0.8f, 0.5f, 0.7f, 0.1f},
        {0.3f, 0.3f, 0.3f, 0.6f},
        {0.2f, 0.9f, 0.1f, 0.4f}};

    @Test
    void ranksOfAHandMadeLogitMatrix() {
        RetrievalReport report = RetrievalMetrics.fromLogits(LOGITS, KS);
        // Image->text 0-based ranks: row 0 -> 0; row 1 -> 2 (0.8, 0.7 ahead); row 2 -> 3 (0.6 ahead, and the tied
        // 0.3s at columns 0 and 1 come first); row 3 -> 1 (0.9 ahead). Ranks {0, 2, 3, 1}.
        RetrievalDirection i2t = report.imageToText();
        assertEquals(2.5, i2t.meanRank(), 1e-12);
        assertEquals(2.0, i2t.medianRank(), 0); // floor(median{0,1,2,3} = 1.5) + 1
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1.0}, i2t.recallAtK(), 1e-12);
        // Text->image, by columns: col 0 -> 0; col 1 -> 1 (0.9); col 2 -> 1 (0.7); col 3 -> 1 (0.6). Ranks {0,1,1,1}.
        RetrievalDirection t2i = report.textToImage();
        assertEquals(1.75, t2i.meanRank(), 1e-12);
        assertEquals(2.0, t2i.medianRank(), 0);
        assertArrayEquals(new double[] {0.25, 1.0, 1.0, 1.0}, t2i.recallAtK(), 1e-12);
        assertEquals(1.0, t2i.recallAt(5), 0, "k >= N is reported, trivially 1");
    }

    @Test
    void embeddingsRankLikeTheirDotProducts() {
        float[][] images = {{1, 0, 0}, {0.6f, 0.8f, 0}, {0, 0, 1}, {0, 0.8f, 0.6f}};
        float[][] texts = {{0.8f, 0.6f, 0}, {0, 1, 0}, {0.6f, 0, 0.8f}, {0, 0.6f, 0.8f}};
        float[][] logits = new float[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                logits[i][j] = images[i][0] * texts[j][0] + images[i][1] * texts[j][1] + images[i][2] * texts[j][2];
            }
        }
        RetrievalReport fromEmbeddings = RetrievalMetrics.fromEmbeddings(images, texts);
        Map<String, Double> scalars = fromEmbeddings.scalars();
        RetrievalReport fromLogits = RetrievalMetrics.fromLogits(logits, RetrievalMetrics.DEFAULT_KS);
        assertEquals(fromLogits.scalars(), scalars);
        assertEquals(RetrievalMetrics.DEFAULT_KS.length * 2 + 4, scalars.size());
        assertEquals(1.0, scalars.get("image_to_text_R@200"), 0);
    }

    @Test
    void perfectPairsRankFirst() {
        float[] flat = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        RetrievalReport report = RetrievalMetrics.fromEmbeddings(flat, flat, 3, 3, new int[] {1});
        assertEquals(1.0, report.imageToText().meanRank(), 0);
        assertEquals(1.0, report.textToImage().recallAt(1), 0);
        assertEquals(1.0, report.scalars().get("text_to_image_median_rank"), 0);
    }

    @Test
    void rejectsUnpairedInput() {
        assertThrows(IllegalArgumentException.class,
                () -> RetrievalMetrics.fromEmbeddings(new float[2][3], new float[3][3]));
        assertThrows(IllegalArgumentException.class,
                () -> RetrievalMetrics.fromLogits(new float[][] {{1, 2}, {3}}, KS));
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.fromLogits(LOGITS, new int[] {0}));
    }
}
