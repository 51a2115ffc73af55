package io.github.dermlip.core.hub;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * What the hub's resolve endpoint says about one file of one revision.
 *
 * @param repoId the repository, {@code ORG/NAME}
 * @param name the file's path in the repository
 * @param commit the commit the revision resolved to ({@code X-Repo-Commit}); null only for an absent file whose
 *     answer did not name it
 * @param etag the blob's name in the cache: the LFS sha256 ({@code X-Linked-Etag}) or the git blob id
 *     ({@code ETag}), unquoted; null when the revision has no such file
 * @param size the file's size in bytes ({@code X-Linked-Size}, else {@code Content-Length}), or -1 when unknown
 * @param location where its content is fetched (the resolve URL, or where the hub redirected it to)
 */
public record RemoteFile(String repoId, String name, String commit, String etag, long size, URI location) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The answer for a file that {@code commit} does not have (the hub's {@code EntryNotFound}). */
    public static RemoteFile absent(String repoId, String name, String commit) {
        return new RemoteFile(repoId, name, commit, null, -1, null);
    }

    /** True when the revision has the file. */
    public boolean exists() {
        return etag != null;
    }

    /** True when the etag is an LFS sha256, which the downloaded content must hash to. */
    public boolean isLfs() {
        return etag != null && SHA256.matcher(etag).matches();
    }
}
