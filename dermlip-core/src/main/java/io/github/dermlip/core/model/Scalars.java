package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands for operations that autograd records.
 *
 * <p>DJL's {@code NDArray.mul(Number)}, {@code div(Number)}, {@code maximum(Number)} and the like wrap the number
 * in a 0-d array that aliases a Java direct buffer, and close that array as soon as the operation returns. Where
 * autograd saves the scalar for the backward pass (a product, a quotient, a maximum), the garbage collector may
 * free the buffer before the backward pass reads it, and the gradients silently become garbage. {@link #of} makes
 * the scalar in memory that libtorch allocates and reference-counts, which autograd keeps alive for as long as it
 * needs it.
 */
public final class Scalars {
    private Scalars() {}

    /** A 0-d array holding {@code value}, of the data type of {@code like}, owned by its manager. */
    public static NDArray of(float value, NDArray like) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }
}
