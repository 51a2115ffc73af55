package io.github.dermlip.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW as {@code torch.optim.AdamW} (single-tensor, no amsgrad) over DJL parameters, with open_clip's
 * per-parameter weight-decay rule.
 *
 * <p>One {@link #step} at learning rate {@code lr}, with {@code t} the new step count, does for every trainable
 * parameter {@code p} with gradient {@code g}:
 * <pre>
 *   p   &lt;- p * (1 - lr * wd)                  (only for decayed parameters)
 *   m   &lt;- beta1 * m + (1 - beta1) * g
 *   v   &lt;- beta2 * v + (1 - beta2) * g * g
 *   p   &lt;- p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * The moments are arrays on the parameter's device owned by the optimizer; {@link #state()} exposes them by
 * name ({@code exp_avg.NAME}, {@code exp_avg_sq.NAME}) for checkpoints and {@link #restore} puts them back.
 * A step allocates no host memory proportional to the model, and its temporaries live in a sub-manager of the
 * caller's step manager that is closed after each parameter, so at most one parameter's temporaries exist at a
 * time. Like {@code torch.optim.Optimizer.step}, it must run without gradient recording (outside a gradient
 * collector, with PyTorch's grad mode off on the calling thread).
 *
 * <p>Not DJL's {@code ai.djl.training.optimizer.Adam}/{@code AdamW}: DJL folds both bias corrections into the
 * learning rate, so its epsilon is added to the uncorrected {@code sqrt(v)} where torch adds it after dividing by
 * {@code sqrt(1 - beta2^t)}; it decays every parameter alike rather than by open_clip's rule; and it keeps its
 * moments where a checkpoint cannot export them.
 */
public final class AdamW implements AutoCloseable {
    /** Prefix of the first-moment names in {@link #state()}. */
    public static final String FIRST_MOMENT = "exp_avg.";
    /** Prefix of the second-moment names in {@link #state()}. */
    public static final String SECOND_MOMENT = "exp_avg_sq.";

    private final TrainableParameters parameters;
    private final AdamWConfig config;
    private final NDManager stateManager;
    private final NDArray[] firstMoments;
    private final NDArray[] secondMoments;
    private long steps;

    /**
     * An optimizer with zero moments for {@code parameters}.
     *
     * @param stateManager parent of the manager that owns the moments (e.g. the model's), on the parameters' device
     */
    public AdamW(TrainableParameters parameters, AdamWConfig config, NDManager stateManager) {
        this.parameters = parameters;
        this.config = config;
        this.stateManager = stateManager.newSubManager();
        int n = parameters.size();
        firstMoments = new NDArray[n];
        secondMoments = new NDArray[n];
        List<String> names = parameters.names();
        for (int i = 0; i < n; i++) {
            NDArray value = parameters.parameters().get(i).getArray();
            firstMoments[i] = this.stateManager.zeros(value.getShape(), value.getDataType(), value.getDevice());
            firstMoments[i].setName(FIRST_MOMENT + names.get(i));
            secondMoments[i] = this.stateManager.zeros(value.getShape(), value.getDataType(), value.getDevice());
            secondMoments[i].setName(SECOND_MOMENT + names.get(i));
        }
    }

    /** The hyper-parameters. */
    public AdamWConfig config() {
        return config;
    }

    /** The parameters this optimizer updates. */
    public TrainableParameters parameters() {
        return parameters;
    }

    /** Number of steps taken so far (torch's {@code state['step']}). */
    public long stepCount() {
        return steps;
    }

    /**
     * Updates every parameter in place.
     *
     * @param gradients the gradients, in {@link TrainableParameters} order (e.g. from
     *     {@link TrainableParameters#gradients(NDManager)})
     * @param lr this step's learning rate
     * @param step the step's manager; temporaries are created in sub-managers of it and closed before returning
     */
    public void step(NDArray[] gradients, double lr, NDManager step) {
        if (gradients.length != parameters.size()) {
            throw new IllegalArgumentException("expected " + parameters.size() + " gradients, found " + gradients.length);
        }
        steps++;
        float beta1 = (float) config.beta1();
        float beta2 = (float) config.beta2();
        float decayFactor = (float) (1 - lr * config.weightDecay());
        float stepSize = (float) (lr / (1 - Math.pow(config.beta1(), steps)));
        float secondCorrectionSqrt = (float) Math.sqrt(1 - Math.pow(config.beta2(), steps));
        float eps = (float) config.eps();
        List<ai.djl.nn.Parameter> list = parameters.parameters();
        for (int i = 0; i < gradients.length; i++) {
            NDArray p = list.get(i).getArray();
            NDArray g = gradients[i];
            NDArray m = firstMoments[i];
            NDArray v = secondMoments[i];
            try (NDManager scratch = step.newSubManager()) {
                if (parameters.decays(i)) {
                    p.muli(decayFactor);
                }
                m.muli(beta1).addi(scratch(g.mul(1 - beta1), scratch));
                v.muli(beta2).addi(scratch(g.mul(g), scratch).muli(1 - beta2));
                NDArray denominator = scratch(v.sqrt(), scratch).divi(secondCorrectionSqrt).addi(eps);
                p.subi(scratch(m.div(denominator), scratch).muli(stepSize));
            }
        }
    }

    /** The moments by name ({@link #FIRST_MOMENT} or {@link #SECOND_MOMENT} + open_clip name); live views, not copies. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < firstMoments.length; i++) {
            out.put(firstMoments[i].getName(), firstMoments[i]);
            out.put(secondMoments[i].getName(), secondMoments[i]);
        }
        return out;
    }

    /**
     * Puts saved moments and the step count back, strictly: every moment must be present with its shape.
     *
     * @param stepCount the saved {@link #stepCount()}
     * @param moments saved arrays by {@link #state()} name, on any device
     * @param source names the checkpoint in errors
     */
    public void restore(long stepCount, Map<String, NDArray> moments, String source) {
        if (moments.size() != 2 * firstMoments.length) {
            throw new IllegalArgumentException(source + ": expected " + 2 * firstMoments.length
                    + " optimizer moments for the trainable parameters, found " + moments.size());
        }
        for (NDArray target : state().values()) {
            NDArray saved = moments.get(target.getName());
            if (saved == null) {
                throw new IllegalArgumentException(source + ": optimizer moment '" + target.getName() + "' is missing");
            }
            if (!saved.getShape().equals(target.getShape())) {
                throw new IllegalArgumentException(source + ": optimizer moment '" + target.getName() + "' has shape "
                        + saved.getShape() + ", the parameter has " + target.getShape());
            }
            target.set(saved.toType(target.getDataType(), false).toByteBuffer());
        }
        steps = stepCount;
    }

    /** Frees the moments. */
    @Override
    public void close() {
        stateManager.close();
    }

    /** Moves a temporary created in a long-lived array's manager into the scratch manager. */
    private static NDArray scratch(NDArray temporary, NDManager scratch) {
        temporary.attach(scratch);
        return temporary;
    }
}
