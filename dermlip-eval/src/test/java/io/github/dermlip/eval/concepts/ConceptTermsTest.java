package io.github.dermlip.eval.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConceptTermsTest {
    @TempDir
    Path dir;

    @Test
    void readsMonetTermFilesAndSelectsCaseInsensitively() throws IOException {
        Path json = dir.resolve("ConceptTerms.json");
        Files.writeString(json, "{\"scale\": [\"flaky and scaly\", \"scaly\"], \"erythema\": [\"redness\"],"
                + " \"brown(hyperpigmentation)\": [\"hyperpigmented\"]}");
        Map<String, List<String>> terms = ConceptTerms.read(json);
        Map<String, List<String>> selected =
                ConceptTerms.select(List.of("Erythema", "Brown(Hyperpigmentation)", "Scale"), terms);
        assertEquals(List.of("Erythema", "Brown(Hyperpigmentation)", "Scale"), List.copyOf(selected.keySet()));
        assertEquals(List.of("flaky and scaly", "scaly"), selected.get("Scale"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ConceptTerms.select(List.of("Scale", "Wheal"), terms));
        assertTrue(missing.getMessage().contains("Wheal"));
    }

    @Test
    void rejectsMalformedFilesNamingThem() throws IOException {
        Path notAMap = dir.resolve("list.json");
        Files.writeString(notAMap, "[\"scale\"]");
        IOException e = assertThrows(IOException.class, () -> ConceptTerms.read(notAMap));
        assertTrue(e.getMessage().contains("list.json"), e.getMessage());
        Path emptyTerms = dir.resolve("empty.json");
        Files.writeString(emptyTerms, "{\"scale\": []}");
        assertThrows(IOException.class, () -> ConceptTerms.read(emptyTerms));
    }

    @Test
    void skinConHasFortyEightDistinctColumns() {
        assertEquals(48, SkinConConcepts.NAMES.size());
        assertEquals(48, new HashSet<>(SkinConConcepts.NAMES).size());
        assertEquals("Vesicle", SkinConConcepts.NAMES.get(0));
        assertEquals("Cyst", SkinConConcepts.NAMES.get(47));
        assertTrue(SkinConConcepts.NAMES.containsAll(List.of("Brown(Hyperpigmentation)", "White(Hypopigmentation)",
                "Purpura/Petechiae", "Exophytic/Fungating", "Warty/Papillomatous", "Flat topped", "Dome-shaped")));
    }
}
