package io.github.dermlip.train.loss;

import ai.djl.ndarray.NDArray;
import io.github.dermlip.core.model.ClipOutput;
import io.github.dermlip.core.model.Scalars;

/**
 * open_clip's {@code ClipLoss} on one device: the symmetric cross-entropy of the logits
 * {@code exp(logit_scale) * I * T^T}, labels being the diagonal, averaged over images (rows) and over texts
 * (columns), the two halves then averaged.
 */
public final class ClipLoss implements ContrastiveLoss {

    @Override
    public NDArray compute(ClipOutput output) {
        NDArray image = output.imageFeatures();
        long n = image.getShape().get(0);
        NDArray logits = image.matMul(output.textFeatures().transpose()).mul(output.logitScale());
        NDArray diagonal = image.getManager().eye((int) n);
        NDArray imageToText = logits.logSoftmax(1).mul(diagonal).sum();
        NDArray textToImage = logits.logSoftmax(0).mul(diagonal).sum();
        NDArray sum = imageToText.add(textToImage);
        return sum.div(Scalars.of(-2.0f * n, sum));
    }
}
