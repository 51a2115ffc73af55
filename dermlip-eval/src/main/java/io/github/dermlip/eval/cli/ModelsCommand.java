package io.github.dermlip.eval.cli;

import io.github.dermlip.core.hub.HubException;
import io.github.dermlip.core.hub.HubSettings;
import io.github.dermlip.core.hub.ModelFiles;
import io.github.dermlip.core.hub.ModelReference;
import io.github.dermlip.models.ModelCatalog;
import io.github.dermlip.models.PretrainedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code models}: the registry of published checkpoints and the named architectures; {@code models download NAME}
 * fetches a model into the Hugging Face cache ahead of time; {@code models path NAME} prints where it lives.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the registry of published models and the named architecture configs.",
        subcommands = {ModelsCommand.Download.class, ModelsCommand.Where.class})
final class ModelsCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        HubSettings settings = HubSettings.fromEnvironment();
        out.println("Published models (load with --model NAME, or download first with `models download NAME`):");
        for (PretrainedModel model : ModelCatalog.pretrained().values()) {
            boolean cached = isCached(ModelReference.of(model), settings);
            out.printf("  %-36s %s  [%s, tokenizer %s]%s%n", model.name(), model.hubReference(), model.layout(),
                    model.tokenizer(), cached ? "  (cached)" : "");
            out.printf("  %-36s %s; licence: %s%n", "", model.architecture(), model.licence());
            out.printf("  %-36s verified: %s%n", "", model.verified());
        }
        out.println("Named architectures (train --model NAME):");
        out.println("  " + String.join(", ", ModelCatalog.architectures()));
        out.println("Hugging Face cache: " + settings.cache().root() + (settings.offline() ? " (offline)" : ""));
        out.flush();
        return 0;
    }

    private static boolean isCached(ModelReference reference, HubSettings settings) {
        try {
            reference.resolve(settings.withOffline(true));
            return true;
        } catch (IOException notCached) {
            return false;
        }
    }

    /** {@code models download NAME}: fetches the model's files into the cache now. */
    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Fetch a model (registry name or hf-hub:ORG/NAME[@REVISION]) into the Hugging Face cache.")
    static final class Download implements Callable<Integer> {
        @Parameters(paramLabel = "MODEL", converter = ModelReferenceConverter.class,
                description = "Registry name or hf-hub:ORG/NAME[@REVISION].")
        private ModelReference model;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!model.isHub()) {
                throw new IllegalArgumentException("'" + model + "' is a local folder; only hub models are downloaded");
            }
            ModelFiles files = model.asExplicitHub().resolve(HubSettings.fromEnvironment());
            PrintWriter out = spec.commandLine().getOut();
            out.println(files.folder());
            out.flush();
            return 0;
        }
    }

    /** {@code models path NAME}: where the model is, without downloading anything. */
    @Command(name = "path", mixinStandardHelpOptions = true,
            description = "Print the folder a model is in (its cache snapshot for a hub model); downloads nothing.")
    static final class Where implements Callable<Integer> {
        @Parameters(paramLabel = "MODEL", converter = ModelReferenceConverter.class,
                description = "Registry name, hf-hub:ORG/NAME[@REVISION] or a folder.")
        private ModelReference model;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            HubSettings settings = HubSettings.fromEnvironment();
            Path folder;
            try {
                folder = model.resolve(settings.withOffline(true)).folder();
            } catch (HubException e) {
                throw new HubException(model + " is not in the cache yet; it would be under " + model.location(settings)
                        + " (run `models download " + model + "`)", e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(folder);
            out.flush();
            return 0;
        }
    }
}
