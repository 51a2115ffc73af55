package io.github.dermlip.eval.stats;

/**
 * A metric on one subgroup of the evaluation set (e.g. one Fitzpatrick skin type).
 *
 * @param group the group's value in the group column
 * @param n number of rows in the group
 * @param estimate the metric on the group with its bootstrap interval
 */
public record GroupEstimate(String group, int n, Estimate estimate) {}
