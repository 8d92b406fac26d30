"""Train the Thai-digit classifier and write circulars/data/thai_digits.npz.

    .venv/bin/python scripts/train_digits.py [--per-font 600] [--epochs 30]

Strings of digits ๐–๙ (with some letters and punctuation) rendered from the
fonts-thai-tlwg fonts at 150–300 dpi, degraded like a scan (rotation, blur, noise, JPEG,
resampling to 300 dpi, Otsu), cut into glyphs as the re-reader cuts them, touching digits
included (circulars/ocr/glyphs.py); features: the normalised 24×24 glyph, its aspect ratio
and its size relative to the run's digit height; a 128-unit ReLU layer and a softmax over
11 classes (ten digits and "not a digit"), trained with Adam in numpy. Prints the accuracy
on a fresh test set rendered with another seed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from circulars.ocr.digits import DigitModel
from circulars.ocr.glyphs import digit_dataset

HIDDEN = 128
CLASSES = 11


def init(n_in: int, rng) -> dict:
    return {"w1": rng.normal(0, np.sqrt(2 / n_in), (n_in, HIDDEN)), "b1": np.zeros(HIDDEN),
            "w2": rng.normal(0, np.sqrt(2 / HIDDEN), (HIDDEN, CLASSES)), "b2": np.zeros(CLASSES)}


def grads(p: dict, x: np.ndarray, y: np.ndarray, decay: float) -> dict:
    h_pre = x @ p["w1"] + p["b1"]
    h = np.maximum(0, h_pre)
    z = h @ p["w2"] + p["b2"]
    z = np.exp(z - z.max(axis=1, keepdims=True))
    prob = z / z.sum(axis=1, keepdims=True)
    prob[np.arange(len(y)), y] -= 1
    dz = prob / len(y)
    dh = (dz @ p["w2"].T) * (h_pre > 0)
    return {"w2": h.T @ dz + decay * p["w2"], "b2": dz.sum(0),
            "w1": x.T @ dh + decay * p["w1"], "b1": dh.sum(0)}


def train(x, y, epochs: int, seed: int = 0, lr: float = 2e-3, decay: float = 1e-4) -> dict:
    rng = np.random.default_rng(seed)
    p = init(x.shape[1], rng)
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v = {k: np.zeros_like(v) for k, v in p.items()}
    t = 0
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), 128):
            idx = order[start : start + 128]
            g = grads(p, x[idx], y[idx], decay)
            t += 1
            for k in p:
                m[k] = 0.9 * m[k] + 0.1 * g[k]
                v[k] = 0.999 * v[k] + 0.001 * g[k] ** 2
                p[k] -= lr * (m[k] / (1 - 0.9**t)) / (np.sqrt(v[k] / (1 - 0.999**t)) + 1e-8)
    return p


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-font", type=int, default=600)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--out", type=Path, default=ROOT / "circulars" / "data" / "thai_digits.npz")
    args = ap.parse_args(argv)
    x, y = digit_dataset(args.per_font, seed=1)
    mean, std = x.mean(0), x.std(0) + 1e-3
    p = train((x - mean) / std, y, args.epochs)
    model = DigitModel(mean=mean, std=std, **p)
    xt, yt = digit_dataset(max(10, args.per_font // 4), seed=2)
    got = model.proba(xt).argmax(1)
    acc = float((got == yt).mean())
    digits = yt < CLASSES - 1
    model.save(args.out)
    print(f"{len(y)} training glyphs, {len(yt)} test glyphs: test accuracy {acc:.4f} "
          f"(digits {float((got[digits] == yt[digits]).mean()):.4f}, not-a-digit "
          f"{float((got[~digits] == yt[~digits]).mean()):.4f}); wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
