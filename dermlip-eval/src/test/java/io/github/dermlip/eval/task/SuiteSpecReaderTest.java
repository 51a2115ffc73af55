package io.github.dermlip.eval.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.hub.ModelReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteSpecReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryTaskTypeWithDefaultsAndRelativePaths() throws IOException {
        Path file = Files.writeString(dir.resolve("suite.json"), """
                {"models": [{"name": "A", "path": "models/a"}, {"name": "B", "path": "/abs/b", "batch_size": 8},
                            {"name": "C", "path": "hf-hub:org/tiny@v1"}, {"name": "D", "path": "DermLIP_ViT-B-16"}],
                 "tasks": [
                   {"type": "zeroshot", "dataset": "ham10000", "data_root": "data/ham", "group_by": "sex"},
                   {"type": "linear-probe", "dataset": "data/pad.csv", "data_root": "data", "percent": [1, 10, 100]},
                   {"type": "linear-probe", "dataset": "data/pad.csv", "data_root": "data", "shots": [1, 2],
                    "seeds": 2, "select_c": true},
                   {"type": "retrieval", "data": "skincap", "data_root": "data/skincap"},
                   {"type": "concepts", "name": "skincon", "data": "skincon.csv", "terms": "terms.json"}],
                 "seed": 4, "bootstrap": 200, "vocab": "bpe.txt.gz"}
                """);
        SuiteSpec spec = SuiteSpecReader.read(file);
        assertEquals(4, spec.seed());
        assertEquals(200, spec.bootstrap());
        assertEquals(new SuiteModel("A", ModelReference.folder(dir.resolve("models/a")), dir.resolve("bpe.txt.gz"), 32),
                spec.models().get(0));
        assertEquals(8, spec.models().get(1).batchSize());
        assertEquals(ModelReference.folder(Path.of("/abs/b")), spec.models().get(1).model());
        ModelReference hub = spec.models().get(2).model();
        assertEquals("org/tiny", hub.repoId());
        assertEquals("v1", hub.revision());
        ModelReference registered = spec.models().get(3).model();
        assertEquals("redlessone/DermLIP_ViT-B-16", registered.repoId());
        assertTrue(registered.registered().isPresent());
        assertEquals(new SuiteTask.ZeroShot("zeroshot-ham10000", "ham10000", dir.resolve("data/ham"), null, null, "sex",
                null), spec.tasks().get(0));
        SuiteTask.LinearProbe percent = (SuiteTask.LinearProbe) spec.tasks().get(1);
        assertEquals("linear-probe-pad", percent.label());
        assertEquals(dir.resolve("data/pad.csv").toString(), percent.dataset());
        assertEquals(List.of(ProbeBudget.percent(1), ProbeBudget.percent(10), ProbeBudget.percent(100)),
                percent.budgets());
        assertEquals(5, percent.seeds());
        SuiteTask.LinearProbe shots = (SuiteTask.LinearProbe) spec.tasks().get(2);
        assertEquals("linear-probe-pad-2", shots.label(), "generated labels are made unique");
        assertTrue(shots.selectC());
        assertEquals(new SuiteTask.Retrieval("retrieval-skincap", "skincap", dir.resolve("data/skincap"), "filepath",
                "title"), spec.tasks().get(3));
        assertEquals(new SuiteTask.Concepts("skincon", dir.resolve("skincon.csv"), null, dir.resolve("terms.json"),
                null), spec.tasks().get(4));
    }

    @Test
    void errorsNameTheFileAndTheField() throws IOException {
        assertError("{\"models\": [{\"name\": \"A\", \"path\": \"a\"}], \"tasks\": [{\"type\": \"zeroshot\","
                + " \"datset\": \"x\"}]}", "suite.json: tasks[0]: unknown field 'datset'");
        assertError("{\"models\": [{\"name\": \"A\", \"path\": \"a\"}], \"tasks\": [{\"type\": \"linear-probe\","
                + " \"dataset\": \"x.csv\", \"data_root\": \"d\"}]}", "tasks[0].percent/shots: give exactly one");
        assertError("{\"models\": [{\"name\": \"A\", \"path\": \"a\"}], \"tasks\": [{\"type\": \"linear-probe\","
                + " \"dataset\": \"x.csv\", \"data_root\": \"d\", \"percent\": [0]}]}", "tasks[0].percent[0]:");
        assertError("{\"models\": [], \"tasks\": []}", "models must be a non-empty array");
        assertError("{\"models\": [{\"name\": \"A\", \"path\": \"a\"}, {\"name\": \"A\", \"path\": \"b\"}],"
                + " \"tasks\": [{\"type\": \"retrieval\", \"data\": \"skincap\"}]}", "model name 'A' appears twice");
        assertError("{\"models\": [{\"name\": \"A\", \"path\": \"a\"}], \"tasks\": [{\"type\": \"probe\"}]}",
                "tasks[0].type: unknown task type 'probe'");
        assertError("[1]", "expected a JSON object");
    }

    private void assertError(String json, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("suite.json"), json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuiteSpecReader.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
