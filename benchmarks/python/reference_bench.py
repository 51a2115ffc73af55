#!/usr/bin/env python3
"""PyTorch eager peer for the DermLIP-JVM benchmark.

Builds the same pre-LN CLIP (ViT image tower, causal text tower) from an open_clip `model_cfg` JSON, then
times the same workloads as the Java benchmark and prints one JSON object on stdout:

  train_samples_per_s, train_peak_rss_mib, train_*_s (median phase times), image_per_s_small, image_per_s_large,
  text_per_s, loader_per_s_1, loader_per_s_2, matmul_gflops

The keys and the workloads match the Java side (io.github.dermlip.bench): caption i has 10 + (17 i mod 31) tokens,
the training step is zero_grad, forward, ClipLoss, backward, clip_grad_norm_(1.0), AdamW (lr 1e-4, wd 0.2 on
open_clip's decayed parameters, betas (0.9, 0.98), eps 1e-6) and the logit-scale clamp. As in open_clip, the text
tower runs over the whole context (77 positions).

Written for this repository (no open_clip dependency) so that it runs with Debian's python3-torch alone. With
--open-clip-src DIR, the training, image and text rows use real open_clip instead (open_clip.model.CLIP built from
the same model_cfg, imported from DIR/src); its tokenizer's ftfy import is the only one the rows do not need, so a
stand-in is registered when ftfy is not installed. --rows info prints the torch version, its BLAS and the matmul
peak, which the Java side compares with its own before it quotes any ratio.
"""
import argparse
import io
import json
import math
import os
import re
import resource
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, width, heads, mlp_ratio):
        super().__init__()
        self.ln_1 = nn.LayerNorm(width)
        self.attn = nn.MultiheadAttention(width, heads, batch_first=True)
        self.ln_2 = nn.LayerNorm(width)
        hidden = int(width * mlp_ratio)
        self.mlp = nn.Sequential(nn.Linear(width, hidden), nn.GELU(), nn.Linear(hidden, width))

    def forward(self, x, mask=None):
        y = self.ln_1(x)
        x = x + self.attn(y, y, y, need_weights=False, attn_mask=mask)[0]
        return x + self.mlp(self.ln_2(x))


class Vision(nn.Module):
    def __init__(self, cfg, embed_dim):
        super().__init__()
        w, p, s = cfg["width"], cfg["patch_size"], cfg["image_size"]
        heads = w // cfg.get("head_width", 64)
        self.conv1 = nn.Conv2d(3, w, p, p, bias=False)
        self.class_embedding = nn.Parameter(torch.randn(w) * w ** -0.5)
        self.positional_embedding = nn.Parameter(torch.randn((s // p) ** 2 + 1, w) * w ** -0.5)
        self.ln_pre = nn.LayerNorm(w)
        self.blocks = nn.ModuleList([Block(w, heads, cfg.get("mlp_ratio", 4.0)) for _ in range(cfg["layers"])])
        self.ln_post = nn.LayerNorm(w)
        self.proj = nn.Parameter(torch.randn(w, embed_dim) * w ** -0.5)

    def forward(self, x):
        x = self.conv1(x).flatten(2).transpose(1, 2)
        cls = self.class_embedding.expand(x.shape[0], 1, -1)
        x = torch.cat([cls, x], dim=1) + self.positional_embedding
        x = self.ln_pre(x)
        for b in self.blocks:
            x = b(x)
        return self.ln_post(x[:, 0]) @ self.proj


class Text(nn.Module):
    def __init__(self, cfg, embed_dim):
        super().__init__()
        w, ctx = cfg["width"], cfg["context_length"]
        self.token_embedding = nn.Embedding(cfg["vocab_size"], w)
        self.positional_embedding = nn.Parameter(torch.randn(ctx, w) * 0.01)
        self.blocks = nn.ModuleList([Block(w, cfg["heads"], cfg.get("mlp_ratio", 4.0)) for _ in range(cfg["layers"])])
        self.ln_final = nn.LayerNorm(w)
        self.text_projection = nn.Parameter(torch.randn(w, embed_dim) * w ** -0.5)
        self.register_buffer("mask", torch.full((ctx, ctx), float("-inf")).triu(1), persistent=False)

    def forward(self, ids):
        x = self.token_embedding(ids) + self.positional_embedding
        for b in self.blocks:
            x = b(x, self.mask)
        x = self.ln_final(x)
        return x[torch.arange(x.shape[0]), ids.argmax(dim=-1)] @ self.text_projection


class Clip(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.visual = Vision(cfg["vision_cfg"], cfg["embed_dim"])
        self.text = Text(cfg["text_cfg"], cfg["embed_dim"])
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))

    def encode_text(self, ids):
        return self.text(ids)

    def forward(self, images, ids):
        i = F.normalize(self.visual(images), dim=-1)
        t = F.normalize(self.text(ids), dim=-1)
        return i, t, self.logit_scale.exp()


def open_clip_model(src):
    """open_clip's own CLIP class, imported from a source tree (DIR or DIR/src)."""
    root = os.path.join(src, "src") if os.path.isdir(os.path.join(src, "src", "open_clip")) else src
    sys.path.insert(0, root)
    try:
        import ftfy  # noqa: F401
    except ImportError:
        import types
        sys.modules["ftfy"] = types.SimpleNamespace(fix_text=lambda text, **kwargs: text)
    import open_clip
    from open_clip.model import CLIP as OpenClip

    def build(cfg):
        return OpenClip(**cfg)

    build.version = open_clip.__version__
    return build


MODEL = Clip


def clip_loss(i, t, scale):
    logits = scale * i @ t.T
    labels = torch.arange(i.shape[0])
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2


def caption_length(i):
    """Same rule as SyntheticInputs.captionLength: every length from 10 to 40 once per 31 captions."""
    return 10 + (17 * i) % 31


def fake_ids(n, ctx, vocab, gen):
    ids = torch.zeros(n, ctx, dtype=torch.long)
    for r in range(n):
        length = caption_length(r)
        ids[r, 0] = vocab - 2
        ids[r, 1:length - 1] = torch.randint(1, vocab - 2, (length - 2,), generator=gen)
        ids[r, length - 1] = vocab - 1
    return ids


def param_groups(model):
    decay, no_decay = [], []
    for n, p in model.named_parameters():
        (no_decay if p.ndim < 2 or "bias" in n or "ln" in n or "logit_scale" in n else decay).append(p)
    return [{"params": no_decay, "weight_decay": 0.0}, {"params": decay, "weight_decay": 0.2}]


def bench_train(cfg, batch, steps, warmup):
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    model = MODEL(cfg)
    opt = torch.optim.AdamW(param_groups(model), lr=1e-4, betas=(0.9, 0.98), eps=1e-6)
    s = cfg["vision_cfg"]["image_size"]
    images = torch.randn(batch, 3, s, s, generator=gen)
    ids = fake_ids(batch, cfg["text_cfg"]["context_length"], cfg["text_cfg"]["vocab_size"], gen)
    rates, total, fwd_bwd, clip, optim = [], [], [], [], []
    peak_before = bench_matmul(reps=5)
    for step in range(warmup + steps):
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = clip_loss(*model(images, ids))
        loss.backward()
        t1 = time.perf_counter()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        t2 = time.perf_counter()
        opt.step()
        t3 = time.perf_counter()
        with torch.no_grad():
            model.logit_scale.clamp_(0, math.log(100))
        t4 = time.perf_counter()
        if step >= warmup:
            rates.append(batch / (t4 - t0))
            total.append(t4 - t0)
            fwd_bwd.append(t1 - t0)
            clip.append(t2 - t1)
            optim.append(t3 - t2)
    return {
        "train_samples_per_s": statistics.median(rates),
        "train_step_s": statistics.median(total),
        "train_forward_backward_s": statistics.median(fwd_bwd),
        "train_clip_s": statistics.median(clip),
        "train_optimizer_s": statistics.median(optim),
        "train_fastest_step_s": min(total),
        "train_peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "train_matmul_gflops": max(peak_before, bench_matmul(reps=5)),
    }


def bench_image(cfg, batch, reps):
    torch.manual_seed(0)
    model = MODEL(cfg).eval()
    s = cfg["vision_cfg"]["image_size"]
    x = torch.randn(batch, 3, s, s)
    rates = []
    with torch.no_grad():
        model.visual(x)
        for _ in range(reps):
            t0 = time.perf_counter()
            model.visual(x)
            rates.append(batch / (time.perf_counter() - t0))
    return statistics.median(rates)


def bench_text(cfg, batch, reps):
    torch.manual_seed(0)
    model = MODEL(cfg).eval()
    ids = fake_ids(batch, cfg["text_cfg"]["context_length"], cfg["text_cfg"]["vocab_size"], torch.Generator().manual_seed(1))
    rates = []
    with torch.no_grad():
        model.encode_text(ids)
        for _ in range(reps):
            t0 = time.perf_counter()
            model.encode_text(ids)
            rates.append(batch / (time.perf_counter() - t0))
    return statistics.median(rates)


def bench_loader(jpeg_dir, size, workers):
    from PIL import Image
    import random
    mean = torch.tensor([0.48145466, 0.4578275, 0.40821073]).view(3, 1, 1)
    std = torch.tensor([0.26862954, 0.26130258, 0.27577711]).view(3, 1, 1)
    files = sorted(os.path.join(jpeg_dir, f) for f in os.listdir(jpeg_dir))

    def load(i):
        rng = random.Random(i)
        with open(files[i], "rb") as f:
            img = Image.open(io.BytesIO(f.read())).convert("RGB")
        w, h = img.size
        area = w * h * rng.uniform(0.9, 1.0)
        ratio = math.exp(rng.uniform(math.log(3 / 4), math.log(4 / 3)))
        cw = min(w, int(round(math.sqrt(area * ratio))))
        ch = min(h, int(round(math.sqrt(area / ratio))))
        x0, y0 = rng.randint(0, w - cw), rng.randint(0, h - ch)
        img = img.resize((size, size), Image.BICUBIC, box=(x0, y0, x0 + cw, y0 + ch))
        t = torch.frombuffer(bytearray(img.tobytes()), dtype=torch.uint8).view(size, size, 3).permute(2, 0, 1)
        return (t.float() / 255 - mean) / std

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(load, range(len(files))))
        t0 = time.perf_counter()
        list(pool.map(load, range(len(files))))
        return len(files) / (time.perf_counter() - t0)


def bench_matmul(n=2048, reps=10):
    a, b = torch.randn(n, n), torch.randn(n, n)
    a @ b
    best = 0.0
    for _ in range(reps):
        t0 = time.perf_counter()
        a @ b
        best = max(best, 2 * n ** 3 / (time.perf_counter() - t0) / 1e9)
    return best


def blas():
    """torch's BLAS as its build reports it, and the BLAS library it actually loaded (read after a product)."""
    bench_matmul(n=256, reps=1)
    info = re.findall(r"BLAS_INFO=[^,\s]+", torch.__config__.show())
    loaded = sorted({line.split()[-1] for line in open("/proc/self/maps") if "blas" in line.lower() or "mkl" in line.lower()}) \
        if os.path.exists("/proc/self/maps") else []
    return (info[0] if info else "BLAS_INFO unknown") + "; loaded: " + (", ".join(loaded) if loaded else "none found")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", required=True, help="bench-small model_cfg JSON")
    ap.add_argument("--large", required=True, help="ViT-B-16 model_cfg JSON")
    ap.add_argument("--jpegs", help="folder of 256x256 JPEGs for the loader row")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--train-batch", type=int, default=64)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--image-batch", type=int, default=32)
    ap.add_argument("--text-batch", type=int, default=256)
    ap.add_argument("--repeats", type=int, default=5, help="timed batches for bench-small and text; ViT-B-16 gets 2")
    ap.add_argument("--rows", default="train,image,text,loader,matmul")
    ap.add_argument("--open-clip-src", help="open_clip source tree: real open_clip as the peer")
    args = ap.parse_args()
    global MODEL  # noqa: PLW0603 - the rows build whichever implementation was chosen
    implementation = "reference_bench.py's own CLIP"
    if args.open_clip_src:
        MODEL = open_clip_model(args.open_clip_src)
        implementation = "open_clip " + MODEL.version
    torch.set_num_threads(args.threads)
    small = json.load(open(args.small))
    large = json.load(open(args.large))
    rows = set(args.rows.split(","))
    out = {"torch_version": torch.__version__, "threads": torch.get_num_threads(), "implementation": implementation}
    if "info" in rows:
        out["blas"] = blas()
        out["matmul_gflops"] = bench_matmul()
    if "train" in rows:
        out.update(bench_train(small, args.train_batch, args.steps, args.warmup))
    if "image" in rows:
        out["image_per_s_small"] = bench_image(small, args.image_batch, args.repeats)
        out["image_per_s_large"] = bench_image(large, args.image_batch, 2)
    if "text" in rows:
        out["text_per_s"] = bench_text(small, args.text_batch, args.repeats)
    if "loader" in rows and args.jpegs:
        s = small["vision_cfg"]["image_size"]
        out["loader_per_s_1"] = bench_loader(args.jpegs, s, 1)
        out["loader_per_s_2"] = bench_loader(args.jpegs, s, 2)
    if "matmul" in rows:
        out["matmul_gflops"] = bench_matmul()
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
