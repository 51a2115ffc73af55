package io.github.dermlip.eval.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cross-modal retrieval metrics over N image-text pairs.
 *
 * @param n number of pairs
 * @param imageToText images as queries, texts as the gallery
 * @param textToImage texts as queries, images as the gallery
 */
public record RetrievalReport(int n, RetrievalDirection imageToText, RetrievalDirection textToImage) {

    /**
     * The metrics under open_clip's names: {@code image_to_text_mean_rank, image_to_text_median_rank,
     * image_to_text_R@k...}, then the same for {@code text_to_image}.
     */
    public Map<String, Double> scalars() {
        Map<String, Double> map = new LinkedHashMap<>();
        put(map, "image_to_text", imageToText);
        put(map, "text_to_image", textToImage);
        return Collections.unmodifiableMap(map);
    }

    private static void put(Map<String, Double> map, String prefix, RetrievalDirection direction) {
        map.put(prefix + "_mean_rank", direction.meanRank());
        map.put(prefix + "_median_rank", direction.medianRank());
        int[] ks = direction.ks();
        double[] recalls = direction.recallAtK();
        for (int i = 0; i < ks.length; i++) {
            map.put(prefix + "_R@" + ks[i], recalls[i]);
        }
    }
}
