/**
 * The inference API: load an open_clip / DermLIP hub directory and turn images and captions into embeddings or
 * zero-shot predictions.
 *
 * <ul>
 *   <li>{@link io.github.dermlip.core.api.DermLip}: config, weights, tokenizer and eval transform; batched
 *       {@code encodeImages}, {@code encodeImageList} and {@code encodeTexts} into Java arrays, with images
 *       decoded and preprocessed in parallel while the model runs.</li>
 *   <li>{@link io.github.dermlip.core.api.ZeroShotClassifier}: open_clip's prompt-ensemble zero-shot classifier
 *       (fixed logit scale 100), giving DJL {@link ai.djl.modality.Classifications}.</li>
 *   <li>{@link io.github.dermlip.core.api.ZeroShotBlock}, {@link io.github.dermlip.core.api.ZeroShotTranslator} and
 *       {@link io.github.dermlip.core.api.DermLipCriteria}: the same classifier as a DJL model, for
 *       {@code Criteria.loadModel().newPredictor().predict(image)}.</li>
 * </ul>
 *
 * <p>Thread-safety: {@code DermLip}, {@code ZeroShotClassifier}, {@code ZeroShotTranslator} and {@code Embeddings}
 * may be shared between threads; {@code DermLipOptions} is an immutable record. A DJL {@code Predictor} is, as
 * always in DJL, for one thread at a time (create one per thread from the same {@code ZooModel}).
 *
 * <p>Native memory: every batch runs in a child {@link ai.djl.ndarray.NDManager} that is closed once its results
 * are in Java arrays; weights are freed when their owner ({@code DermLip}, or the {@code ZooModel} that
 * {@code DermLipCriteria.zeroShot} hands them to) is closed.
 */
package io.github.dermlip.core.api;
