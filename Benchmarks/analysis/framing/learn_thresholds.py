#!/usr/bin/env python3
"""Learns the decision thresholds of the semetko-valkenburg codebook on the Narrative Frames corpus.

The cue lists and weights are hand-written (semetko-valkenburg.draft.json, from the questions of
Semetko & Valkenburg's codebook); only each frame's threshold on weighted evidence per 1,000 words is
learned, as the value that maximises F1 against the frame labels of the TRAINING folds.

The evidence per 1,000 words comes from the real stages: this script runs wb-extract and wb-framing
(built beforehand) over the corpus through the stage protocol, so what is learned is exactly what the
stage computes.

Splits (fold_test_ids.tsv, the paper's 5 folds):
  - the shipped codebook (Sources/TextKit/Resources/frames/semetko-valkenburg.json) learns on folds 1-4;
    fold 5 is held out and never used for anything else;
  - cross-validation: for each fold k, thresholds learned on the other four folds
    (semetko-valkenburg.cv.json here), so every article gets a held-out prediction.

Usage (from the repository root, after `swift build --scratch-path .build-framing --product wb-framing`
and `--product wb-extract`):
  python3 Benchmarks/analysis/framing/learn_thresholds.py --stages .build-framing/debug
Python 3 standard library only.
"""
import argparse
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stage_client  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
LABELS = {"responsibility": "RE", "human_interest": "HI", "conflict": "CO", "morality": "MO", "economic": "EC"}
TEST_FOLD = 5


def load_dataset(path):
    csv.field_size_limit(1 << 30)
    folds = {}
    with open(os.path.join(path, "fold_test_ids.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            folds[row["ID"]] = int(row["fold"])
    docs = []
    with open(os.path.join(path, "articles_metadata.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row.get("RE") is None or row["ID"] not in folds:
                continue  # the one row without labels
            labels = {frame: (row[column] or "").strip().startswith("True") for frame, column in LABELS.items()}
            docs.append({"id": row["ID"], "text": row["text"], "fold": folds[row["ID"]], "labels": labels})
    return docs


def f1(predicted, gold):
    tp = sum(1 for p, g in zip(predicted, gold) if p and g)
    if tp == 0:
        return 0.0
    precision = tp / sum(predicted)
    recall = tp / sum(gold)
    return 2 * precision * recall / (precision + recall)


def best_threshold(densities, gold):
    """The threshold with the highest F1 on these documents: midpoints between consecutive distinct
    densities (and half the smallest positive one); ties go to the lower threshold."""
    values = sorted(set(d for d in densities if d > 0))
    candidates = [values[0] / 2] if values else [1.0]
    candidates += [(a + b) / 2 for a, b in zip(values, values[1:])]
    best = None
    for t in candidates:
        score = f1([d >= t for d in densities], gold)
        if best is None or score > best[0]:
            best = (score, t)
    return round(best[1], 4), best[0]


def learn(docs, densities, train):
    rules, train_f1 = {}, {}
    for frame in LABELS:
        idx = [i for i, d in enumerate(docs) if train(d)]
        t, score = best_threshold([densities[i][frame] for i in idx], [docs[i]["labels"][frame] for i in idx])
        rules[frame] = {"per_1000_words": t}
        train_f1[frame] = round(score, 4)
    return rules, train_f1


def report(name, docs, densities, rules_for):
    print(name)
    deltas = []
    for frame in LABELS:
        gold = [d["labels"][frame] for d in docs]
        predicted = [densities[i][frame] >= rules_for(d)[frame]["per_1000_words"] for i, d in enumerate(docs)]
        p = sum(gold) / len(gold)
        baseline = 2 * p / (1 + p)
        score = f1(predicted, gold)
        deltas.append((score, baseline))
        print("  %-15s n=%3d positives=%3d  F1 %.3f  always-yes %.3f" % (frame, len(docs), sum(gold), score, baseline))
    mean_f1 = sum(s for s, _ in deltas) / len(deltas)
    mean_base = sum(b for _, b in deltas) / len(deltas)
    print("  mean F1 %.3f, always-yes %.3f, difference %+.3f" % (mean_f1, mean_base, mean_f1 - mean_base))


def pretty(value, indent=0):
    """JSON indented by two spaces, with arrays of strings filled up to 120 columns."""
    pad, inner = " " * indent, " " * (indent + 2)
    if isinstance(value, dict) and value:
        items = ["%s%s: %s" % (inner, json.dumps(k, ensure_ascii=False), pretty(v, indent + 2)) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        pieces = [json.dumps(v, ensure_ascii=False) for v in value]
        if indent + 20 + sum(len(p) + 2 for p in pieces) <= 120:
            return "[" + ", ".join(pieces) + "]"
        lines, line = [], ""
        for piece in pieces:
            if line and len(inner) + len(line) + len(piece) + 1 > 120:
                lines.append(line.rstrip())
                line = ""
            line += piece + ", "
        lines.append(line.rstrip().rstrip(","))
        return "[\n" + "\n".join(inner + ln for ln in lines) + "\n" + pad + "]"
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join(inner + pretty(v, indent + 2) for v in value) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stages", required=True, help="folder with wb-extract and wb-framing")
    parser.add_argument("--dataset", default=os.path.join(ROOT, "..", "shared", "eval", "datasets", "narrative-frames"))
    parser.add_argument("--draft", default=os.path.join(HERE, "semetko-valkenburg.draft.json"))
    parser.add_argument("--codebook-out", default=os.path.join(ROOT, "Sources", "TextKit", "Resources", "frames",
                                                               "semetko-valkenburg.json"))
    parser.add_argument("--cv-out", default=os.path.join(HERE, "semetko-valkenburg.cv.json"))
    parser.add_argument("--dev", action="store_true",
                        help="only report cross-validation within folds 1-4 (for editing the draft); write nothing")
    args = parser.parse_args()

    docs = load_dataset(args.dataset)
    with open(args.draft, encoding="utf-8") as f:
        draft = json.load(f)
    tasks = [({"id": d["id"], "text": d["text"], "meta": {}}, {}) for d in docs]
    extracts = stage_client.run_stage(os.path.join(args.stages, "wb-extract"), {}, tasks)
    framing = stage_client.run_stage(os.path.join(args.stages, "wb-framing"), {"codebook": draft},
                                     [(t[0], {"extract": e}) for t, e in zip(tasks, extracts)])
    densities = []
    for output in framing:
        by_frame = {r["frame"]: r["per_1000_words"] for r in output.get("frames", [])}
        densities.append({frame: by_frame.get(frame, 0.0) for frame in LABELS})

    if args.dev:
        dev = [(d, densities[i]) for i, d in enumerate(docs) if d["fold"] != TEST_FOLD]
        dev_docs, dev_densities = [d for d, _ in dev], [x for _, x in dev]
        inner = {k: learn(dev_docs, dev_densities, lambda d, k=k: d["fold"] != k)[0] for k in range(1, 5)}
        report("development: 4-fold cross-validation within folds 1-4:", dev_docs, dev_densities,
               lambda d: inner[d["fold"]])
        return

    # The shipped codebook: folds 1-4.
    rules, train_f1 = learn(docs, densities, lambda d: d["fold"] != TEST_FOLD)
    codebook = dict(draft)
    codebook["frames"] = []
    for frame in draft["frames"]:
        frame = dict(frame)
        frame["rule"] = rules[frame["id"]]
        codebook["frames"].append(frame)
    codebook["training"] = {
        "learned": "each frame's rule.per_1000_words (cue weights are hand-set to 1)",
        "dataset": "Narrative Frames corpus (Frermann, Li, Khanehzar & Mikolajczak, ACL 2023), labels RE HI CO MO EC",
        "split": "folds 1-4 of fold_test_ids.tsv (%d articles); fold 5 (%d articles) held out"
                 % (sum(1 for d in docs if d["fold"] != TEST_FOLD), sum(1 for d in docs if d["fold"] == TEST_FOLD)),
        "method": "threshold maximising F1 on the training articles (Benchmarks/analysis/framing/learn_thresholds.py)",
        "train_f1": train_f1,
    }
    with open(args.codebook_out, "w", encoding="utf-8") as f:
        f.write(pretty(codebook) + "\n")

    # Cross-validation rules: fold k's thresholds from the other folds.
    cv = {"codebook": draft["id"], "version": draft["version"],
          "method": "for each fold k of fold_test_ids.tsv, each frame's per_1000_words threshold maximising F1 "
                    "on the other four folds (learn_thresholds.py)",
          "folds": {}}
    for k in range(1, 6):
        fold_rules, _ = learn(docs, densities, lambda d, k=k: d["fold"] != k)
        cv["folds"][str(k)] = fold_rules
    with open(args.cv_out, "w", encoding="utf-8") as f:
        json.dump(cv, f, indent=2)
        f.write("\n")

    test = [d for d in docs if d["fold"] == TEST_FOLD]
    test_densities = [densities[i] for i, d in enumerate(docs) if d["fold"] == TEST_FOLD]
    report("held-out fold %d, thresholds from folds 1-4:" % TEST_FOLD, test, test_densities, lambda d: rules)
    report("5-fold cross-validation (each fold's thresholds from the other four):", docs, densities,
           lambda d: cv["folds"][str(d["fold"])])


if __name__ == "__main__":
    main()
