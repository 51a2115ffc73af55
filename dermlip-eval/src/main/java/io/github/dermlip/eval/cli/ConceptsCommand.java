package io.github.dermlip.eval.cli;

import io.github.dermlip.eval.concepts.ConceptTerms;
import io.github.dermlip.eval.concepts.PromptPair;
import io.github.dermlip.eval.data.ConceptDataset;
import io.github.dermlip.eval.task.ConceptReport;
import io.github.dermlip.eval.task.ConceptTask;
import io.github.dermlip.eval.task.TaskInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code concepts}: zero-shot annotation of clinical concepts (MONET's method), scored by per-concept AUROC
 * (files: {@link ConceptReport}).
 */
@Command(name = "concepts", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Zero-shot concept annotation on SkinCon-style labels: per-concept AUROC, mean, count > 0.7.")
final class ConceptsCommand implements Callable<Integer> {
    @Mixin
    private ModelOptions model;

    @Option(names = "--data", required = true, paramLabel = "CSV",
            description = "Annotations in SkinCon's layout: ImageID, 'Do not consider this image', one 0/1 column per"
                    + " concept (or the folder holding annotations_fitzpatrick17k.csv / skincon.csv).")
    private Path data;

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "Folder the images are looked for in, recursively (default: the CSV's folder).")
    private Path dataRoot;

    @Option(names = "--terms", required = true, paramLabel = "JSON",
            description = "Concept name to terms, MONET's ConceptTerms.json format.")
    private Path terms;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder.")
    private Path out;

    @Option(names = "--templates", paramLabel = "FILE",
            description = "Prompt pairs, a JSON array of {\"template\", \"reference\"} or lines 'template | reference'"
                    + " (default: DermLIP's six).")
    private Path templates;

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() throws IOException {
        ConceptDataset concepts = TaskInputs.concepts(data, dataRoot);
        Map<String, List<String>> termsByConcept = ConceptTerms.read(terms);
        List<PromptPair> prompts = TaskInputs.conceptPrompts(templates);
        return run.evaluate(model, out, (lip, bootstrap, commandLine) ->
                new ConceptTask(bootstrap).run(lip, concepts, termsByConcept, prompts, out, commandLine));
    }
}
