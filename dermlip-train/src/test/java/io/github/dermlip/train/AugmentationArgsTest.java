package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.image.AugmentationConfig;
import io.github.dermlip.core.image.ColorJitterConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** open_clip's {@code --aug-cfg} syntax. */
class AugmentationArgsTest {

    @Test
    void parsesOpenClipsKeys() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("scale", "(0.4, 1.0)");
        pairs.put("color_jitter", "(0.32, 0.32, 0.32, 0.08)");
        pairs.put("color_jitter_prob", "0.8");
        pairs.put("gray_scale_prob", "0.2");
        AugmentationConfig cfg = AugmentationArgs.parse(pairs);
        assertEquals(0.4, cfg.scaleMin());
        assertEquals(1.0, cfg.scaleMax());
        assertEquals(new ColorJitterConfig(0.32, 0.32, 0.32, 0.08), cfg.colorJitter());
        assertEquals(0.8, cfg.colorJitterProb());
        assertEquals(0.2, cfg.grayscaleProb());
        assertEquals(AugmentationConfig.DEFAULT.ratioMin(), cfg.ratioMin());
    }

    @Test
    void emptyMeansOpenClipsDefaults() {
        assertEquals(AugmentationConfig.DEFAULT, AugmentationArgs.parse(Map.of()));
    }

    @Test
    void refusesUnknownKeysAndWrongArities() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> AugmentationArgs.parse(Map.of("re_prob", "0.25")));
        assertTrue(unknown.getMessage().contains("re_prob"));
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class,
                () -> AugmentationArgs.parse(Map.of("scale", "(0.4, 0.8, 1.0)")));
        assertTrue(arity.getMessage().contains("scale"));
        assertThrows(IllegalArgumentException.class, () -> AugmentationArgs.parse(Map.of("scale", "(a, b)")));
        assertThrows(IllegalArgumentException.class, () -> AugmentationArgs.parse(Map.of("color_jitter_prob", "0.5")));
    }
}
