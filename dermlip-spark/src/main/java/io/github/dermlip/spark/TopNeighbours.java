package io.github.dermlip.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code k} corpus rows found so far for one query; two partial results merge into one, so candidates
 * are reduced where they are found and only {@code k} per query and block cross the network.
 */
final class TopNeighbours implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One candidate. */
    record Neighbour(String id, float score) implements Serializable {}

    /** Best first: higher score, then the smaller id, so equal scores rank the same on every run. */
    static final Comparator<Neighbour> BEST_FIRST = Comparator.comparingDouble((Neighbour n) -> -n.score())
            .thenComparing(Neighbour::id);

    private final int k;
    private final PriorityQueue<Neighbour> worstFirst;

    TopNeighbours(int k) {
        this.k = k;
        this.worstFirst = new PriorityQueue<>(k + 1, BEST_FIRST.reversed());
    }

    /** Offers a candidate. */
    void offer(String id, float score) {
        if (worstFirst.size() == k) {
            Neighbour worst = worstFirst.peek();
            if (score < worst.score() || (score == worst.score() && id.compareTo(worst.id()) >= 0)) {
                return;
            }
        }
        worstFirst.add(new Neighbour(id, score));
        if (worstFirst.size() > k) {
            worstFirst.poll();
        }
    }

    /** This result with every candidate of {@code other} offered. */
    TopNeighbours merge(TopNeighbours other) {
        for (Neighbour n : other.worstFirst) {
            offer(n.id(), n.score());
        }
        return this;
    }

    /** The neighbours, best first. */
    List<Neighbour> best() {
        List<Neighbour> out = new ArrayList<>(worstFirst);
        out.sort(BEST_FIRST);
        return out;
    }
}
