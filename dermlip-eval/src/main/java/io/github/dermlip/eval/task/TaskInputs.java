package io.github.dermlip.eval.task;

import io.github.dermlip.core.prompts.ClassList;
import io.github.dermlip.core.prompts.PromptFiles;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.eval.concepts.ConceptAnnotator;
import io.github.dermlip.eval.concepts.PromptPair;
import io.github.dermlip.eval.data.BuiltinClassLists;
import io.github.dermlip.eval.data.CaptionCsv;
import io.github.dermlip.eval.data.CaptionedImages;
import io.github.dermlip.eval.data.ConceptDataset;
import io.github.dermlip.eval.data.ConceptPromptFiles;
import io.github.dermlip.eval.data.DatasetException;
import io.github.dermlip.eval.data.DatasetRegistry;
import io.github.dermlip.eval.data.EvalDataset;
import io.github.dermlip.eval.data.LabeledDataset;
import io.github.dermlip.eval.data.LoadOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns the dataset and prompt arguments that commands and suites share into loaded inputs, with the same
 * rules everywhere.
 */
public final class TaskInputs {
    private TaskInputs() {}

    /**
     * A classification dataset by registry name or CSV path ({@link DatasetRegistry}). With a class-list file and a
     * generic CSV (or MM-Skin) source, the file fixes the label order: CSV labels must be its names or indices into
     * it.
     *
     * @param split the split to keep, or null for all items
     */
    public static LabeledDataset labeled(String nameOrCsv, Path dataRoot, Path classesFile, String split) {
        LoadOptions options = LoadOptions.DEFAULT;
        if (classesFile != null && takesClassNames(nameOrCsv)) {
            options = options.withClassNames(PromptFiles.readClassList(classesFile).labels());
        }
        LabeledDataset data = DatasetRegistry.loadLabeled(nameOrCsv, dataRoot, options);
        return split == null ? data : data.filter(split);
    }

    /**
     * The class names to prompt with: the class-list file when given, else the built-in list of the dataset name
     * ({@link BuiltinClassLists}), else the dataset's own class names.
     */
    public static ClassList classList(String nameOrCsv, LabeledDataset data, Path classesFile) {
        if (classesFile != null) {
            return PromptFiles.readClassList(classesFile);
        }
        if (BuiltinClassLists.names().contains(nameOrCsv.toLowerCase(Locale.ROOT))) {
            return BuiltinClassLists.get(nameOrCsv);
        }
        return new ClassList(data.name(), data.classNames());
    }

    /** The prompt templates of a file, or DermLIP's eight skin templates when none is given. */
    public static PromptTemplates templates(Path templatesFile) {
        return templatesFile == null ? PromptTemplates.DERMLIP_SKIN : PromptFiles.readTemplates(templatesFile);
    }

    /**
     * Image-caption pairs: a registry name of a retrieval dataset ({@code skincap}, {@code derm1m}) read from
     * {@code dataRoot}, or any CSV with an image and a caption column ({@link CaptionCsv}), its relative image paths
     * resolved against {@code dataRoot} (the CSV's folder when null).
     */
    public static CaptionedImages captions(String nameOrCsv, Path dataRoot, String imageKey, String captionKey) {
        if (DatasetRegistry.names().contains(nameOrCsv.toLowerCase(Locale.ROOT))) {
            EvalDataset data = DatasetRegistry.load(nameOrCsv, dataRoot);
            if (data instanceof CaptionedImages captions) {
                return captions;
            }
            throw new DatasetException("'" + nameOrCsv + "' is not an image-caption dataset; give skincap, derm1m or"
                    + " a CSV file with image and caption columns");
        }
        return CaptionCsv.read(Path.of(nameOrCsv), dataRoot, imageKey, captionKey);
    }

    /**
     * Concept annotations in SkinCon's layout ({@code ImageID}, {@code Do not consider this image}, one 0/1
     * column per concept): {@code annotations} is the CSV file (or its folder); images are looked for under
     * {@code imageRoot} (the CSV's folder when null).
     */
    public static ConceptDataset concepts(Path annotations, Path imageRoot) {
        LoadOptions options = imageRoot == null ? LoadOptions.DEFAULT : LoadOptions.DEFAULT.withImageRoot(imageRoot);
        EvalDataset data = DatasetRegistry.load("skincon", annotations, options);
        return (ConceptDataset) data;
    }

    /** The concept prompt pairs of a file ({@link ConceptPromptFiles}), or DermLIP's six when none is given. */
    public static List<PromptPair> conceptPrompts(Path file) {
        return file == null ? ConceptAnnotator.DERMLIP_PROMPTS : ConceptPromptFiles.read(file);
    }

    private static boolean takesClassNames(String nameOrCsv) {
        String lower = nameOrCsv.toLowerCase(Locale.ROOT);
        return lower.equals("csv") || lower.equals("mmskin")
                || (lower.endsWith(".csv") && !DatasetRegistry.names().contains(lower));
    }
}
