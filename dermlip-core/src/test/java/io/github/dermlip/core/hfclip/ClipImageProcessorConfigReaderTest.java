package io.github.dermlip.core.hfclip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.ClipImageProcessorConfig;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.config.PreprocessConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClipImageProcessorConfigReaderTest {
    @TempDir
    Path dir;

    @Test
    void fixtureSettings() {
        ClipImageProcessorConfig c = ClipImageProcessorConfigReader.read(
                SharedFixtures.fixture("hf-clip/tiny-hf-clip-quickgelu/preprocessor_config.json"));
        assertEquals(new ClipImageProcessorConfig(64, 64, PreprocessConfig.Interpolation.BICUBIC,
                PreprocessConfig.OPENAI_MEAN, PreprocessConfig.OPENAI_STD), c);
    }

    /** The openai repositories' older files: plain integers and a CLIPFeatureExtractor. */
    @Test
    void legacyIntegerSizesReadAsTransformersReadsThem() throws IOException {
        ClipImageProcessorConfig legacy = read("{\"crop_size\": 224, \"size\": 224, \"resample\": 3,"
                + " \"feature_extractor_type\": \"CLIPFeatureExtractor\", \"do_resize\": true}");
        ClipImageProcessorConfig dict = read("{\"crop_size\": {\"height\": 224, \"width\": 224},"
                + " \"size\": {\"shortest_edge\": 224}}");
        assertEquals(dict, legacy);
        assertEquals(224, legacy.cropSize());
        assertEquals(224, legacy.shortestEdge());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"do_center_crop\": false}|do_center_crop",
            "{\"resample\": 1}|resample",
            "{\"rescale_factor\": 1.0}|rescale_factor",
            "{\"size\": {\"height\": 224, \"width\": 224}}|size.height",
            "{\"crop_size\": {\"height\": 224, \"width\": 200}}|crop_size.height",
            "{\"image_processor_type\": \"ViTImageProcessor\"}|image_processor_type",
            "{\"do_pad\": true}|do_pad"})
    void unsupportedSettingsFailNamingFileAndField(String json, String field) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> read(json));
        assertTrue(e.getMessage().startsWith(dir.resolve("preprocessor_config.json") + ": field '" + field + "'"),
                e.getMessage());
    }

    private ClipImageProcessorConfig read(String json) throws IOException {
        Path file = dir.resolve("preprocessor_config.json");
        Files.writeString(file, json);
        return ClipImageProcessorConfigReader.read(file);
    }
}
