package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.io.SafetensorsWriter;
import io.github.dermlip.core.io.TensorData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input for the timm, Hugging Face and PanDerm families: each error names the file, the field and every place
 * the library looked.
 */
class ModelFamilyErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void unknownHfModelNameNamesTheFieldAndEveryPlaceLooked(@TempDir Path tmp) throws Exception {
        Path config = configWith(tmp, FixtureTensors.PANDERM_BERT_MEAN, "text_cfg", "hf_model_name", "nobody/no-such-bert");
        ConfigException e = assertThrows(ConfigException.class, () -> OpenClipConfigReader.read(config));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().startsWith(config.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("model_cfg.text_cfg.hf_model_name"), e.getMessage());
        assertTrue(e.getMessage().contains("'nobody/no-such-bert'"), e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("nobody/no-such-bert/config.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("models--nobody--no-such-bert/snapshots/*/config.json"), e.getMessage());
        assertTrue(e.getMessage().contains("built-in table"), e.getMessage());
    }

    @Test
    void otherHuggingFaceFamiliesAreRefusedByName(@TempDir Path tmp) throws Exception {
        Path config = configWith(tmp, FixtureTensors.PANDERM_BERT_MEAN, "text_cfg", "hf_model_name", "roberta");
        Path roberta = Files.createDirectories(tmp.resolve("roberta"));
        Files.writeString(roberta.resolve("config.json"), "{\"model_type\": \"roberta\", \"hidden_size\": 768}");
        ConfigException e = assertThrows(ConfigException.class, () -> OpenClipConfigReader.read(config));
        assertTrue(e.getMessage().contains(roberta.resolve("config.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'model_type' is 'roberta'"), e.getMessage());
        assertTrue(e.getMessage().contains("text_cfg.hf_model_name"), e.getMessage());
    }

    @Test
    void unknownTimmNameNamesTheFieldAndEveryPlaceLooked(@TempDir Path tmp) throws Exception {
        Path config = configWith(tmp, FixtureTensors.TIMM_BERT_CLS, "vision_cfg", "timm_model_name", "vit_giant_patch3_999");
        ConfigException e = assertThrows(ConfigException.class, () -> OpenClipConfigReader.read(config));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().startsWith(config.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("model_cfg.vision_cfg.timm_model_name"), e.getMessage());
        assertTrue(e.getMessage().contains("'vit_giant_patch3_999'"), e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("timm_model_cfg.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("vit_base_patch16_224"), e.getMessage());
    }

    @Test
    void keysMatchingNoLayoutNameTheFileAndTheLayoutsTried(@TempDir Path tmp) throws Exception {
        Path fixture = SharedFixtures.openClipModel(FixtureTensors.GELU);
        Files.copy(fixture.resolve(OpenClipHub.CONFIG_FILE), tmp.resolve(OpenClipHub.CONFIG_FILE));
        Path weights = tmp.resolve(OpenClipHub.SAFETENSORS_FILE);
        SafetensorsWriter.write(weights, Map.of("encoder.conv.weight", TensorData.ofFloats(new long[] {2}, new float[2])));
        try (NDManager manager = NDManager.newBaseManager()) {
            ConfigException e = assertThrows(ConfigException.class, () -> OpenClipHub.load(tmp, manager));
            System.out.println(e.getMessage());
            assertTrue(e.getMessage().startsWith(weights.toString()), e.getMessage());
            for (String probe : new String[] {"visual.conv1.weight", "visual.trunk.patch_embed.proj.weight",
                    "visual.patch_embed.proj.weight", "encoder.conv.weight"}) {
                assertTrue(e.getMessage().contains(probe), e.getMessage());
            }
        }
    }

    @Test
    void aTimmCheckpointUnderAPlainConfigNamesTheMissingField(@TempDir Path tmp) throws Exception {
        Path timm = SharedFixtures.openClipModel(FixtureTensors.TIMM_BERT_CLS);
        Path gelu = SharedFixtures.openClipModel(FixtureTensors.GELU);
        Files.copy(gelu.resolve(OpenClipHub.CONFIG_FILE), tmp.resolve(OpenClipHub.CONFIG_FILE));
        Files.copy(timm.resolve(OpenClipHub.SAFETENSORS_FILE), tmp.resolve(OpenClipHub.SAFETENSORS_FILE));
        try (NDManager manager = NDManager.newBaseManager()) {
            ConfigException e = assertThrows(ConfigException.class, () -> OpenClipHub.load(tmp, manager));
            assertTrue(e.getMessage().startsWith(tmp.resolve(OpenClipHub.CONFIG_FILE).toString()), e.getMessage());
            assertTrue(e.getMessage().contains("vision_cfg.timm_model_name' is missing"), e.getMessage());
        }
    }

    /** A copy of a fixture's config (and its side files) in {@code tmp}, with one field of a section replaced. */
    private static Path configWith(Path tmp, String fixture, String section, String field, String value) throws Exception {
        Path dir = SharedFixtures.openClipModel(fixture);
        ObjectNode config = (ObjectNode) JSON.readTree(dir.resolve(OpenClipHub.CONFIG_FILE).toFile());
        ((ObjectNode) config.get("model_cfg").get(section)).put(field, value);
        Path file = tmp.resolve(OpenClipHub.CONFIG_FILE);
        JSON.writeValue(file.toFile(), config);
        return file;
    }
}
