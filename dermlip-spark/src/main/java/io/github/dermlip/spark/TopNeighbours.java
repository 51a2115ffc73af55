package io.github.dermlip.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The best {@code k} corpus rows found so far for one query; two partial results merge into one, so candidates
 * are reduced where they are found and only {@code k} per query and block cross the network. Kept as a sorted
 * list: k is small, and a list serializes without its comparator.
 */
final class TopNeighbours implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One candidate. */
    record Neighbour(String id, float score) implements Serializable {}

    /** Best first: higher score, then the smaller id, so equal scores rank the same on every run. */
    private static final Comparator<Neighbour> BEST_FIRST = Comparator.comparingDouble((Neighbour n) -> -n.score())
            .thenComparing(Neighbour::id);

    private final int k;
    private final ArrayList<Neighbour> best;

    TopNeighbours(int k) {
        this.k = k;
        this.best = new ArrayList<>(k + 1);
    }

    /** Offers a candidate. */
    void offer(String id, float score) {
        Neighbour candidate = new Neighbour(id, score);
        if (best.size() == k && BEST_FIRST.compare(candidate, best.get(k - 1)) >= 0) {
            return;
        }
        int at = Collections.binarySearch(best, candidate, BEST_FIRST);
        best.add(at < 0 ? -at - 1 : at, candidate);
        if (best.size() > k) {
            best.remove(k);
        }
    }

    /** This result with every candidate of {@code other} offered. */
    TopNeighbours merge(TopNeighbours other) {
        for (Neighbour n : other.best) {
            offer(n.id(), n.score());
        }
        return this;
    }

    /** The neighbours, best first. */
    List<Neighbour> best() {
        return List.copyOf(best);
    }
}
