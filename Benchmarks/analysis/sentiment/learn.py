#!/usr/bin/env python3
"""Learns the sentiment stage's sentence model on the TRAINING split of the NYT editorial snippets.

    swift build --scratch-path .build-sentiment --product wb-sentiment
    python3 Benchmarks/analysis/sentiment/learn.py --stage .build-sentiment/debug/wb-sentiment \
        --nyt ../shared/eval/datasets/vader-nyt-editorials --vader-sdist vaderSentiment-3.3.2.tar.gz

What it learns (written to Sources/TextKit/Resources/sentiment/):
  model.json            the coefficients of the rule features (VADER compound, mean valence, labMT happiness)
  learned_weights.tsv   a bag-of-words correction: one weight per word (rating units)
by weighted ridge regression of the human mean rating (-4..4) on
  rating ~ a*compound + b*mean_valence + c*happiness + d + sum_w u_w * x_w,   penalty lambda * sum_w u_w^2
where x_w is the word's count per sentence / sqrt(words + 1), averaged over the snippet's sentences by length
(exactly how the stage applies the weights). Words are grouped by a crude stem (stem() below) while fitting, so
inflections share a weight; the weights file lists every training word under its stem's weight. The features come from the stage itself (`wb-sentiment --features`),
so training and use cannot drift apart.

Data (nothing from the held-out split):
  - NYT editorial snippets whose EDITORIAL is in the training split: Metrics.isTest(editorial id) is false, with
    the editorial id the part of the snippet id before "_" (so no editorial has snippets on both sides). Weight 3.
  - The other three rated sets of Hutto & Gilbert (2014) — movie-review, product-review and tweet snippets, each
    rated by 20 people on the same scale — from the vaderSentiment 3.3.2 sdist (MIT). Weight 1. None is evaluated.
The penalty is chosen by 2-fold cross-validation inside the training split (folds by editorial, hash of "cv"+id).
Standard library only; deterministic.
"""
import argparse
import io
import json
import math
import os
import subprocess
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "../../../Sources/TextKit/Resources/sentiment"))
DENSE = ["compound", "positive", "negative", "mean_valence", "happiness"]


def stem(word):
    """A crude suffix stripper, so the learned weights are shared by a word's inflections (attack, attacks, attacked)."""
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


def stemmed(f):
    """The features with their bag of words keyed by stem."""
    g = dict(f)
    words = {}
    for w, c in f["words"].items():
        words[stem(w)] = words.get(stem(w), 0.0) + c
    g["words"] = words
    return g


def is_test(identifier, fraction=0.5):
    """Metrics.isTest: FNV-1a 64 of the UTF-8 id, modulo 10,000, below fraction * 10,000."""
    h = 0xCBF29CE484222325
    for b in identifier.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return (h % 10000) / 10000 < fraction


def read_rated(text):
    rows = []
    for line in text.splitlines():
        parts = line.rstrip("\r").split("\t")
        if len(parts) >= 3 and parts[1].strip():
            try:
                rows.append((parts[0], float(parts[1]), "\t".join(parts[2:])))
            except ValueError:
                pass
    return rows


def nyt_rows(folder):
    with open(os.path.join(folder, "nytEditorialSnippets_GroundTruth.txt"), encoding="latin-1") as f:
        return read_rated(f.read())


def other_rows(sdist):
    """Movie, product and tweet snippets from the nested hutto_ICWSM_2014.tar.gz of the vaderSentiment sdist."""
    with tarfile.open(sdist) as outer:
        member = next(m for m in outer.getmembers() if m.name.endswith("hutto_ICWSM_2014.tar.gz"))
        inner = tarfile.open(fileobj=io.BytesIO(outer.extractfile(member).read()))
        rows = []
        for name in ["movieReviewSnippets", "amazonReviewSnippets", "tweets"]:
            m = next(m for m in inner.getmembers() if m.name.endswith(name + "_GroundTruth.txt"))
            rows += [(name + ":" + i, y, t) for i, y, t in read_rated(inner.extractfile(m).read().decode("latin-1"))]
        return rows


def features(stage, rows):
    payload = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, _, t in rows)
    out = subprocess.run([stage, "--features"], input=payload, capture_output=True, text=True, check=True).stdout
    by_id = {}
    for line in out.splitlines():
        f = json.loads(line)
        by_id[f["id"]] = f
    return [by_id[i] for i, _, _ in rows]


class Problem:
    """Sparse weighted ridge: dense columns (not penalised) then one column per word."""

    def __init__(self, feats, ys, weights, vocab):
        self.vocab = vocab
        index = {w: k for k, w in enumerate(vocab)}
        self.d = len(DENSE) + 1
        self.rows = []
        for f in feats:
            dense = [f[n] for n in DENSE] + [1.0]
            sparse = [(self.d + index[w], c) for w, c in sorted(f["words"].items()) if w in index]
            self.rows.append((dense, sparse))
        self.y = ys
        self.w = weights
        self.n = self.d + len(vocab)

    def predict(self, beta):
        out = []
        for dense, sparse in self.rows:
            s = sum(a * b for a, b in zip(dense, beta))
            for j, c in sparse:
                s += c * beta[j]
            out.append(s)
        return out

    def normal_matvec(self, v, lam):
        xv = self.predict(v)
        out = [0.0] * self.n
        for (dense, sparse), p, w in zip(self.rows, xv, self.w):
            wp = w * p
            for k in range(self.d):
                out[k] += dense[k] * wp
            for j, c in sparse:
                out[j] += c * wp
        for j in range(self.d, self.n):
            out[j] += lam * v[j]
        for k in range(self.d):
            out[k] += 1e-6 * v[k]
        return out

    def solve(self, lam, iterations=400):
        """Conjugate gradients on the normal equations."""
        b = [0.0] * self.n
        for (dense, sparse), y, w in zip(self.rows, self.y, self.w):
            for k in range(self.d):
                b[k] += dense[k] * w * y
            for j, c in sparse:
                b[j] += c * w * y
        x = [0.0] * self.n
        r = b[:]
        p = r[:]
        rr = sum(v * v for v in r)
        for _ in range(iterations):
            ap = self.normal_matvec(p, lam)
            alpha = rr / sum(a * c for a, c in zip(p, ap))
            x = [a + alpha * c for a, c in zip(x, p)]
            r = [a - alpha * c for a, c in zip(r, ap)]
            new = sum(v * v for v in r)
            if new < 1e-10 * len(r):
                break
            p = [a + (new / rr) * c for a, c in zip(r, p)]
            rr = new
        return x


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else 0.0


def vocabulary(feats, min_df):
    df = {}
    for f in feats:
        for w in f["words"]:
            df[w] = df.get(w, 0) + 1
    return sorted(w for w, c in df.items() if c >= min_df)


def fit(train, lam, min_df):
    feats = [f for f, _, _ in train]
    problem = Problem(feats, [y for _, y, _ in train], [w for _, _, w in train], vocabulary(feats, min_df))
    return problem, problem.solve(lam)


def apply(problem, beta, feats):
    return Problem(feats, [0.0] * len(feats), [1.0] * len(feats), problem.vocab).predict(beta)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stage", required=True, help="the built wb-sentiment executable")
    ap.add_argument("--nyt", required=True, help="the vader-nyt-editorials folder")
    ap.add_argument("--vader-sdist", required=True, help="vaderSentiment-3.3.2.tar.gz (pip download)")
    ap.add_argument("--nyt-weight", type=float, default=20.0)
    ap.add_argument("--min-df", type=int, default=3)
    ap.add_argument("--lambdas", default="20,30,60")
    args = ap.parse_args()

    nyt = [r for r in nyt_rows(args.nyt) if not is_test(r[0].split("_")[0])]
    other = other_rows(args.vader_sdist)
    print(f"training data: {len(nyt)} NYT training-split snippets, {len(other)} other rated snippets")
    nyt_f = features(args.stage, nyt)
    other_f = features(args.stage, other)
    nyt_items = [(stemmed(f), y, args.nyt_weight) for f, (_, y, _) in zip(nyt_f, nyt)]
    other_items = [(stemmed(f), y, 1.0) for f, (_, y, _) in zip(other_f, other)]
    fold = [is_test("cv" + i.split("_")[0]) for i, _, _ in nyt]
    print("rules alone (compound), r on the NYT training split:", round(pearson([f["compound"] for f in nyt_f], [y for _, y, _ in nyt]), 4))

    best = None
    for lam in [float(x) for x in args.lambdas.split(",")]:
        rs = []
        for held in [True, False]:
            train = [it for it, k in zip(nyt_items, fold) if k != held] + other_items
            test = [(it, y) for it, k, (_, y, _) in zip(nyt_items, fold, nyt) if k == held]
            problem, beta = fit(train, lam, args.min_df)
            rs.append(pearson(apply(problem, beta, [it[0] for it, _ in test]), [y for _, y in test]))
        r = sum(rs) / len(rs)
        print(f"lambda {lam:g}: cross-validated r {r:.4f}")
        if best is None or r > best[1]:
            best = (lam, r)
    lam = best[0]
    problem, beta = fit(nyt_items + other_items, lam, args.min_df)
    fitted = apply(problem, beta, [it[0] for it in nyt_items])
    print(f"chosen lambda {lam:g}; r on the NYT training split after fitting: {pearson(fitted, [y for _, y, _ in nyt]):.4f}")

    coefficients = dict(zip(DENSE, beta[:len(DENSE)]))
    model_path = os.path.join(OUT, "model.json")
    with open(model_path, encoding="utf-8") as f:
        model = json.load(f)
    model["about"] = ("Sentence model of the sentiment stage. coefficients/intercept: learned by "
                      "Benchmarks/analysis/sentiment/learn.py on the NYT editorial snippets of the training split "
                      "(editorials with Metrics.isTest(id) false) and the other rated snippet sets of Hutto & Gilbert "
                      "(2014); the score is the predicted rating / 4 without the intercept. target: tuned by "
                      "learn_targets.py on the training half of NewsMTSC (by primary_gid).")
    model["coefficients"] = {k: round(v, 4) for k, v in coefficients.items()}
    model["intercept"] = round(beta[len(DENSE)], 4)
    model["training"] = {"lambda": lam, "cv_r": round(best[1], 4), "nyt_snippets": len(nyt), "other_snippets": len(other),
                         "nyt_weight": args.nyt_weight, "min_df": args.min_df, "words": len(problem.vocab)}
    with open(model_path, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=2, sort_keys=False)
        f.write("\n")
    by_stem = {w: beta[problem.d + k] for k, w in enumerate(problem.vocab)}
    surface = sorted({w for f in nyt_f + other_f for w in f["words"]})
    weights = [(w, by_stem[stem(w)]) for w in surface if stem(w) in by_stem]
    with open(os.path.join(OUT, "learned_weights.tsv"), "w", encoding="utf-8") as f:
        f.write("# Bag-of-words correction of the sentence model: word<TAB>weight (rating units, -4..4 scale), learned by\n"
                "# Benchmarks/analysis/sentiment/learn.py (ridge, see model.json \"training\") on training data only.\n")
        for w, u in weights:
            if abs(u) >= 0.0005:
                f.write(f"{w}\t{u:.4f}\n")
    print("wrote", model_path, "and learned_weights.tsv")


if __name__ == "__main__":
    main()
