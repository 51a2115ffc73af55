package io.github.dermlip.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values are computed by hand from the bit layouts (sign, exponent, mantissa). */
class HalfPrecisionTest {

    private static void assertHalf(int half, int expectedFloatBits) {
        float f = HalfPrecision.halfToFloat((short) half);
        assertEquals(Integer.toHexString(expectedFloatBits), Integer.toHexString(Float.floatToRawIntBits(f)),
                "half 0x" + Integer.toHexString(half));
    }

    private static void assertBf16(int bf16, int expectedFloatBits) {
        float f = HalfPrecision.bfloat16ToFloat((short) bf16);
        assertEquals(Integer.toHexString(expectedFloatBits), Integer.toHexString(Float.floatToRawIntBits(f)),
                "bf16 0x" + Integer.toHexString(bf16));
    }

    @Test
    void halfZerosAndNormals() {
        assertHalf(0x0000, 0x0000_0000);
        assertHalf(0x8000, 0x8000_0000);             // -0.0
        assertEquals(1.0f, HalfPrecision.halfToFloat((short) 0x3C00));
        assertEquals(-2.0f, HalfPrecision.halfToFloat((short) 0xC000));
        assertEquals(65504.0f, HalfPrecision.halfToFloat((short) 0x7BFF));     // largest finite
        assertEquals(0x1p-14f, HalfPrecision.halfToFloat((short) 0x0400));     // smallest normal
        // exponent 13, mantissa 341: 2^-2 * (1 + 341/1024)
        assertEquals(0.333251953125f, HalfPrecision.halfToFloat((short) 0x3555));
    }

    @Test
    void halfSubnormals() {
        assertEquals(0x1p-24f, HalfPrecision.halfToFloat((short) 0x0001));     // smallest subnormal
        assertEquals(-0x1p-24f, HalfPrecision.halfToFloat((short) 0x8001));
        assertEquals(1023 * 0x1p-24f, HalfPrecision.halfToFloat((short) 0x03FF)); // largest subnormal
        assertEquals(0x1p-15f, HalfPrecision.halfToFloat((short) 0x0200));
    }

    @Test
    void halfInfinitiesAndNaNs() {
        assertEquals(Float.POSITIVE_INFINITY, HalfPrecision.halfToFloat((short) 0x7C00));
        assertEquals(Float.NEGATIVE_INFINITY, HalfPrecision.halfToFloat((short) 0xFC00));
        assertHalf(0x7E00, 0x7FC0_0000);             // canonical quiet NaN
        assertHalf(0x7E01, 0x7FC0_2000);             // payload shifted into place
        assertHalf(0xFE00, 0xFFC0_0000);             // negative NaN
        assertTrue(Float.isNaN(HalfPrecision.halfToFloat((short) 0x7C01)));
    }

    @Test
    void halfIsExactForEveryPattern() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfPrecision.halfToFloat((short) h);
            int exponent = (h >>> 10) & 0x1F;
            int mantissa = h & 0x3FF;
            double expected = exponent == 0 ? mantissa * Math.pow(2, -24)
                    : exponent == 31 ? (mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                    : (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
            expected = (h & 0x8000) != 0 ? -expected : expected;
            assertEquals(expected, (double) f, 0.0, "half 0x" + Integer.toHexString(h));
        }
    }

    @Test
    void bfloat16() {
        assertEquals(1.0f, HalfPrecision.bfloat16ToFloat((short) 0x3F80));
        assertEquals(-1.0f, HalfPrecision.bfloat16ToFloat((short) 0xBF80));
        assertEquals(3.140625f, HalfPrecision.bfloat16ToFloat((short) 0x4049));
        assertBf16(0x8000, 0x8000_0000);             // -0.0
        assertEquals(Float.POSITIVE_INFINITY, HalfPrecision.bfloat16ToFloat((short) 0x7F80));
        assertEquals(Float.NEGATIVE_INFINITY, HalfPrecision.bfloat16ToFloat((short) 0xFF80));
        assertBf16(0x7FC0, 0x7FC0_0000);             // NaN
        assertEquals(0x1p-133f, HalfPrecision.bfloat16ToFloat((short) 0x0001)); // smallest subnormal
        assertEquals(0x1.FEp127f, HalfPrecision.bfloat16ToFloat((short) 0x7F7F)); // largest finite
    }
}
