package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.dermlip.core.config.BertConfig;
import io.github.dermlip.core.config.HfTextConfig;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.config.TimmVisionConfig.TimmTrunk;
import io.github.dermlip.core.config.VisionConfig;
import org.junit.jupiter.api.Test;

/**
 * The published sizes of DermLIP PanDerm-base-w-PubMed-256 and BiomedCLIP, with random weights: each builds with
 * the parameter count its architecture gives and runs one forward pass on the CPU (batch 1, a short text).
 */
class FullSizeFamiliesTest {
    /** DermLIP_PanDerm-base-w-PubMed-256's model_cfg, as the Derm1M fork publishes it. */
    private static final String PANDERM_PUBMED = "{\"embed_dim\": 512, \"vision_cfg\": {\"image_size\": 224,"
            + " \"layers\": 12, \"width\": 768, \"patch_size\": 16, \"pretrain_path\": null}, \"text_cfg\":"
            + " {\"context_length\": 256, \"hf_model_name\": \"neuml/pubmedbert-base-embeddings\","
            + " \"hf_tokenizer_name\": \"neuml/pubmedbert-base-embeddings\", \"hf_pooler_type\": \"mean_pooler\"}}";
    /** BiomedCLIP-PubMedBERT_256-vit_base_patch16_224's model_cfg. */
    private static final String BIOMEDCLIP = "{\"embed_dim\": 512, \"vision_cfg\": {\"timm_model_name\":"
            + " \"vit_base_patch16_224\", \"timm_model_pretrained\": false, \"timm_pool\": \"\", \"timm_proj\": \"linear\","
            + " \"image_size\": 224}, \"text_cfg\": {\"hf_model_name\": \"microsoft/BiomedNLP-BiomedBERT-base-uncased-abstract\","
            + " \"hf_tokenizer_name\": \"microsoft/BiomedNLP-BiomedBERT-base-uncased-abstract\", \"hf_proj_type\": \"mlp\","
            + " \"hf_pooler_type\": \"cls_last_hidden_state_pooler\", \"context_length\": 256}}";

    @Test
    void panDermWithPubMedBertBuildsAndRuns() {
        ModelConfig parsed = OpenClipConfigReader.parse(PANDERM_PUBMED, "PanDerm-base-w-PubMed-256").model();
        ModelConfig config = parsed.withVision(parsed.vision().asPanDerm());
        VisionConfig v = config.vision();
        long w = v.width();
        long m = v.mlpWidth();
        long vision = patchEmbedding(w, v.patchSize(), v.gridSize())
                + v.layers() * (2 * w + 3 * w * w + 2 * w /* q_bias, v_bias */ + w * w + w + 2 * w + w * m + m + m * w + w
                        + 2 * w /* gamma_1, gamma_2 */)
                + 2 * w + w * config.embedDim() + config.embedDim(); // norm, head with bias
        long formula = vision + bert(config) + 1;
        runFullSize("PanDerm-base-w-PubMed-256", config, formula);
    }

    @Test
    void biomedClipBuildsAndRuns() {
        ModelConfig config = OpenClipConfigReader.parse(BIOMEDCLIP, "BiomedCLIP").model();
        TimmTrunk trunk = config.vision().timm().trunk();
        long w = trunk.width();
        long m = trunk.mlpWidth();
        long vision = patchEmbedding(w, trunk.patchSize(), trunk.gridSize())
                + trunk.depth() * (2 * w + 3 * w * w + 3 * w + w * w + w + 2 * w + w * m + m + m * w + w)
                + 2 * w + w * config.embedDim(); // norm, head.proj without bias
        long formula = vision + bert(config) + 1;
        runFullSize("BiomedCLIP-PubMedBERT_256-vit_base_patch16_224", config, formula);
    }

    private static void runFullSize(String name, ModelConfig config, long formula) {
        try (NDManager manager = NDManager.newBaseManager()) {
            long start = System.nanoTime();
            ClipModel model = ClipModel.create(config, manager);
            System.out.printf("%s: %,d parameters%n", name, model.parameterCount());
            assertEquals(formula, model.parameterCount());
            assertEquals(OpenClipKeys.parameters(model).size(), model.getParameters().size());

            NDArray image = model.encodeImage(manager.randomNormal(new Shape(1, 3, 224, 224)));
            NDArray text = model.encodeText(manager.create(new long[] {2, 1820, 3047, 3}, new Shape(1, 4)));
            System.out.printf("%s: built and ran one forward pass in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
            assertEquals(new Shape(1, 512), image.getShape());
            assertEquals(new Shape(1, 512), text.getShape());
            assertTrue(Float.isFinite(image.sum().getFloat()) && Float.isFinite(text.sum().getFloat()));
        }
    }

    /** Patch convolution with bias, class token and positions of a timm-style ViT. */
    private static long patchEmbedding(long w, long patch, long grid) {
        return w * 3 * patch * patch + w + w + (grid * grid + 1) * w;
    }

    /** BertModel (embeddings, layers, the pooler when used) and the open_clip projection. */
    private static long bert(ModelConfig config) {
        HfTextConfig hf = config.text().hf();
        BertConfig b = hf.bert();
        long h = b.hiddenSize();
        long i = b.intermediateSize();
        long embeddings = ((long) b.vocabSize() + b.maxPositions() + b.typeVocabSize()) * h + 2 * h;
        long layer = 4 * (h * h + h) + 2 * h + h * i + i + i * h + h + 2 * h;
        long pooler = hf.pooler() == HfTextConfig.Pooler.CLS_POOLER ? h * h + h : 0;
        long e = config.embedDim();
        long projection = switch (hf.projection()) {
            case MLP -> h * ((h + e) / 2) + ((h + e) / 2) * e;
            case LINEAR -> h * e;
            case NONE -> 0;
        };
        return embeddings + b.layers() * layer + pooler + projection;
    }
}
