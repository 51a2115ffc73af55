package io.github.dermlip.core.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplatesTest {
    @TempDir
    Path dir;

    @Test
    void dermlipTemplatesFormatEveryClass() {
        PromptTemplates t = PromptTemplates.DERMLIP_SKIN;
        assertEquals(8, t.size());
        List<String> prompts = t.format("melanoma");
        assertEquals("This is a skin image of melanoma", prompts.get(0));
        assertEquals("melanoma, a skin disorder, is shown in this image.", prompts.get(4));
        assertEquals("This image depicts melanoma, a type of skin cancer.", prompts.get(7));
        List<List<String>> all = t.formatAll(new ClassList("daffodil", List.of("vitiligo", "acne", "SJS/TEN")));
        assertEquals(3, all.size());
        assertEquals("A skin image of SJS/TEN.", all.get(2).get(2));
    }

    @Test
    void templateWithoutPlaceholderIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PromptTemplates(List.of("a photo of {}", "a photo")));
        assertTrue(e.getMessage().contains("\"a photo\""), e.getMessage());
    }

    @Test
    void readsOnePerLineFiles() throws IOException {
        Path classes = Files.writeString(dir.resolve("my_classes.txt"), "\uFEFFnevus\n\n  melanoma  \r\nbasal cell carcinoma\n");
        ClassList list = PromptFiles.readClassList(classes);
        assertEquals("my_classes", list.name());
        assertEquals(List.of("nevus", "melanoma", "basal cell carcinoma"), list.labels());
        Path templates = Files.writeString(dir.resolve("t.txt"), "a photo of {}.\nclose-up of {}, a lesion.\n");
        assertEquals(List.of("a photo of x.", "close-up of x, a lesion."), PromptFiles.readTemplates(templates).format("x"));
    }

    @Test
    void readsJsonLists() throws IOException {
        Path classes = Files.writeString(dir.resolve("c.json"), "[\"benign\", \"malignant\"]");
        assertEquals(List.of("benign", "malignant"), PromptFiles.readClassList(classes).labels());
        Path bad = Files.writeString(dir.resolve("bad.json"), "[\"a\", 3]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptFiles.readClassList(bad));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("element 1"), e.getMessage());
    }

    /** A one-line JSON array is a list of templates wherever templates are read (train's --zeroshot-templates too). */
    @Test
    void aOneLineJsonArrayOfTemplatesIsSeveralTemplates() throws IOException {
        Path templates = Files.writeString(dir.resolve("t.json"), "[\"a photo of {}.\", \"{}, up close\"]\n");
        assertEquals(List.of("a photo of {}.", "{}, up close"), PromptFiles.readTemplates(templates).templates());
    }

    @Test
    void fileErrorsNameTheFile() throws IOException {
        Path dup = Files.writeString(dir.resolve("dup.txt"), "a\nb\na\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptFiles.readClassList(dup));
        assertTrue(e.getMessage().contains("dup.txt") && e.getMessage().contains("'a'"), e.getMessage());
        Path noPlaceholder = Files.writeString(dir.resolve("t.txt"), "a photo\n");
        e = assertThrows(IllegalArgumentException.class, () -> PromptFiles.readTemplates(noPlaceholder));
        assertTrue(e.getMessage().contains("t.txt"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PromptFiles.readTemplates(dir.resolve("none.txt")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
