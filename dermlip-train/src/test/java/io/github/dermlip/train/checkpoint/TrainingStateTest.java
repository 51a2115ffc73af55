package io.github.dermlip.train.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.train.data.BadSampleReason;
import io.github.dermlip.train.data.LoaderPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training state's JSON and the latest-checkpoint pointer. */
class TrainingStateTest {
    @TempDir
    Path dir;

    @Test
    void jsonRoundTripKeepsEveryField() {
        ObjectNode trajectory = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("lr", 1e-3);
        TrainingState state = new TrainingState(17, 2, 5, new LoaderPosition(2, 5, 83), 17,
                new ScheduleInputs("cosine", 1e-3, 4, 36, 6, 0, 1.0, 0.0), 42, TrainingState.hash(trajectory), trajectory,
                new EpochTotals(2.1002, 5, java.util.Map.of(BadSampleReason.MISSING_FILE, 3L)));
        assertEquals(state, TrainingState.fromJson(state.toJson(), "test"));
        assertEquals(Double.doubleToLongBits(state.epochTotals().lossSum()),
                Double.doubleToLongBits(TrainingState.fromJson(state.toJson(), "test").epochTotals().lossSum()));
        ObjectNode older = state.toJson();
        older.remove("epoch_totals");
        assertEquals(EpochTotals.NONE, TrainingState.fromJson(older, "test").epochTotals(), "states before the totals");
    }

    @Test
    void missingFieldsAreNamed() {
        ObjectNode json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("format_version", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingState.fromJson(json, "state.json"));
        assertTrue(e.getMessage().contains("state.json") && e.getMessage().contains("loader_position"), e.getMessage());
    }

    @Test
    void latestPointerNamesAnExistingCheckpoint() throws IOException {
        CheckpointLayout layout = new CheckpointLayout(dir);
        assertThrows(java.nio.file.NoSuchFileException.class, () -> LatestPointer.read(layout));
        Files.createDirectories(layout.step(4));
        LatestPointer.update(layout, layout.step(4));
        assertEquals(layout.step(4), LatestPointer.read(layout));
        assertEquals("step_4\n", Files.readString(layout.latestPointer()));
        Files.writeString(layout.latestPointer(), "../elsewhere");
        assertThrows(IOException.class, () -> LatestPointer.read(layout));
    }
}
