package io.github.dermlip.core.hub;

import io.github.dermlip.models.ModelCatalog;
import io.github.dermlip.models.PretrainedModel;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a user names a model, parsed once: a local folder, {@code hf-hub:ORG/NAME[@REVISION]} (also in DJL's URL
 * form {@code hf-hub://ORG/NAME[@REVISION]}), or a registry name such as {@code DermLIP_ViT-B-16}
 * ({@link ModelCatalog#pretrained()}).
 *
 * <p>An existing folder wins over a registry name of the same spelling, and nothing is ever downloaded for a
 * folder. {@link #resolve(HubSettings)} turns the reference into its {@link ModelFiles}. Hub downloads follow
 * {@link HubSettings#offline()}; in addition, when DJL runs offline ({@code -Dai.djl.offline=true}, which this
 * project's Maven runs set), a registry name is looked up in the cache only: a download then needs the explicit
 * {@code hf-hub:} form (or the {@code models download} command), so that asking DJL for no network is honoured
 * unless the user names the hub outright.
 */
public final class ModelReference {
    /** The prefix of a hub reference, as open_clip spells it. */
    public static final String HUB_PREFIX = "hf-hub:";
    /** The prefix of a hub reference as a DJL model URL. */
    public static final String DJL_PREFIX = "hf-hub://";
    /** The revision of a hub reference that names none. */
    public static final String DEFAULT_REVISION = "main";
    static final String DJL_OFFLINE_PROPERTY = "ai.djl.offline";

    private final String text;
    private final Path folder;
    private final String repoId;
    private final String revision;
    private final PretrainedModel registered;
    private final boolean explicit;

    private ModelReference(String text, Path folder, String repoId, String revision, PretrainedModel registered,
            boolean explicit) {
        this.text = text;
        this.folder = folder;
        this.repoId = repoId;
        this.revision = revision;
        this.registered = registered;
        this.explicit = explicit;
    }

    /** {@link #parse(String, Path)} with folders relative to the working directory. */
    public static ModelReference parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a reference; a folder is taken relative to {@code base} (null: the working directory).
     *
     * @throws IllegalArgumentException when a hub reference's repository is not {@code ORG/NAME} or its revision is
     *     empty
     */
    public static ModelReference parse(String text, Path base) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty model reference; expected a folder, " + HUB_PREFIX
                    + "ORG/NAME[@REVISION] or a registry name (" + ModelCatalog.pretrained().keySet() + ")");
        }
        String hub = text.startsWith(DJL_PREFIX) ? text.substring(DJL_PREFIX.length())
                : text.startsWith(HUB_PREFIX) ? text.substring(HUB_PREFIX.length()) : null;
        if (hub != null) {
            int at = hub.indexOf('@');
            String repo = at < 0 ? hub : hub.substring(0, at);
            String revision = at < 0 ? DEFAULT_REVISION : hub.substring(at + 1);
            if (!HubCache.isRepoId(repo) || revision.isBlank()) {
                throw new IllegalArgumentException("'" + text + "' is not a hub reference of the form " + HUB_PREFIX
                        + "ORG/NAME[@REVISION]");
            }
            return new ModelReference(text, null, repo, revision, null, true);
        }
        Path path = base == null ? Path.of(text) : base.resolve(text);
        Optional<PretrainedModel> entry = ModelCatalog.pretrained(text);
        if (entry.isPresent() && !Files.isDirectory(path)) {
            return of(entry.get());
        }
        return new ModelReference(text, path, null, null, null, false);
    }

    /** A reference to a registry entry (whatever folders exist). */
    public static ModelReference of(PretrainedModel model) {
        return new ModelReference(model.name(), null, model.repoId(), model.revision(), model, false);
    }

    /** A reference to a local folder. */
    public static ModelReference folder(Path folder) {
        return new ModelReference(folder.toString(), folder, null, null, null, false);
    }

    /**
     * This reference as if the user had named the hub explicitly, so that it may download even when DJL runs
     * offline (for commands whose whole point is to download, such as {@code models download}).
     */
    public ModelReference asExplicitHub() {
        requireHub();
        return new ModelReference(text, null, repoId, revision, registered, true);
    }

    /** True for a hub reference or a registry name; false for a local folder. */
    public boolean isHub() {
        return repoId != null;
    }

    /** The hub repository ({@code ORG/NAME}); only for {@link #isHub()} references. */
    public String repoId() {
        requireHub();
        return repoId;
    }

    /** The hub revision (branch, tag or commit); only for {@link #isHub()} references. */
    public String revision() {
        requireHub();
        return revision;
    }

    /** The registry entry this reference named, if it named one. */
    public Optional<PretrainedModel> registered() {
        return Optional.ofNullable(registered);
    }

    /** {@link #resolve(HubSettings)} with the settings of the environment ({@link HubSettings#fromEnvironment()}). */
    public ModelFiles resolve() throws IOException {
        return resolve(HubSettings.fromEnvironment());
    }

    /**
     * The model's files: a folder's own files, or a hub model's cached files, downloaded when needed and allowed.
     *
     * @throws FileNotFoundException when a folder is missing or is not a model folder
     * @throws HubException when a hub model cannot be found, downloaded, verified, or (offline) found in the cache
     */
    public ModelFiles resolve(HubSettings settings) throws IOException {
        if (!isHub()) {
            return ModelFiles.inFolder(folder);
        }
        boolean djlOffline = !explicit && Boolean.getBoolean(DJL_OFFLINE_PROPERTY) && !settings.offline();
        HubSettings effective = djlOffline ? settings.withOffline(true) : settings;
        ModelLayout layout = registered == null ? null
                : "hf-clip".equals(registered.layout()) ? ModelLayout.HF_CLIP : ModelLayout.OPEN_CLIP;
        try {
            return new HubModelFetcher(new HubDownloader(effective)).fetch(repoId, revision, layout);
        } catch (HubException e) {
            if (!djlOffline) {
                throw e;
            }
            throw new HubException(e.getMessage() + ". DJL runs offline (-D" + DJL_OFFLINE_PROPERTY + "=true), so a"
                    + " registry name only reads the cache; name the hub explicitly to download: " + HUB_PREFIX + repoId
                    + "@" + revision, e);
        }
    }

    /**
     * Where a hub model lives in the cache of {@code settings} (the repository folder, whether or not anything has
     * been downloaded yet), or the folder itself for a folder reference.
     */
    public Path location(HubSettings settings) {
        return isHub() ? settings.cache().repoDir(repoId) : folder.toAbsolutePath().normalize();
    }

    private void requireHub() {
        if (!isHub()) {
            throw new IllegalStateException("'" + text + "' names a local folder, not a hub model");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelReference r && Objects.equals(folder, r.folder) && Objects.equals(repoId, r.repoId)
                && Objects.equals(revision, r.revision);
    }

    @Override
    public int hashCode() {
        return Objects.hash(folder, repoId, revision);
    }

    /** The reference as the user wrote it. */
    @Override
    public String toString() {
        return text;
    }
}
