package io.github.dermlip.train;

import io.github.dermlip.core.api.ModelFolder;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.model.BertTextTower;
import io.github.dermlip.core.model.ClipModel;
import java.io.IOException;
import io.github.dermlip.train.loss.LossKind;

/** Decides the architecture of a new run and freezes the locked towers. */
final class ModelSetup {
    private ModelSetup() {}

    /**
     * The config of a run that starts fresh: the {@code --pretrained} folder's when given (an open_clip hub folder, or
     * a Hugging Face CLIPModel folder, whose run then saves open_clip's layout), else
     * {@code --model}'s; for SigLIP, open_clip's SigLIP init (logit scale ln 10, logit bias -10) replaces the
     * model's.
     */
    static OpenClipConfig forNewRun(TrainConfig config) throws IOException {
        OpenClipConfig base = config.pretrained() != null ? ModelFolder.readConfigForWeights(config.pretrained())
                : OpenClipConfigReader.resolve(config.model());
        if (config.loss() != LossKind.SIGLIP) {
            return base;
        }
        ModelConfig m = base.model();
        ModelConfig siglip = new ModelConfig(m.embedDim(), m.quickGelu(), m.customText(),
                LossKind.SIGLIP_INIT_LOGIT_SCALE, LossKind.SIGLIP_INIT_LOGIT_BIAS, m.vision(), m.text());
        return new OpenClipConfig(siglip, base.preprocess());
    }

    /**
     * Freezes the image and/or text tower (LiT): no gradients, no updates, no weight decay. A Hugging Face text
     * tower is locked as open_clip's {@code HFTextEncoder.lock} does, honouring {@code --lock-text-unlocked-layers}
     * and {@code --lock-text-freeze-layer-norm} (its projection stays trainable); those flags are refused for other
     * text towers, which open_clip locks whole.
     */
    static void lockTowers(ClipModel model, TrainConfig config) {
        if (config.lockImage()) {
            model.vision().freezeParameters(true);
        }
        boolean partial = config.lockTextUnlockedLayers() != 0 || config.lockTextFreezeLayerNorm();
        if (partial && !(config.lockText() && model.text() instanceof BertTextTower)) {
            throw new IllegalArgumentException("--lock-text-unlocked-layers and --lock-text-freeze-layer-norm need"
                    + " --lock-text and a Hugging Face text tower (text_cfg.hf_model_name)");
        }
        if (config.lockText()) {
            if (model.text() instanceof BertTextTower bert) {
                bert.lock(config.lockTextUnlockedLayers(), config.lockTextFreezeLayerNorm());
            } else {
                model.text().freezeParameters(true);
            }
        }
    }
}
