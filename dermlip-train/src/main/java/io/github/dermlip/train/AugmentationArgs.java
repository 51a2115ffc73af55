package io.github.dermlip.train;

import io.github.dermlip.core.image.AugmentationConfig;
import io.github.dermlip.core.image.ColorJitterConfig;
import java.util.Map;

/**
 * Parses open_clip's {@code --aug-cfg key=value ...} into an {@link AugmentationConfig}: {@code scale=(min, max)},
 * {@code ratio=(min, max)}, {@code color_jitter=(brightness, contrast, saturation, hue)} (or three values, hue 0,
 * or one value for the first three), {@code color_jitter_prob=p} and {@code gray_scale_prob=p}. Values are written
 * as in Python, with or without parentheses or brackets. Unset keys keep open_clip's defaults.
 */
public final class AugmentationArgs {
    private AugmentationArgs() {}

    /** The augmentation the pairs describe. */
    public static AugmentationConfig parse(Map<String, String> pairs) {
        AugmentationConfig cfg = AugmentationConfig.DEFAULT;
        ColorJitterConfig jitter = null;
        Double jitterProb = null;
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String key = e.getKey();
            double[] v = numbers(key, e.getValue());
            switch (key) {
                case "scale":
                    requireCount(key, v, 2);
                    cfg = cfg.withScale(v[0], v[1]);
                    break;
                case "ratio":
                    requireCount(key, v, 2);
                    cfg = cfg.withRatio(v[0], v[1]);
                    break;
                case "color_jitter":
                    if (v.length == 1) {
                        jitter = new ColorJitterConfig(v[0], v[0], v[0], 0);
                    } else if (v.length == 3) {
                        jitter = new ColorJitterConfig(v[0], v[1], v[2], 0);
                    } else {
                        requireCount(key, v, 4);
                        jitter = new ColorJitterConfig(v[0], v[1], v[2], v[3]);
                    }
                    break;
                case "color_jitter_prob":
                    requireCount(key, v, 1);
                    jitterProb = v[0];
                    break;
                case "gray_scale_prob":
                    requireCount(key, v, 1);
                    cfg = cfg.withGrayscale(v[0]);
                    break;
                default:
                    throw new IllegalArgumentException("--aug-cfg " + key + ": not supported (known: scale, ratio,"
                            + " color_jitter, color_jitter_prob, gray_scale_prob)");
            }
        }
        if (jitterProb != null && jitterProb > 0 && jitter == null) {
            throw new IllegalArgumentException("--aug-cfg color_jitter_prob needs color_jitter (four strengths)");
        }
        if (jitter != null) {
            cfg = cfg.withColorJitter(jitter, jitterProb == null ? 0 : jitterProb);
        }
        return cfg;
    }

    private static double[] numbers(String key, String text) {
        String body = text.strip();
        if ((body.startsWith("(") && body.endsWith(")")) || (body.startsWith("[") && body.endsWith("]"))) {
            body = body.substring(1, body.length() - 1);
        }
        String[] parts = body.split(",");
        int count = parts.length;
        if (count > 1 && parts[count - 1].isBlank()) {
            count--;
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("--aug-cfg " + key + "=" + text + ": not a number or a tuple of numbers");
            }
        }
        return out;
    }

    private static void requireCount(String key, double[] values, int count) {
        if (values.length != count) {
            throw new IllegalArgumentException("--aug-cfg " + key + ": expected " + count + " value"
                    + (count == 1 ? "" : "s") + ", found " + values.length);
        }
    }
}
