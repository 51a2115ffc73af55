package io.github.dermlip.core.hfclip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.config.VisionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HfClipConfigReaderTest {
    @TempDir
    Path dir;

    @Test
    void fixtureConfigTranslatesToTheOpenClipArchitecture() {
        ModelConfig m = HfClipConfigReader.read(SharedFixtures.fixture("hf-clip/tiny-hf-clip-quickgelu/config.json"));
        assertEquals(48, m.embedDim());
        assertTrue(m.quickGelu());
        assertFalse(m.customText());
        assertEquals(new VisionConfig(64, 16, 96, 2, 32, 4.0), m.vision());
        assertEquals(new TextConfig(77, 49408, 64, 2, 2, 4.0, null), m.text());
    }

    /** save_pretrained leaves out every default; transformers 4.33's defaults are a ViT-B/32 with a 512-wide text tower. */
    @Test
    void absentFieldsTakeTransformersDefaults() throws IOException {
        ModelConfig m = read("{\"model_type\": \"clip\"}");
        assertEquals(512, m.embedDim());
        assertTrue(m.quickGelu());
        assertEquals(new VisionConfig(224, 32, 768, 12, 64, 4.0), m.vision());
        assertEquals(new TextConfig(77, 49408, 512, 8, 12, 4.0, null), m.text());
    }

    @Test
    void legacyConfigDictOverridesTheSubConfig() throws IOException {
        ModelConfig m = read("{\"model_type\": \"clip\", \"text_config\": {\"hidden_size\": 256, \"hidden_act\": \"gelu\"},"
                + " \"text_config_dict\": {\"hidden_size\": 128}, \"vision_config\": {\"hidden_act\": \"gelu\"},"
                + " \"vision_config_dict\": null}");
        assertEquals(128, m.text().width());
        assertFalse(m.quickGelu());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"model_type\": \"clip\", \"text_config\": {\"hidden_act\": \"relu\"}}|text_config.hidden_act",
            "{\"model_type\": \"clip\", \"vision_config\": {\"hidden_act\": \"gelu\"}}|vision_config.hidden_act",
            "{\"model_type\": \"clip\", \"vision_config\": {\"layer_norm_eps\": 1e-6}}|vision_config.layer_norm_eps",
            "{\"model_type\": \"clip\", \"text_config\": {\"eos_token_id\": 5}}|text_config.eos_token_id",
            "{\"model_type\": \"clip\", \"text_config\": {\"attention_dropout\": 0.1}}|text_config.attention_dropout",
            "{\"model_type\": \"clip\", \"vision_config\": {\"intermediate_size\": 0}}|vision_config.intermediate_size",
            "{\"model_type\": \"clip\", \"vision_config\": {\"use_rope\": true}}|vision_config.use_rope",
            "{\"model_type\": \"siglip\"}|model_type",
            "{\"model_type\": \"clip\", \"architectures\": [\"CLIPSegForImageSegmentation\"]}|architectures"})
    void unsupportedSettingsFailNamingFileAndField(String json, String field) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> read(json));
        assertTrue(e.getMessage().startsWith(dir.resolve("config.json") + ": field '" + field + "'"), e.getMessage());
    }

    @Test
    void currentEosIdPoolsLikeTheLegacyOne() throws IOException {
        assertEquals(49408, read("{\"model_type\": \"clip\", \"text_config\": {\"eos_token_id\": 49407}}").text().vocabSize());
    }

    private ModelConfig read(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return HfClipConfigReader.read(file);
    }
}
