package io.github.dermlip.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hostile and absurd configs: each is refused before any record is built, naming the file, the field and the value. */
class ConfigValidationTest {
    private static final String FILE = "evil_config.json";

    /** A small valid hub config whose parts each test replaces. */
    private static String config(String vision, String text, String preprocess) {
        return "{\"model_cfg\":{\"embed_dim\":64,\"vision_cfg\":{" + vision + "},\"text_cfg\":{" + text + "}}"
                + (preprocess == null ? "" : ",\"preprocess_cfg\":{" + preprocess + "}") + "}";
    }

    private static final String VISION = "\"image_size\":32,\"patch_size\":8,\"width\":64,\"layers\":2,\"head_width\":32";
    private static final String TEXT = "\"context_length\":77,\"vocab_size\":1000,\"width\":64,\"heads\":2,\"layers\":2";

    private static void refused(String json, String... fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> OpenClipConfigReader.parse(json, FILE));
        assertTrue(e.getMessage().startsWith(FILE + ": "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void theBaseConfigIsValid() {
        assertEquals(32, OpenClipConfigReader.parse(config(VISION, TEXT, "\"size\":32"), FILE).preprocess().size());
    }

    @Test
    void sizesAreCheckedWithTheValueRead() {
        refused(config(VISION.replace("\"image_size\":32", "\"image_size\":0"), TEXT, null),
                "field 'model_cfg.vision_cfg.image_size' must be at least 1, found 0");
        refused(config(VISION.replace("\"layers\":2", "\"layers\":-3"), TEXT, null),
                "field 'model_cfg.vision_cfg.layers' must lie in 1..1024, found -3");
        refused(config(VISION, TEXT.replace("\"layers\":2", "\"layers\":2147483647"), null),
                "field 'model_cfg.text_cfg.layers' must lie in 1..1024, found 2147483647");
        refused(config(VISION, TEXT.replace("\"context_length\":77", "\"context_length\":1"), null),
                "field 'model_cfg.text_cfg.context_length' must be at least 2, found 1");
        refused(config(VISION, TEXT, null).replace("\"embed_dim\":64", "\"embed_dim\":0"),
                "field 'model_cfg.embed_dim' must be at least 1, found 0");
    }

    @Test
    void divisibility() {
        refused(config(VISION.replace("\"patch_size\":8", "\"patch_size\":7"), TEXT, null),
                "field 'model_cfg.vision_cfg.image_size' = 32 is not a multiple of patch_size = 7");
        refused(config(VISION.replace("\"head_width\":32", "\"head_width\":24"), TEXT, null),
                "field 'model_cfg.vision_cfg.width' = 64 is not a multiple of head_width = 24");
        refused(config(VISION, TEXT.replace("\"heads\":2", "\"heads\":3"), null),
                "field 'model_cfg.text_cfg.width' = 64 is not a multiple of heads = 3");
    }

    @Test
    void sizesThatCannotBeHeldAreRefusedBeforeAllocating() {
        refused(config(VISION.replace("\"image_size\":32", "\"image_size\":65536").replace("\"patch_size\":8", "\"patch_size\":16"),
                TEXT, null), "field 'model_cfg.vision_cfg.image_size' = 65536 makes an input image of 196608 x 65536 elements");
        refused(config(VISION, TEXT.replace("\"vocab_size\":1000", "\"vocab_size\":100000000"), null),
                "field 'model_cfg.text_cfg.vocab_size' = 100000000 makes the token embedding of 100000000 x 64 elements");
        refused(config(VISION + ",\"mlp_ratio\":1e9", TEXT, null),
                "field 'model_cfg.vision_cfg.mlp_ratio' = 1.0E9 gives an MLP of 64 x 64000000000 elements");
        refused(config(VISION, TEXT + ",\"mlp_ratio\":0.001", null), "field 'model_cfg.text_cfg.mlp_ratio' = 0.001");
        refused(config(VISION, TEXT + ",\"mlp_ratio\":1e400", null),
                "field 'model_cfg.text_cfg.mlp_ratio' must be a positive finite number, found Infinity");
        refused(config(VISION, TEXT, null).replace("\"embed_dim\":64", "\"embed_dim\":2000000000"),
                "field 'model_cfg.embed_dim' = 2000000000 makes the image projection of 64 x 2000000000 elements");
    }

    @Test
    void preprocessingMustMatchTheModelAndBeSane() {
        refused(config(VISION, TEXT, "\"size\":224"),
                "field 'preprocess_cfg.size' = 224 differs from the model's vision_cfg.image_size = 32");
        refused(config(VISION, TEXT, "\"std\":[0.2,0,0.2]"), "field 'preprocess_cfg.std[1]' must lie in [1.0E-4, 10000.0], found 0.0");
        refused(config(VISION, TEXT, "\"std\":[0.2,1e300,0.2]"), "field 'preprocess_cfg.std[1]'", "found 1.0E300");
        refused(config(VISION, TEXT, "\"mean\":[0.5,1e999,0.5]"), "field 'preprocess_cfg.mean[1]' must be finite, found Infinity");
        refused(config(VISION, TEXT, "\"mean\":[0.5,0.5]"), "field 'preprocess_cfg.mean' needs 3 values");
        refused(config(VISION, TEXT, "\"fill_color\":256"), "field 'preprocess_cfg.fill_color' must lie in 0..255, found 256");
        refused(config(VISION, TEXT, "\"fill_color\":-1"), "found -1");
    }

    @Test
    void trailingContentAndDuplicateKeysAreRefused() {
        refused(config(VISION, TEXT, null) + " {\"embed_dim\": 1}", "malformed JSON", "line 1");
        refused(config(VISION, TEXT, null) + "garbage", "malformed JSON");
        refused(config(VISION + ",\"width\":128", TEXT, null), "malformed JSON", "Duplicate field 'width'");
    }

    @Test
    void recordsNameTheValuesTheyWereGiven() {
        ConfigException e = assertThrows(ConfigException.class, () -> new VisionConfig(0, 16, 768, 12, 64, 4.0));
        assertTrue(e.getMessage().contains("image_size 0, patch_size 16, width 768"), e.getMessage());
    }
}
