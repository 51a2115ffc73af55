package io.github.dermlip.train.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.train.data.BadSampleReason;
import io.github.dermlip.train.data.LoaderPosition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Where a run stands, as saved in {@code training_state.json}: enough, with the weights and the optimizer moments,
 * to continue it so that every later step is computed exactly as in an uninterrupted run.
 *
 * <p>The run has no hidden random state to save: the initial weights come from the seed (and are in the
 * checkpoint anyway), the model has no dropout, and the data order and every augmentation follow from
 * {@code (seed, epoch, position)} through the loader's {@code EpochSeeds}. The seed and the loader position
 * therefore are the complete random state.
 *
 * @param step optimizer steps completed
 * @param epoch the epoch in progress (0-based): the next step belongs to it
 * @param stepInEpoch steps of {@code epoch} already completed
 * @param loaderPosition where the training data continues
 * @param optimizerSteps AdamW's step count (for its bias correction)
 * @param schedule the inputs of the learning-rate schedule
 * @param seed the run's seed
 * @param configHash SHA-256 of {@code trajectoryConfig}
 * @param trajectoryConfig the arguments a resumed run must share (see {@code TrainConfig#trajectoryJson()})
 * @param epochTotals the running sums of {@code epoch} (absent from states written before they were kept: none)
 */
public record TrainingState(long step, int epoch, long stepInEpoch, LoaderPosition loaderPosition, long optimizerSteps,
        ScheduleInputs schedule, long seed, String configHash, ObjectNode trajectoryConfig, EpochTotals epochTotals) {
    /** Version of the JSON layout. */
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** SHA-256 (hex) of a config's canonical JSON text. */
    public static String hash(ObjectNode config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(config).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the config", e);
        }
    }

    /** The state as the JSON document of {@code training_state.json}. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("step", step);
        root.put("epoch", epoch);
        root.put("step_in_epoch", stepInEpoch);
        ObjectNode loader = root.putObject("loader_position");
        loader.put("epoch", loaderPosition.epoch());
        loader.put("batch", loaderPosition.batch());
        loader.put("sample", loaderPosition.sample());
        root.put("optimizer_steps", optimizerSteps);
        ObjectNode s = root.putObject("scheduler");
        s.put("name", schedule.scheduler());
        s.put("base_lr", schedule.baseLr());
        s.put("warmup", schedule.warmup());
        s.put("total_steps", schedule.totalSteps());
        s.put("steps_per_epoch", schedule.stepsPerEpoch());
        s.put("cooldown_steps", schedule.cooldownSteps());
        s.put("cooldown_power", schedule.cooldownPower());
        s.put("cooldown_end_lr", schedule.cooldownEndLr());
        ObjectNode rng = root.putObject("rng");
        rng.put("seed", seed);
        rng.put("model_init", "torch manual seed = seed, before the initial weights are drawn");
        rng.put("data", "epoch order and per-sample augmentation from EpochSeeds(seed, epoch, position)");
        rng.put("dropout", "none: the model has no stochastic layers");
        root.put("config_hash", configHash);
        root.set("trajectory_config", trajectoryConfig);
        ObjectNode totals = root.putObject("epoch_totals");
        totals.put("loss_sum", epochTotals.lossSum());
        totals.put("steps", epochTotals.steps());
        ObjectNode skipped = totals.putObject("skipped");
        epochTotals.skipped().forEach((reason, count) -> skipped.put(reason.name(), count));
        return root;
    }

    /** Parses {@code training_state.json}; {@code source} names the file in errors. */
    public static TrainingState fromJson(JsonNode root, String source) {
        int version = required(root, "format_version", source).asInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(source + ": format_version " + version + " is not supported (expected "
                    + FORMAT_VERSION + ")");
        }
        JsonNode loader = required(root, "loader_position", source);
        JsonNode s = required(root, "scheduler", source);
        JsonNode trajectory = required(root, "trajectory_config", source);
        if (!trajectory.isObject()) {
            throw new IllegalArgumentException(source + ": field 'trajectory_config' must be an object");
        }
        return new TrainingState(required(root, "step", source).asLong(), required(root, "epoch", source).asInt(),
                required(root, "step_in_epoch", source).asLong(),
                new LoaderPosition(required(loader, "epoch", source).asInt(), required(loader, "batch", source).asInt(),
                        required(loader, "sample", source).asLong()),
                required(root, "optimizer_steps", source).asLong(),
                new ScheduleInputs(required(s, "name", source).asText(), required(s, "base_lr", source).asDouble(),
                        required(s, "warmup", source).asLong(), required(s, "total_steps", source).asLong(),
                        required(s, "steps_per_epoch", source).asLong(), required(s, "cooldown_steps", source).asLong(),
                        required(s, "cooldown_power", source).asDouble(),
                        required(s, "cooldown_end_lr", source).asDouble()),
                required(required(root, "rng", source), "seed", source).asLong(),
                required(root, "config_hash", source).asText(), (ObjectNode) trajectory,
                epochTotals(root.get("epoch_totals"), source));
    }

    private static EpochTotals epochTotals(JsonNode node, String source) {
        if (node == null || node.isNull()) {
            return EpochTotals.NONE;
        }
        Map<BadSampleReason, Long> skipped = new EnumMap<>(BadSampleReason.class);
        JsonNode counts = required(node, "skipped", source);
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                skipped.put(BadSampleReason.valueOf(e.getKey()), e.getValue().asLong());
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(source + ": field 'epoch_totals.skipped' has an unknown reason '"
                        + e.getKey() + "'", unknown);
            }
        }
        return new EpochTotals(required(node, "loss_sum", source).asDouble(), required(node, "steps", source).asLong(),
                skipped);
    }

    private static JsonNode required(JsonNode node, String field, String source) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(source + ": field '" + field + "' is missing");
        }
        return value;
    }
}
