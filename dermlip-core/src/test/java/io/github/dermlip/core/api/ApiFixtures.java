package io.github.dermlip.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared open_clip fixtures as the API tests use them: image files, captions and open_clip's outputs. */
final class ApiFixtures {
    static final String GELU = "tiny-gelu";
    static final String QUICKGELU_CUSTOMTEXT = "tiny-quickgelu-customtext";

    private ApiFixtures() {}

    static Path dir(String fixture) {
        return SharedFixtures.openClipModel(fixture);
    }

    static DermLipOptions options() {
        return DermLipOptions.defaults().withVocabulary(SharedFixtures.bpeVocab());
    }

    /** The fixture's images in the order of {@code expected.json}, which is the order of the expected rows. */
    static List<Path> images(String fixture) throws IOException {
        JsonNode json = new ObjectMapper().readTree(dir(fixture).resolve("expected.json").toFile());
        List<Path> files = new ArrayList<>();
        for (JsonNode name : json.get("images")) {
            files.add(dir(fixture).resolve("images").resolve(name.asText()));
        }
        return files;
    }

    static List<String> captions(String fixture) throws IOException {
        String text = Files.readString(dir(fixture).resolve("captions.txt"), StandardCharsets.UTF_8);
        return text.lines().toList();
    }

    static double maxAbsDiff(float[][] a, float[][] b) {
        if (a.length != b.length) {
            throw new AssertionError(a.length + " rows, expected " + b.length);
        }
        double max = 0;
        for (int r = 0; r < a.length; r++) {
            if (a[r].length != b[r].length) {
                throw new AssertionError("row " + r + ": " + a[r].length + " values, expected " + b[r].length);
            }
            for (int i = 0; i < a[r].length; i++) {
                max = Math.max(max, Math.abs(a[r][i] - b[r][i]));
            }
        }
        return max;
    }

}
