/** open_clip's contrastive losses over {@link io.github.dermlip.core.model.ClipOutput}: CLIP's and SigLIP's. */
package io.github.dermlip.train.loss;
