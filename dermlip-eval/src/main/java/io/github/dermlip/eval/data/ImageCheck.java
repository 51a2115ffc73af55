package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the images a loader could not find and, at the end, fails or warns according to the
 * {@link MissingImagePolicy}, naming the first few missing entries, their count and where they were looked for.
 */
final class ImageCheck {
    /** How many missing names an error or warning lists. */
    static final int SHOWN = 5;
    private static final System.Logger LOG = System.getLogger(ImageCheck.class.getName());

    private final String dataset;
    private final String searched;
    private final MissingImagePolicy policy;
    private final List<String> firstMissing = new ArrayList<>();
    private int missing;
    private int total;

    /**
     * @param dataset dataset name for the message
     * @param searched where the images were looked for, as the message should say it ("under /data/ham")
     * @param policy what to do about missing images
     */
    ImageCheck(String dataset, String searched, MissingImagePolicy policy) {
        this.dataset = dataset;
        this.searched = searched;
        this.policy = policy;
    }

    /** Records one image: true when {@code found} is non-null, else counts {@code wanted} as missing. */
    boolean accept(Path found, String wanted) {
        total++;
        if (found != null) {
            return true;
        }
        missing++;
        if (firstMissing.size() < SHOWN) {
            firstMissing.add(wanted);
        }
        return false;
    }

    /** Throws under {@link MissingImagePolicy#FAIL}, logs under {@link MissingImagePolicy#SKIP}, when any is missing. */
    void finish() {
        if (missing == 0) {
            return;
        }
        String message = dataset + ": " + missing + " of " + total + " images not found " + searched
                + "; first missing: " + firstMissing;
        if (policy == MissingImagePolicy.FAIL) {
            throw new DatasetException(message + ". Use the SKIP policy to evaluate on the images present.");
        }
        LOG.log(System.Logger.Level.WARNING, message + "; those rows are skipped");
    }
}
