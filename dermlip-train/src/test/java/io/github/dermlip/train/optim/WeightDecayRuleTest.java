package io.github.dermlip.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipKeys;
import io.github.dermlip.train.TinyModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** open_clip's rule applied to the real state-dict names of a CLIP model. */
class WeightDecayRuleTest {

    @Test
    void onlyMatricesOutsideNormsAndBiasesAreDecayed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.create(TinyModels.tiny(), manager);
            TrainableParameters params = TrainableParameters.of(OpenClipKeys.parameters(model));
            List<String> decayed = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                if (params.decays(i)) {
                    decayed.add(params.names().get(i));
                }
            }
            assertEquals(List.of("visual.positional_embedding", "visual.proj", "visual.conv1.weight",
                    "visual.transformer.resblocks.0.attn.in_proj_weight",
                    "visual.transformer.resblocks.0.attn.out_proj.weight",
                    "visual.transformer.resblocks.0.mlp.c_fc.weight", "visual.transformer.resblocks.0.mlp.c_proj.weight",
                    "positional_embedding", "text_projection", "token_embedding.weight",
                    "transformer.resblocks.0.attn.in_proj_weight", "transformer.resblocks.0.attn.out_proj.weight",
                    "transformer.resblocks.0.mlp.c_fc.weight", "transformer.resblocks.0.mlp.c_proj.weight"), decayed);
        }
    }
}
