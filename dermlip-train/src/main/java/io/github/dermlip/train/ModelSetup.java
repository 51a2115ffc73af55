package io.github.dermlip.train;

import io.github.dermlip.core.api.ModelFolder;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.model.ClipModel;
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
    static OpenClipConfig forNewRun(TrainConfig config) {
        OpenClipConfig base = config.pretrained() != null ? ModelFolder.readConfig(config.pretrained())
                : OpenClipConfigReader.resolve(config.model());
        if (config.loss() != LossKind.SIGLIP) {
            return base;
        }
        ModelConfig m = base.model();
        ModelConfig siglip = new ModelConfig(m.embedDim(), m.quickGelu(), m.customText(),
                LossKind.SIGLIP_INIT_LOGIT_SCALE, LossKind.SIGLIP_INIT_LOGIT_BIAS, m.vision(), m.text());
        return new OpenClipConfig(siglip, base.preprocess());
    }

    /** Freezes the image and/or text tower (LiT): no gradients, no updates, no weight decay. */
    static void lockTowers(ClipModel model, TrainConfig config) {
        if (config.lockImage()) {
            model.vision().freezeParameters(true);
        }
        if (config.lockText()) {
            model.text().freezeParameters(true);
        }
    }
}
