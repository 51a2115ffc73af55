package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A config whose sizes are absurd next to a normal weights file is refused from the shapes alone, before a single
 * array is allocated: no native allocation error, no out-of-memory, no zero-filling of gigabytes. Each case runs
 * under a few seconds and a JVM heap far smaller than what the config would ask for, and the error names the
 * config file, the field and its value.
 */
class ConfigBeforeAllocationTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource({
            "vision_cfg, mlp_ratio, 1e9, 1.0E9",
            "text_cfg, vocab_size, 100000000, 100000000",
            "vision_cfg, layers, 2147483647, 2147483647",
            "vision_cfg, image_size, 65536, 65536"})
    void hugeSizesAreRefusedFromTheShapes(String section, String field, String value, String printed, @TempDir Path tmp)
            throws Exception {
        Path fixture = SharedFixtures.openClipModel(FixtureTensors.GELU);
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(fixture.resolve(OpenClipHub.CONFIG_FILE).toFile());
        ObjectNode sectionNode = (ObjectNode) config.get("model_cfg").get(section);
        sectionNode.set(field, json.readTree(value));
        Path configFile = tmp.resolve(OpenClipHub.CONFIG_FILE);
        json.writeValue(configFile.toFile(), config);
        Files.copy(fixture.resolve(OpenClipHub.SAFETENSORS_FILE), tmp.resolve(OpenClipHub.SAFETENSORS_FILE));

        long heapBefore = usedHeap();
        RuntimeException e = assertTimeoutPreemptively(BOUND, () -> {
            try (NDManager manager = NDManager.newBaseManager()) {
                return assertThrows(RuntimeException.class, () -> OpenClipHub.load(tmp, manager));
            }
        });
        assertTrue(e.getMessage().contains(configFile.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(section + "." + field), e.getMessage());
        assertTrue(e.getMessage().contains(printed), e.getMessage());
        assertTrue(usedHeap() - heapBefore < 256L << 20, "the refusal itself allocated next to nothing");
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
