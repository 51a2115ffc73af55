package io.github.dermlip.core.io;

/**
 * Exact widening of 16-bit floating formats to float32.
 *
 * <p>Every binary16 and bfloat16 value, including subnormals, infinities, signed zeros and NaN payloads,
 * has an exact float32 representation, so no rounding happens here.
 */
public final class HalfPrecision {
    private static final int F16_EXPONENT_MASK = 0x1F;
    private static final int F16_MANTISSA_MASK = 0x3FF;
    /** float32 exponent bias (127) minus binary16 exponent bias (15). */
    private static final int EXPONENT_REBIAS = 127 - 15;
    /** 2^-24, the value of the smallest binary16 subnormal. */
    private static final float F16_SUBNORMAL_UNIT = 0x1p-24f;

    private HalfPrecision() {}

    /** The float32 value of the IEEE 754 binary16 number with bit pattern {@code half}. */
    public static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & F16_EXPONENT_MASK;
        int mantissa = bits & F16_MANTISSA_MASK;
        if (exponent == F16_EXPONENT_MASK) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mantissa << 13));
        }
        if (exponent != 0) {
            return Float.intBitsToFloat(sign | ((exponent + EXPONENT_REBIAS) << 23) | (mantissa << 13));
        }
        float magnitude = mantissa * F16_SUBNORMAL_UNIT;
        return sign != 0 ? -magnitude : magnitude;
    }

    /** The float32 value of the bfloat16 number with bit pattern {@code bf16}. */
    public static float bfloat16ToFloat(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xFFFF) << 16);
    }
}
