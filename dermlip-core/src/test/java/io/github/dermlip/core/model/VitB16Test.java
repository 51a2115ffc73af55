package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.config.VisionConfig;
import org.junit.jupiter.api.Test;

/** The full-size architecture: the exact open_clip parameter count and one forward pass on the CPU. */
class VitB16Test {
    /** What open_clip reports for ViT-B-16 ({@code sum(p.numel() for p in model.parameters())}). */
    private static final long OPEN_CLIP_VIT_B_16 = 149_620_737L;

    @Test
    void buildsWithOpenClipParameterCountAndRunsForward() {
        ModelConfig config = OpenClipConfigReader.resolve("ViT-B-16").model();
        long formula = architectureCount(config);
        assertEquals(OPEN_CLIP_VIT_B_16, formula, "formula check");
        try (NDManager manager = NDManager.newBaseManager()) {
            long start = System.nanoTime();
            ClipModel model = ClipModel.create(config, manager);
            System.out.printf("ViT-B-16: %,d parameters%n", model.parameterCount());
            assertEquals(formula, model.parameterCount());
            assertEquals(OpenClipKeys.parameters(model).size(), model.getParameters().size());

            NDArray pixels = manager.randomNormal(new Shape(1, 3, 224, 224));
            long[] ids = new long[2 * 77];
            long[][] captions = {{49406, 320, 1125, 539, 7067, 49407}, {49406, 320, 49407}};
            for (int r = 0; r < 2; r++) {
                System.arraycopy(captions[r], 0, ids, r * 77, captions[r].length);
            }
            NDArray tokens = manager.create(ids, new Shape(2, 77));
            ClipOutput out = ClipOutput.fromNDList(
                    model.forward(new ParameterStore(manager, false), new NDList(pixels, tokens), false));
            System.out.printf("ViT-B-16: built and ran one forward pass in %.1f s%n", (System.nanoTime() - start) / 1e9);
            assertEquals(new Shape(1, 512), out.imageFeatures().getShape());
            assertEquals(new Shape(2, 512), out.textFeatures().getShape());
            assertEquals(DataType.FLOAT32, out.imageFeatures().getDataType());
            NDArray norms = out.textFeatures().norm(new int[] {1}).concat(out.imageFeatures().norm(new int[] {1}));
            assertTrue(norms.sub(1).abs().max().getFloat() < 1e-5f, "features are unit vectors");
            assertEquals(1 / 0.07, out.logitScale().getFloat(), 1e-3);
        }
    }

    /** open_clip's ViT + causal text CLIP, counted from the architecture: weights + biases of every layer. */
    private static long architectureCount(ModelConfig c) {
        VisionConfig v = c.vision();
        long w = v.width();
        long grid = v.gridSize();
        long vision = w * 3 * v.patchSize() * v.patchSize() // conv1, no bias
                + w // class_embedding
                + (grid * grid + 1) * w // positional_embedding
                + 2 * w + 2 * w // ln_pre, ln_post
                + v.layers() * block(w, v.mlpWidth())
                + w * c.embedDim(); // proj
        TextConfig t = c.text();
        long tw = t.width();
        long text = (long) t.vocabSize() * tw + (long) t.contextLength() * tw
                + t.layers() * block(tw, t.mlpWidth())
                + 2 * tw // ln_final
                + tw * c.embedDim(); // text_projection
        return vision + text + 1; // logit_scale
    }

    private static long block(long d, long mlp) {
        return 2 * d // ln_1
                + 3 * d * d + 3 * d // in_proj
                + d * d + d // out_proj
                + 2 * d // ln_2
                + d * mlp + mlp // c_fc
                + mlp * d + d; // c_proj
    }
}
