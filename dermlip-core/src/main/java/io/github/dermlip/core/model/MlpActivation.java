package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The MLP non-linearity of a transformer block: exact (erf) GELU, or OpenAI's QuickGELU. */
public enum MlpActivation {
    /** {@code 0.5 x (1 + erf(x / sqrt 2))}, open_clip's default. */
    GELU {
        @Override
        NDArray apply(NDArray x) {
            return Activation.gelu(x);
        }
    },
    /** {@code x * sigmoid(1.702 x)}, used by models with {@code quick_gelu: true}. */
    QUICK_GELU {
        @Override
        NDArray apply(NDArray x) {
            NDArray gate = Activation.sigmoid(x.mul(Scalars.of(1.702f, x)));
            return GradMode.recording() ? x.mul(gate) : gate.muli(x);
        }
    };

    /** The activation a model config asks for. */
    public static MlpActivation of(boolean quickGelu) {
        return quickGelu ? QUICK_GELU : GELU;
    }

    abstract NDArray apply(NDArray x);
}
