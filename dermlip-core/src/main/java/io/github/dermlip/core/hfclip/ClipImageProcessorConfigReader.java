package io.github.dermlip.core.hfclip;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.core.config.ClipImageProcessorConfig;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.config.PreprocessConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads a Hugging Face {@code preprocessor_config.json} of a {@code CLIPImageProcessor} (or the older
 * {@code CLIPFeatureExtractor}) strictly, with transformers 4.33's defaults for absent fields.
 *
 * <p>{@code size} and {@code crop_size} may be dicts ({@code {"shortest_edge": S}}, {@code {"height": H, "width":
 * W}}) or the legacy plain integers, which transformers reads as {@code {"shortest_edge": S}} and a square crop.
 * Every step must be on ({@code do_convert_rgb}, {@code do_resize}, {@code do_center_crop}, {@code do_rescale} with
 * 1/255, {@code do_normalize}); a setting this library does not implement is refused by field name.
 */
public final class ClipImageProcessorConfigReader {
    private static final Set<String> READ = Set.of("size", "crop_size", "resample", "image_mean", "image_std",
            "do_convert_rgb", "do_resize", "do_center_crop", "do_rescale", "rescale_factor", "do_normalize",
            "image_processor_type", "feature_extractor_type");
    private static final Set<String> IGNORED = Set.of("processor_class");
    private static final Set<String> PROCESSOR_TYPES = Set.of("CLIPImageProcessor", "CLIPFeatureExtractor");
    private static final int PIL_BILINEAR = 2;
    private static final int PIL_BICUBIC = 3;
    private static final int DEFAULT_SIZE = 224;

    private ClipImageProcessorConfigReader() {}

    /** Reads the file; the error of a setting that is not implemented names the file and the field. */
    public static ClipImageProcessorConfig read(Path file) {
        JsonSection json = JsonSection.read(file);
        json.refuseUnknown(READ, IGNORED, "is not a CLIPImageProcessor field this library knows");
        for (String type : new String[] {"image_processor_type", "feature_extractor_type"}) {
            String value = json.stringOr(type, "CLIPImageProcessor");
            if (!PROCESSOR_TYPES.contains(value)) {
                throw json.error(type, "must be CLIPImageProcessor or CLIPFeatureExtractor, found \"" + value + "\"");
            }
        }
        for (String step : new String[] {"do_convert_rgb", "do_resize", "do_center_crop", "do_rescale", "do_normalize"}) {
            if (!json.boolOr(step, true)) {
                throw json.error(step, "must be true (skipping this step is not implemented)");
            }
        }
        double factor = json.doubleOr("rescale_factor", 1 / 255.0);
        if ((float) factor != 1 / 255f) {
            throw json.error("rescale_factor", "must be 1/255, found " + factor);
        }
        int resample = json.intOr("resample", PIL_BICUBIC);
        PreprocessConfig.Interpolation filter = switch (resample) {
            case PIL_BICUBIC -> PreprocessConfig.Interpolation.BICUBIC;
            case PIL_BILINEAR -> PreprocessConfig.Interpolation.BILINEAR;
            default -> throw json.error("resample", "must be 3 (bicubic) or 2 (bilinear), found " + resample);
        };
        int shortestEdge = shortestEdge(json);
        int cropSize = cropSize(json);
        List<Double> mean = json.doublesOr("image_mean", 3, PreprocessConfig.OPENAI_MEAN);
        List<Double> std = json.doublesOr("image_std", 3, PreprocessConfig.OPENAI_STD);
        try {
            return new ClipImageProcessorConfig(shortestEdge, cropSize, filter, mean, std);
        } catch (ConfigException e) {
            throw json.wrap(e);
        }
    }

    private static int shortestEdge(JsonSection json) {
        if (!json.has("size") || json.raw("size").isIntegralNumber()) {
            return json.intOr("size", DEFAULT_SIZE);
        }
        JsonSection size = json.objectOrNull("size");
        size.refuseUnknown(Set.of("shortest_edge"), Set.of(),
                "is not supported: only {\"shortest_edge\": S} resizing is implemented");
        if (!size.has("shortest_edge")) {
            throw size.error("shortest_edge", "is missing");
        }
        return size.intOr("shortest_edge", DEFAULT_SIZE);
    }

    private static int cropSize(JsonSection json) {
        if (!json.has("crop_size") || json.raw("crop_size").isIntegralNumber()) {
            return json.intOr("crop_size", DEFAULT_SIZE);
        }
        JsonSection crop = json.objectOrNull("crop_size");
        crop.refuseUnknown(Set.of("height", "width"), Set.of(), "is not a crop_size field");
        JsonNode height = crop.raw("height");
        int h = crop.intOr("height", -1);
        int w = crop.intOr("width", -1);
        if (height == null || h != w) {
            throw crop.error("height", "and width must both be given and equal (a square crop), found " + h + " and " + w);
        }
        return h;
    }
}
