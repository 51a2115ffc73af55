package io.github.dermlip.core.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ranks against a stable sort by decreasing similarity, written out in the test. */
class PairRanksTest {

    @Test
    void identicalEmbeddingsRankTheLowerIndexFirst() {
        float[][] same = {{1, 0}, {1, 0}, {1, 0}};
        PairRanks ranks = PairRanks.ofEmbeddings(same, same);
        assertArrayEquals(new int[] {0, 1, 2}, ranks.imageToText());
        assertArrayEquals(new int[] {0, 1, 2}, ranks.textToImage());
    }

    @Test
    void duplicateCaptionsMatchAStableArgsort() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 40;
        float[][] images = new float[n][6];
        float[][] texts = new float[n][6];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 6; d++) {
                images[i][d] = (float) random.nextGaussian();
                // every caption is written twice, so pairs 2j and 2j+1 share one text embedding
                texts[i][d] = i % 2 == 1 ? texts[i - 1][d] : (float) (images[i][d] + random.nextGaussian());
            }
        }
        float[][] logits = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < n; t++) {
                for (int d = 0; d < 6; d++) {
                    logits[i][t] += images[i][d] * texts[t][d];
                }
            }
        }
        PairRanks ranks = PairRanks.ofLogits(logits);
        for (int q = 0; q < n; q++) {
            int query = q;
            assertEquals(stableRank(n, query, t -> logits[query][t]), ranks.imageToText()[q], "image " + q);
            assertEquals(stableRank(n, query, i -> logits[i][query]), ranks.textToImage()[q], "text " + q);
        }
        int odd = 0;
        for (int q = 1; q < n; q += 2) {
            odd += ranks.imageToText()[q] > 0 ? 1 : 0;
        }
        assertEquals(n / 2, odd, "the second copy of a caption always sits behind the first");
    }

    @Test
    void summaryFollowsOpenClip() {
        int[] ranks = {0, 1, 1, 7};
        assertEquals(0.25, RankSummary.recallAt(ranks, 1));
        assertEquals(0.75, RankSummary.recallAt(ranks, 5));
        assertEquals(9.0 / 4 + 1, RankSummary.meanRank(ranks));
        assertEquals(2.0, RankSummary.medianRank(ranks));
        assertThrows(IllegalArgumentException.class, () -> RankSummary.recallAt(ranks, 0));
        assertThrows(IllegalArgumentException.class, () -> RankSummary.meanRank(new int[0]));
    }

    @Test
    void refusesMismatchedInputs() {
        assertThrows(IllegalArgumentException.class, () -> PairRanks.ofEmbeddings(new float[2][3], new float[3][3]));
        assertThrows(IllegalArgumentException.class, () -> PairRanks.ofLogits(new float[][] {{1, 2}, {3}}));
    }

    private static int stableRank(int n, int match, IntToDoubleFunction score) {
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer g) -> -score.applyAsDouble(g)))
                .mapToInt(Integer::intValue).toArray();
        for (int position = 0; position < n; position++) {
            if (order[position] == match) {
                return position;
            }
        }
        throw new AssertionError("match not found");
    }
}
