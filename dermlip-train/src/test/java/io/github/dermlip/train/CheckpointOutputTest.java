package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.engine.NoGradScope;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.io.TensorData;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.ClipOutput;
import io.github.dermlip.core.model.OpenClipKeys;
import io.github.dermlip.core.provenance.TrainingRun;
import io.github.dermlip.core.tokenizer.TokenizedBatch;
import io.github.dermlip.train.checkpoint.CheckpointLayout;
import io.github.dermlip.train.checkpoint.LatestPointer;
import io.github.dermlip.train.loss.LossKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open_clip hub directory a run writes holds exactly the trained weights and loads back through the core loader
 * into a model with the trained model's outputs; a locked tower stays at its initial weights.
 */
class CheckpointOutputTest {
    @TempDir
    Path dir;

    @Test
    void savedCheckpointReproducesTheTrainedModelsOutputs() throws IOException {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 64, 1);
        TrainConfig config = TestRuns.config(dir, train, "roundtrip").loss(LossKind.SIGLIP).maxSteps(2L).build();
        float[][] live = new float[1][];
        Map<String, TensorData> liveWeights = new LinkedHashMap<>();
        new Trainer(config, TestRuns.wordComponents(), new TrainingListener() {
            @Override
            public void stepFinished(StepRecord record, ClipModel model, NDManager runManager) {
                try (NDManager scratch = runManager.newSubManager()) {
                    live[0] = outputs(model, scratch);
                    OpenClipKeys.toStateDict(model, scratch).forEach((k, v) -> liveWeights.put(k, TensorData.fromNDArray(v)));
                }
            }
        }).run();

        CheckpointLayout layout = new CheckpointLayout(config.runDirectory());
        Path checkpoint = LatestPointer.read(layout);
        assertEquals(layout.step(2), checkpoint);
        OpenClipConfig saved = OpenClipConfigReader.read(checkpoint.resolve(CheckpointLayout.MODEL_CONFIG));
        assertEquals(LossKind.SIGLIP_INIT_LOGIT_BIAS, saved.model().initLogitBias());
        StateDict weights = StateDict.read(checkpoint.resolve(CheckpointLayout.MODEL_WEIGHTS));
        assertEquals("pt", weights.metadata().get("format"));
        assertEquals(liveWeights, weights.asMap(), "saved weights are the trained ones, bit for bit");
        TrainingRun run = TrainingRun.read(checkpoint).orElseThrow();
        assertEquals(new TrainingRun("roundtrip",
                TrainingRun.sha256(Files.readAllBytes(config.runDirectory().resolve("params.json"))),
                TrainingRun.sha256(train), 2), run, "the checkpoint links to its run, data and step");
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel loaded = ClipModel.create(saved.model(), manager);
            assertEquals(OpenClipKeys.parameters(loaded).keySet(), weights.names());
            OpenClipKeys.load(loaded, arrays(weights, manager), checkpoint.toString());
            // same weights and inputs; multi-threaded CPU kernels may still differ in the last bit between calls
            assertArrayEquals(live[0], outputs(loaded, manager), 1e-6f);
        }
    }

    @Test
    void lockedImageTowerKeepsItsInitialWeights() throws IOException {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 64, 1);
        TrainConfig config = TestRuns.config(dir, train, "lit").lockImage(true).epochs(1).build();
        new Trainer(config, TestRuns.wordComponents(), new TrainingListener() {}).run();

        Path checkpoint = new CheckpointLayout(config.runDirectory()).epoch(1);
        StateDict weights = StateDict.read(checkpoint.resolve(CheckpointLayout.MODEL_WEIGHTS));
        StateDict moments = StateDict.read(checkpoint.resolve(CheckpointLayout.STATE_TENSORS));
        OpenClipConfig saved = OpenClipConfigReader.read(checkpoint.resolve(CheckpointLayout.MODEL_CONFIG));
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) config.seed());
            ClipModel initial = ClipModel.create(saved.model(), manager);
            Map<String, NDArray> start = OpenClipKeys.toStateDict(initial, manager);
            List<String> changedVision = new ArrayList<>();
            int changedOthers = 0;
            for (String key : weights.names()) {
                boolean same = weights.get(key).equals(TensorData.fromNDArray(start.get(key)));
                if (key.startsWith("visual.") && !same) {
                    changedVision.add(key);
                } else if (!key.startsWith("visual.") && !same) {
                    changedOthers++;
                }
            }
            assertEquals(List.of(), changedVision);
            assertNotEquals(0, changedOthers);
        }
        assertFalse(moments.names().stream().anyMatch(k -> k.contains("visual.")), moments.names().toString());
        assertTrue(moments.names().contains("exp_avg.text_projection"));
    }

    /** Image and text features and the scale on fixed inputs, without gradients. */
    private static float[] outputs(ClipModel model, NDManager manager) {
        try (NoGradScope noGrad = NoGradScope.enter()) {
            Engine.getInstance().setRandomSeed(123);
            NDArray pixels = manager.randomNormal(new Shape(3, 3, 32, 32));
            TokenizedBatch tokens = new WordTokenizer().encode(List.of("a red circle", "one large blue square", "grey"));
            NDArray ids = manager.create(tokens.flatIds(), new Shape(3, tokens.contextLength()));
            ClipOutput out = ClipOutput.fromNDList(model.forward(new ParameterStore(manager, false),
                    new NDList(pixels, ids), false));
            float[] image = out.imageFeatures().toFloatArray();
            float[] text = out.textFeatures().toFloatArray();
            float[] all = new float[image.length + text.length + 2];
            System.arraycopy(image, 0, all, 0, image.length);
            System.arraycopy(text, 0, all, image.length, text.length);
            all[all.length - 2] = out.logitScale().getFloat();
            all[all.length - 1] = out.logitBias().getFloat();
            return all;
        }
    }

    private static Map<String, NDArray> arrays(StateDict weights, NDManager manager) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        weights.asMap().forEach((k, v) -> out.put(k, v.toNDArray(manager)));
        return out;
    }
}
