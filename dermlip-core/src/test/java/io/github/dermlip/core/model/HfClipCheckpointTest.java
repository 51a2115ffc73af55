package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.hfclip.HfClipCheckpoint;
import io.github.dermlip.core.hfclip.HfClipFolder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Strict loading of Hugging Face CLIPModel state dicts: every problem is named by its Hugging Face key. */
class HfClipCheckpointTest {

    @Test
    void missingUnexpectedAndMisshapenKeysAreAllNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = untrained(manager);
            Map<String, NDArray> weights = fixtureWeights(manager);
            weights.remove("vision_model.pre_layrnorm.weight");
            weights.put("vision_model.extra.weight", manager.zeros(new ai.djl.ndarray.types.Shape(3)));
            weights.put("text_projection.weight", weights.get("text_projection.weight").transpose());

            CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                    () -> HfClipCheckpoint.load(model, weights, "hf.safetensors"));
            assertEquals(List.of("vision_model.pre_layrnorm.weight"), e.missing());
            assertEquals(List.of("vision_model.extra.weight"), e.unexpected());
            assertEquals(List.of("text_projection.weight"), List.copyOf(e.mismatched().keySet()));
            assertTrue(e.getMessage().startsWith("hf.safetensors: "), e.getMessage());
        }
    }

    /** Checkpoints saved before transformers 4.31 carry position_ids buffers, which transformers ignores too. */
    @Test
    void positionIdBuffersAreIgnored() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = untrained(manager);
            Map<String, NDArray> weights = fixtureWeights(manager);
            weights.put("text_model.embeddings.position_ids", manager.arange(77L).reshape(1, 77));
            weights.put("vision_model.embeddings.position_ids", manager.arange(17L).reshape(1, 17));
            HfClipCheckpoint.load(model, weights, "old.bin");
            assertEquals(0f, FixtureTensors.maxAbsDiff(((VisionTransformer) model.vision()).lnPre().weight().getArray(),
                    weights.get("vision_model.pre_layrnorm.weight")));
        }
    }

    @Test
    void anOpenClipStateDictGetsAHint() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = untrained(manager);
            Map<String, NDArray> openClip = OpenClipKeys.toStateDict(model, manager);
            CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                    () -> HfClipCheckpoint.load(model, openClip, "x"));
            assertTrue(e.getMessage().contains("open_clip_config.json"), e.getMessage());
        }
    }

    private static ClipModel untrained(NDManager manager) {
        return ClipModel.create(HfClipFolder.readModelConfig(HfClipParityTest.folder()), manager);
    }

    private static Map<String, NDArray> fixtureWeights(NDManager manager) {
        return FixtureTensors.read(HfClipParityTest.folder().resolve(HfClipFolder.SAFETENSORS_FILE), manager);
    }
}
