package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results file whose last line was torn by a kill is repaired before the next line is appended. */
class ResultsLogTest {
    @TempDir
    Path dir;

    private List<JsonNode> appendAfter(String existing) throws IOException {
        Path file = dir.resolve(ResultsLog.FILE_NAME);
        Files.writeString(file, existing, StandardCharsets.UTF_8);
        ResultsLog log = new ResultsLog(dir);
        log.append(ResultsLog.record("epoch").put("epoch", 2));
        log.append(ResultsLog.record("train").put("step", 9));
        return ResultsLog.read(file);
    }

    @Test
    void aTornLastLineIsCutOff() throws IOException {
        List<JsonNode> records = appendAfter("{\"type\":\"train\",\"step\":1}\n{\"type\":\"train\",\"st");
        assertEquals(3, records.size(), records.toString());
        assertEquals(1, records.get(0).get("step").asInt());
        assertEquals(2, records.get(1).get("epoch").asInt());
        assertEquals(9, records.get(2).get("step").asInt());
    }

    @Test
    void aWholeRecordMissingOnlyItsNewlineIsKept() throws IOException {
        List<JsonNode> records = appendAfter("{\"type\":\"train\",\"step\":1}\n{\"type\":\"train\",\"step\":2}");
        assertEquals(4, records.size(), records.toString());
        assertEquals(2, records.get(1).get("step").asInt());
    }

    @Test
    void aFileOfOnlyATornLineAndACleanFileAreFine() throws IOException {
        assertEquals(2, appendAfter("{\"type\":").size());
        assertEquals(3, appendAfter("{\"type\":\"train\",\"step\":1}\n").size());
    }
}
