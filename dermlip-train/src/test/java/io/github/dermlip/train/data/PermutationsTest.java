package io.github.dermlip.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermutationsTest {

    @Test
    void aShuffleIsAPermutationFixedByItsSeed() {
        int[] order = Permutations.shuffled(1000, new SplittableRandom(7));

        assertArrayEquals(Permutations.identity(1000), Arrays.stream(order).sorted().toArray());
        assertArrayEquals(order, Permutations.shuffled(1000, new SplittableRandom(7)));
        assertFalse(Arrays.equals(order, Permutations.identity(1000)));
    }

    @Test
    void theShuffleIsFisherYatesFromTheTop() {
        SplittableRandom rng = new SplittableRandom(3);
        int[] expected = {0, 1, 2, 3};
        for (int i = 3; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = expected[i];
            expected[i] = expected[j];
            expected[j] = tmp;
        }

        assertArrayEquals(expected, Permutations.shuffled(4, new SplittableRandom(3)));
    }

    @Test
    void epochSeedsDifferAcrossEpochsPurposesAndPositions() {
        assertNotEquals(EpochSeeds.permutation(1, 0), EpochSeeds.permutation(1, 1));
        assertNotEquals(EpochSeeds.permutation(1, 0), EpochSeeds.permutation(2, 0));
        assertNotEquals(EpochSeeds.permutation(1, 0), EpochSeeds.shardOrder(1, 0));
        assertNotEquals(EpochSeeds.shardOrder(1, 0), EpochSeeds.shuffleBuffer(1, 0));
        assertNotEquals(EpochSeeds.sample(1, 0, 5), EpochSeeds.sample(1, 0, 6));
        assertNotEquals(EpochSeeds.sample(1, 0, 5), EpochSeeds.sample(1, 1, 5));
    }
}
