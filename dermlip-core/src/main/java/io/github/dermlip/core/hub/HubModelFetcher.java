package io.github.dermlip.core.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches what one model needs from a hub repository, and nothing more: its config, one weights file (the first
 * of {@link ModelLayout#weightsFiles()} the repository has), the tokenizer and preprocessing files it has, and,
 * for an open_clip config naming Hugging Face repositories ({@code hf_model_name}, {@code hf_tokenizer_name}),
 * those repositories' {@link ModelLayout#LINKED_REPO_FILES} at {@code main}.
 */
public final class HubModelFetcher {
    private static final String LINKED_REVISION = "main";

    private final HubDownloader downloader;

    /** A fetcher downloading through {@code downloader}. */
    public HubModelFetcher(HubDownloader downloader) {
        this.downloader = downloader;
    }

    /**
     * The model's files in the cache, downloaded as needed.
     *
     * @param layout the repository's layout, or null to take the layout whose config is cached, else the first
     *     whose config the repository has
     * @throws HubException when the repository has no config or no weights of the layout, or a download fails
     */
    public ModelFiles fetch(String repoId, String revision, ModelLayout layout) throws HubException {
        List<ModelLayout> candidates = layout != null ? List.of(layout) : detectionOrder(repoId, revision);
        for (ModelLayout candidate : candidates) {
            Optional<Path> config = downloader.file(repoId, revision, candidate.configFile());
            if (config.isPresent()) {
                return fetchRest(repoId, revision, candidate, config.get());
            }
        }
        List<String> names = candidates.stream().map(ModelLayout::configFile).toList();
        throw new HubException("hf-hub:" + repoId + "@" + revision + " has no model config (" + String.join(" or ", names)
                + ")");
    }

    /** Every layout, those whose config is already cached first, so a warm cache answers even offline. */
    private List<ModelLayout> detectionOrder(String repoId, String revision) {
        List<ModelLayout> order = new ArrayList<>();
        for (ModelLayout candidate : ModelLayout.values()) {
            if (downloader.cache().snapshotFile(repoId, revision, candidate.configFile()).isPresent()) {
                order.add(candidate);
            }
        }
        for (ModelLayout candidate : ModelLayout.values()) {
            if (!order.contains(candidate)) {
                order.add(candidate);
            }
        }
        return order;
    }

    private ModelFiles fetchRest(String repoId, String revision, ModelLayout layout, Path config) throws HubException {
        Path weights = null;
        for (String name : layout.weightsFiles()) {
            Optional<Path> found = downloader.file(repoId, revision, name);
            if (found.isPresent()) {
                weights = found.get();
                break;
            }
        }
        if (weights == null) {
            throw new HubException("hf-hub:" + repoId + "@" + revision + " has " + layout.configFile()
                    + " but no weights (" + String.join(" or ", layout.weightsFiles()) + ")");
        }
        List<Path> extras = new ArrayList<>();
        for (String name : layout.optionalFiles()) {
            downloader.file(repoId, revision, name).ifPresent(extras::add);
        }
        for (String linked : linkedRepos(config)) {
            for (String name : ModelLayout.LINKED_REPO_FILES) {
                downloader.file(linked, LINKED_REVISION, name);
            }
        }
        return new ModelFiles(config.getParent(), layout, config, weights, extras);
    }

    /** The hub repositories an open_clip config's text tower names; local paths and other values are skipped. */
    static Set<String> linkedRepos(Path config) throws HubException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(config.toFile());
        } catch (IOException e) {
            throw new HubException(config + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        JsonNode text = root.path("model_cfg").path("text_cfg");
        Set<String> repos = new LinkedHashSet<>();
        for (String field : List.of("hf_model_name", "hf_tokenizer_name")) {
            String name = text.path(field).asText("");
            if (HubCache.isRepoId(name)) {
                repos.add(name);
            }
        }
        return repos;
    }
}
