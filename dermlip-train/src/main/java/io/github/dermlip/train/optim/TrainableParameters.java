package io.github.dermlip.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The parameters an optimizer updates, in a fixed order, each with its open_clip name and whether it is decayed
 * ({@link WeightDecayRule}). Frozen parameters (a locked tower) are left out: they get no gradient, no update
 * and no decay.
 */
public final class TrainableParameters {
    private final List<String> names;
    private final List<Parameter> parameters;
    private final boolean[] decays;

    private TrainableParameters(List<String> names, List<Parameter> parameters) {
        this.names = Collections.unmodifiableList(names);
        this.parameters = Collections.unmodifiableList(parameters);
        decays = new boolean[names.size()];
        for (int i = 0; i < decays.length; i++) {
            decays[i] = WeightDecayRule.decays(names.get(i), parameters.get(i).getShape());
        }
    }

    /** The parameters of {@code named} (open_clip name to parameter) that require a gradient, in map order. */
    public static TrainableParameters of(Map<String, Parameter> named) {
        List<String> names = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            if (e.getValue().requiresGradient()) {
                names.add(e.getKey());
                parameters.add(e.getValue());
            }
        }
        return new TrainableParameters(names, parameters);
    }

    /** Number of trainable parameters (tensors). */
    public int size() {
        return names.size();
    }

    /** The open_clip names, in order. */
    public List<String> names() {
        return names;
    }

    /** The parameters, in order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Whether parameter {@code i} gets weight decay. */
    public boolean decays(int i) {
        return decays[i];
    }

    /**
     * Views of the accumulated gradients, in order, owned by {@code manager}: they alias the parameters'
     * gradient buffers (an in-place change scales the real gradient) and closing them frees only the views.
     */
    public NDArray[] gradients(NDManager manager) {
        NDArray[] out = new NDArray[parameters.size()];
        for (int i = 0; i < out.length; i++) {
            NDArray gradient = parameters.get(i).getArray().getGradient();
            gradient.attach(manager);
            out[i] = gradient;
        }
        return out;
    }

    /** Sets every gradient to zero in place (PyTorch accumulates gradients over backward passes). */
    public void zeroGradients() {
        for (Parameter p : parameters) {
            JniUtils.zeroGrad((PtNDArray) p.getArray());
        }
    }
}
