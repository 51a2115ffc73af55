package io.github.dermlip.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.models.ModelCatalog;
import org.junit.jupiter.api.Test;

class OpenClipConfigReaderTest {

    @Test
    void readsBothFixtureConfigs() {
        OpenClipConfig gelu = OpenClipConfigReader.read(SharedFixtures.openClipModel("tiny-gelu").resolve("open_clip_config.json"));
        assertEquals(64, gelu.model().embedDim());
        assertEquals(2, gelu.model().vision().heads());
        assertEquals(4, gelu.model().vision().gridSize());
        assertEquals(false, gelu.model().quickGelu());
        assertEquals(32, gelu.preprocess().size());
        assertEquals(PreprocessConfig.ResizeMode.SHORTEST, gelu.preprocess().resizeMode());

        OpenClipConfig quick = OpenClipConfigReader.read(
                SharedFixtures.openClipModel("tiny-quickgelu-customtext").resolve("open_clip_config.json"));
        assertTrue(quick.model().quickGelu());
        assertTrue(quick.model().customText());
        assertEquals(3, quick.model().vision().heads());
        assertEquals(48, quick.model().embedDim());
    }

    @Test
    void everyNamedArchitectureParses() {
        for (String name : ModelCatalog.architectures()) {
            OpenClipConfig c = OpenClipConfigReader.resolve(name);
            assertTrue(c.model().embedDim() > 0, name);
        }
        OpenClipConfig b16 = OpenClipConfigReader.resolve("ViT-B-16");
        assertEquals(12, b16.model().vision().heads());
        assertEquals(3072, b16.model().vision().mlpWidth());
    }

    @Test
    void roundTripsThroughJson() {
        OpenClipConfig c = OpenClipConfigReader.resolve("ViT-B-16-quickgelu");
        OpenClipConfig back = OpenClipConfigReader.parse(OpenClipConfigWriter.toJson(c).toString(), "round-trip");
        assertEquals(c, back);
    }

    @Test
    void wrongTypeNamesFileAndField() {
        ConfigException e = assertThrows(ConfigException.class, () -> OpenClipConfigReader.parse(
                "{\"model_cfg\":{\"embed_dim\":64,\"vision_cfg\":{\"image_size\":32,\"layers\":2,\"width\":\"wide\",\"patch_size\":8},"
                        + "\"text_cfg\":{}}}", "my_config.json"));
        assertTrue(e.getMessage().contains("my_config.json"), e.getMessage());
        assertTrue(e.getMessage().contains("model_cfg.vision_cfg.width"), e.getMessage());
        assertTrue(e.getMessage().contains("must be an integer"), e.getMessage());
    }

    @Test
    void unsupportedFieldsAreRefusedByName() {
        String timm = "{\"embed_dim\":512,\"vision_cfg\":{\"timm_model_name\":\"vit_base\",\"layers\":12},\"text_cfg\":{}}";
        assertTrue(assertThrows(ConfigException.class, () -> OpenClipConfigReader.parse(timm, "a.json"))
                .getMessage().contains("vision_cfg.timm_model_name"));
        String hf = "{\"embed_dim\":512,\"vision_cfg\":{\"layers\":12},\"text_cfg\":{\"hf_model_name\":\"bert\"}}";
        assertTrue(assertThrows(ConfigException.class, () -> OpenClipConfigReader.parse(hf, "b.json"))
                .getMessage().contains("text_cfg.hf_model_name"));
        String resnet = "{\"embed_dim\":1024,\"vision_cfg\":{\"layers\":[3,4,6,3],\"width\":64},\"text_cfg\":{}}";
        assertTrue(assertThrows(ConfigException.class, () -> OpenClipConfigReader.parse(resnet, "c.json"))
                .getMessage().contains("vision_cfg.layers"));
        String unknown = "{\"embed_dim\":512,\"vision_cfg\":{\"layers\":12,\"frobnicate\":1},\"text_cfg\":{}}";
        assertTrue(assertThrows(ConfigException.class, () -> OpenClipConfigReader.parse(unknown, "d.json"))
                .getMessage().contains("vision_cfg.frobnicate"));
        String neutral = "{\"embed_dim\":512,\"vision_cfg\":{\"layers\":12,\"patch_dropout\":0.0,\"timm_model_name\":null},"
                + "\"text_cfg\":{\"embed_cls\":false}}";
        assertEquals(12, OpenClipConfigReader.parse(neutral, "e.json").model().vision().layers());
    }

    @Test
    void malformedJsonAndMissingFieldsAreClear() {
        assertTrue(assertThrows(ConfigException.class, () -> OpenClipConfigReader.parse("{\"embed_dim\": 5,", "f.json"))
                .getMessage().startsWith("f.json: malformed JSON"));
        assertTrue(assertThrows(ConfigException.class, () -> OpenClipConfigReader.parse("{\"vision_cfg\":{\"layers\":1},\"text_cfg\":{}}", "g.json"))
                .getMessage().contains("'embed_dim' is missing"));
        assertTrue(assertThrows(ConfigException.class, () -> OpenClipConfigReader.resolve("no-such-model"))
                .getMessage().contains("known"));
    }
}
