package io.github.dermlip.eval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.Classifications;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.DermLipOptions;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.eval.data.BuiltinClassLists;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classify} prints, per image, the classes and probabilities of the API's zero-shot classifier. */
class ClassifyCommandTest {

    @Test
    void printsTheTopClassesOfTheZeroShotClassifierWithDermLipTemplates(@TempDir Path tmp) throws Exception {
        Path fixture = CliFixtures.dir(CliFixtures.QUICKGELU_CUSTOMTEXT);
        List<String> classes = List.of("melanoma", "nevus", "basal cell carcinoma", "psoriasis", "eczema");
        Path classFile = Files.writeString(tmp.resolve("classes.txt"), String.join("\n", classes) + "\n");
        CliFixtures.Run run = CliFixtures.run("classify", "--model", fixture.toString(), "--images",
                fixture.resolve("images").toString(), "--classes", classFile.toString(), "--top", "2",
                "--vocab", CliFixtures.vocab());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(expectedTable(fixture, classes, PromptTemplates.DERMLIP_SKIN.templates(), 2), run.out().lines().toList());
    }

    @Test
    void acceptsATemplateFileAndABuiltInClassList(@TempDir Path tmp) throws Exception {
        Path fixture = CliFixtures.dir(CliFixtures.GELU);
        List<String> templates = List.of("a dermoscopy image of {}", "a clinical photo of {}.");
        Path templateFile = Files.writeString(tmp.resolve("templates.txt"), String.join("\n", templates));
        CliFixtures.Run run = CliFixtures.run("classify", "--model", fixture.toString(), "--images",
                fixture.resolve("images").toString(), "--classes", "ddi", "--templates", templateFile.toString(),
                "--top", "5", "--vocab", CliFixtures.vocab());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1 + 6 * 2, lines.size(), "--top is capped at the number of classes");
        assertEquals(expectedTable(fixture, BuiltinClassLists.DDI.labels(), templates, 2), lines);
    }

    /** The table the command should print, computed with the API directly. */
    private static List<String> expectedTable(Path fixture, List<String> classes, List<String> templates, int top)
            throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("image\trank\tclass\tprobability");
        List<Path> files = ImageFiles.list(fixture.resolve("images"));
        try (DermLip lip = DermLip.load(fixture, DermLipOptions.defaults().withVocabulary(SharedFixtures.bpeVocab()))) {
            List<Classifications> results = lip.zeroShotClassifier(classes, templates).classify(files);
            for (int i = 0; i < files.size(); i++) {
                List<Classifications.Classification> best = results.get(i).topK(top);
                for (int r = 0; r < best.size(); r++) {
                    lines.add(String.format(Locale.ROOT, "%s\t%d\t%s\t%.6f", files.get(i).getFileName(), r + 1,
                            best.get(r).getClassName(), best.get(r).getProbability()));
                }
            }
        }
        assertTrue(lines.size() > 1);
        return lines;
    }
}
