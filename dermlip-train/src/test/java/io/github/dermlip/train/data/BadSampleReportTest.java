package io.github.dermlip.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadSampleReportTest {
    private final BadSampleReport report = new BadSampleReport(200,
            Map.of(BadSampleReason.MISSING_FILE, 3L, BadSampleReason.EMPTY_CAPTION, 1L),
            List.of(new BadSample("a.jpg", "m.csv", 4, BadSampleReason.MISSING_FILE, "no such file: /d/a.jpg"),
                    new BadSample("b.jpg", "m.csv", 9, BadSampleReason.EMPTY_CAPTION, "caption is empty")),
            2);

    @Test
    void totalsAndFractionAddUpTheReasons() {
        assertEquals(4, report.badSamples());
        assertEquals(0.02, report.badFraction(), 1e-12);
        assertEquals(0L, report.countsByReason().get(BadSampleReason.UNDECODABLE_IMAGE));
    }

    @Test
    void textListsCountsAndKeys() {
        String text = report.toText();

        assertTrue(text.startsWith("bad samples: 4 of 200 seen (2.000%)"), text);
        assertTrue(text.contains("MISSING_FILE: 3"), text);
        assertTrue(text.contains("first 2 bad samples:"), text);
        assertTrue(text.contains("a.jpg [MISSING_FILE] no such file: /d/a.jpg (m.csv, position 4)"), text);
        assertTrue(!text.contains("UNDECODABLE_IMAGE"), "reasons with no sample are left out of the text");
    }

    @Test
    void jsonHoldsTheSameFacts() throws IOException {
        JsonNode json = new ObjectMapper().readTree(report.toJson());

        assertEquals(200, json.get("samplesSeen").asLong());
        assertEquals(4, json.get("badSamples").asLong());
        assertEquals(3, json.get("countsByReason").get("MISSING_FILE").asLong());
        assertEquals(0, json.get("countsByReason").get("UNREADABLE_FILE").asLong());
        assertEquals(2, json.get("firstBadSamples").size());
        JsonNode second = json.get("firstBadSamples").get(1);
        assertEquals("b.jpg", second.get("key").asText());
        assertEquals("EMPTY_CAPTION", second.get("reason").asText());
        assertEquals(9, second.get("position").asLong());
    }
}
