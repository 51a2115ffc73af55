package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.model.ClipModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link ModelSetup#lockTowers}: the Hugging Face lock flags are refused where open_clip could not honour them. */
class ModelSetupTest {

    @Test
    void hfLockFlagsOnACausalTextTowerAreRefused() {
        ClipModel model = new ClipModel(TinyModels.tiny());
        TrainConfig config = TrainConfig.builder().trainData("a.csv").model("m").logs(Path.of("logs")).name("x")
                .lockText(true).lockTextUnlockedLayers(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSetup.lockTowers(model, config));
        assertTrue(e.getMessage().contains("--lock-text-unlocked-layers"), e.getMessage());
        assertTrue(e.getMessage().contains("text_cfg.hf_model_name"), e.getMessage());
    }
}
