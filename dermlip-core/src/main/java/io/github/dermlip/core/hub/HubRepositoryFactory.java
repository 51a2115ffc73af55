package io.github.dermlip.core.hub;

import ai.djl.repository.Repository;
import ai.djl.repository.RepositoryFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Set;

/**
 * DJL repositories for {@code hf-hub://ORG/NAME[@REVISION]} model URLs, so that
 * {@code Criteria.builder().optModelUrls("hf-hub://redlessone/DermLIP_ViT-B-16")} loads from the shared Hugging
 * Face cache. DJL finds this factory through {@code META-INF/services/ai.djl.repository.RepositoryFactory}.
 *
 * <p>The model is resolved (and downloaded when needed, with {@link HubSettings#fromEnvironment()}) when DJL asks
 * for the repository; the repository DJL gets is the local snapshot folder.
 */
public final class HubRepositoryFactory implements RepositoryFactory {
    /** The URL scheme handled. */
    public static final String SCHEME = "hf-hub";

    @Override
    public Repository newInstance(String name, URI uri) {
        ModelReference reference = ModelReference.parse(ModelReference.DJL_PREFIX + uri.getRawSchemeSpecificPart()
                .replaceFirst("^//", ""));
        try {
            return Repository.newInstance(name, reference.resolve().folder());
        } catch (IOException e) {
            throw new UncheckedIOException(uri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Set<String> getSupportedScheme() {
        return Set.of(SCHEME);
    }
}
