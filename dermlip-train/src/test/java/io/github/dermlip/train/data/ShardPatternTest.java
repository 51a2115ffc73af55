package io.github.dermlip.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardPatternTest {

    @Test
    void expandsAZeroPaddedRange() {
        assertEquals(List.of("d/shards-000008.tar", "d/shards-000009.tar", "d/shards-000010.tar"),
                ShardPattern.expand("d/shards-{000008..000010}.tar"));
    }

    @Test
    void expandsAnUnpaddedRange() {
        assertEquals(List.of("s9.tar", "s10.tar", "s11.tar"), ShardPattern.expand("s{9..11}.tar"));
    }

    @Test
    void expandsListsAndCombinationsLeftmostSlowest() {
        assertEquals(List.of("a-0.tar", "a-1.tar", "b-0.tar", "b-1.tar"), ShardPattern.expand("{a,b}-{0..1}.tar"));
    }

    @Test
    void expandsDoubleColonSeparatedPatternsInTurn() {
        assertEquals(List.of("x1.tar", "x2.tar", "y.tar"), ShardPattern.expand("x{1..2}.tar::y.tar"));
    }

    @Test
    void aPlainNameIsItself() {
        assertEquals(List.of("one.tar"), ShardPattern.expand("one.tar"));
    }

    @Test
    void rejectsMalformedPatterns() {
        assertThrows(IllegalArgumentException.class, () -> ShardPattern.expand("s{1..3.tar"));
        assertThrows(IllegalArgumentException.class, () -> ShardPattern.expand("s1..3}.tar"));
        assertThrows(IllegalArgumentException.class, () -> ShardPattern.expand("s{5..3}.tar"));
        assertThrows(IllegalArgumentException.class, () -> ShardPattern.expand("s{abc}.tar"));
        assertThrows(IllegalArgumentException.class, () -> ShardPattern.expand("a.tar::"));
    }
}
