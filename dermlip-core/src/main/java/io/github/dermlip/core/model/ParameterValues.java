package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * Fetches parameter values for a forward pass on the device of the input.
 *
 * <p>A DJL operation attaches its result to the manager of its first operand. Where the input comes first
 * ({@code x.add(w)}, {@code linear(x, w, b)}) the plain value is enough. Where a parameter itself is the first
 * operand (the class token, a slice of the positional embedding, {@code exp(logit_scale)}), an op on the raw
 * value would attach its result to the model's long-lived manager and leak it every step; {@link #ownedByInput}
 * returns an aliasing view owned by the input's manager instead, so such results are freed with the step.
 */
final class ParameterValues {
    private ParameterValues() {}

    /** The parameter's value on the input's device, to be used as a non-first operand. */
    static NDArray of(ParameterStore store, Parameter parameter, NDArray input, boolean training) {
        return store.getValue(parameter, input.getDevice(), training);
    }

    /** A view of the parameter's value (gradients still flow to it) owned by the input's manager. */
    static NDArray ownedByInput(ParameterStore store, Parameter parameter, NDArray input, boolean training) {
        NDArray value = of(store, parameter, input, training);
        NDArray view = value.reshape(value.getShape());
        view.attach(input.getManager());
        return view;
    }
}
