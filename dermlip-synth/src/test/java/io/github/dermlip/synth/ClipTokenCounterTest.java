package io.github.dermlip.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test-side CLIP token counter agrees with open_clip on the shared tokenizer cases it is used for. */
class ClipTokenCounterTest {

    @Test
    void countsMatchOpenClipOnUntruncatedCases() throws Exception {
        ClipTokenCounter counter = new ClipTokenCounter(SharedData.require("vocab/bpe_simple_vocab_16e6.txt.gz"));
        List<String> lines = Files.readAllLines(SharedData.require("fixtures/clip_bpe_cases.jsonl"));
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            String text = node.get("text").asText();
            int used = 0;
            for (JsonNode id : node.get("ids")) {
                if (id.asInt() != 0) {
                    used++;
                }
            }
            // Skip truncated cases and those that html.unescape would change (the counter does not unescape).
            if (used >= 77 || text.indexOf('&') >= 0) {
                continue;
            }
            assertEquals(used, counter.count(text), "token count of " + text);
            checked++;
        }
        assertTrue(checked > 100, "too few fixture cases checked: " + checked);
    }
}
