package io.github.dermlip.train.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands WebDataset shard patterns as open_clip's {@code --train-data} accepts them.
 *
 * <ul>
 *   <li>{@code {000000..000099}}: an ascending integer range; when a bound has a leading zero, every number
 *       is zero-padded to the longer bound's width.</li>
 *   <li>{@code {a,b,c}}: a list of alternatives.</li>
 *   <li>Several groups expand to every combination, leftmost group varying slowest.</li>
 *   <li>{@code ::} separates independent patterns, expanded one after the other.</li>
 * </ul>
 */
public final class ShardPattern {
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\.\\.(\\d+)");

    private ShardPattern() {}

    /** Every shard the pattern names, in order. */
    public static List<String> expand(String pattern) {
        List<String> shards = new ArrayList<>();
        for (String part : pattern.split("::", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("shard pattern '" + pattern + "' has an empty part around '::'");
            }
            expandInto(pattern, part, shards);
        }
        return shards;
    }

    private static void expandInto(String whole, String pattern, List<String> out) {
        int open = pattern.indexOf('{');
        int close = pattern.indexOf('}');
        if (open < 0) {
            if (close >= 0) {
                throw new IllegalArgumentException("shard pattern '" + whole + "' has '}' without '{'");
            }
            out.add(pattern);
            return;
        }
        if (close < open) {
            throw new IllegalArgumentException("shard pattern '" + whole + "' has '{' without a closing '}'");
        }
        String body = pattern.substring(open + 1, close);
        if (body.indexOf('{') >= 0) {
            throw new IllegalArgumentException("shard pattern '" + whole + "' nests braces, which is not supported");
        }
        String prefix = pattern.substring(0, open);
        String suffix = pattern.substring(close + 1);
        for (String alternative : alternatives(whole, body)) {
            expandInto(whole, prefix + alternative + suffix, out);
        }
    }

    private static List<String> alternatives(String whole, String body) {
        Matcher range = RANGE.matcher(body);
        if (range.matches()) {
            return range(whole, range.group(1), range.group(2));
        }
        if (body.indexOf(',') >= 0) {
            return List.of(body.split(",", -1));
        }
        throw new IllegalArgumentException("shard pattern '" + whole + "': group {" + body
                + "} is neither a range {first..last} nor a list {a,b}");
    }

    private static List<String> range(String whole, String first, String last) {
        long from = Long.parseLong(first);
        long to = Long.parseLong(last);
        if (from > to) {
            throw new IllegalArgumentException("shard pattern '" + whole + "': range {" + first + ".." + last
                    + "} runs backwards");
        }
        boolean padded = (first.length() > 1 && first.charAt(0) == '0') || (last.length() > 1 && last.charAt(0) == '0');
        int width = padded ? Math.max(first.length(), last.length()) : 0;
        List<String> values = new ArrayList<>();
        for (long value = from; value <= to; value++) {
            String digits = Long.toString(value);
            values.add(digits.length() < width ? "0".repeat(width - digits.length()) + digits : digits);
        }
        return values;
    }
}
