package io.github.dermlip.train.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.github.dermlip.core.model.ClipOutput;
import io.github.dermlip.core.model.Scalars;

/**
 * open_clip's {@code SigLipLoss} on one device: logits {@code exp(logit_scale) * I * T^T + logit_bias}, labels
 * {@code 2 * eye - 1}, loss {@code -sum(logsigmoid(labels * logits)) / B}. The model must have a logit bias.
 */
public final class SigLipLoss implements ContrastiveLoss {

    @Override
    public NDArray compute(ClipOutput output) {
        if (output.logitBias() == null) {
            throw new IllegalArgumentException("the SigLIP loss needs a model with a logit_bias"
                    + " (init_logit_bias in the model config, -10 for SigLIP)");
        }
        NDArray image = output.imageFeatures();
        long n = image.getShape().get(0);
        NDArray logits = image.matMul(output.textFeatures().transpose()).mul(output.logitScale())
                .add(output.logitBias());
        NDArray labels = image.getManager().eye((int) n).muli(2).subi(1);
        // -logsigmoid(x) = softplus(-x)
        NDArray total = Activation.softPlus(labels.mul(logits).neg()).sum();
        return total.div(Scalars.of((float) n, total));
    }
}
