#!/usr/bin/env python3
"""Tunes the target-dependent scoring and the label thresholds on the TRAINING half of NewsMTSC.

    python3 Benchmarks/analysis/sentiment/learn_targets.py --stage .build-sentiment/debug/wb-sentiment \
        --newsmtsc ../shared/eval/datasets/newsmtsc

Run it after learn.py (the target scores use the learned sentence model). The split is by primary_gid:
sentences with Metrics.isTest(primary_gid) are held out (scored by `workbench eval newsmtsc`), the others are
used here. Both devtest files are pooled.

It grid-searches the `target` parameters of model.json (distance decay, weight outside the target's clause, the
factors for the one judged / the judge of a verb of judgment, the factor for a speaker, and how much the happiness
and learned features count) by running `wb-sentiment --features` with a
temporary copy of the data files, and for each setting picks the two cut points (negative at or below, positive
at or above) with the best macro-F1. The sentence label thresholds are chosen the same way from the sentence
scores (the target's sentence, ignoring the target): news sentences lean negative, so neutral is not centred on 0.
Standard library only; deterministic.
"""
import argparse
import itertools
import json
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.normpath(os.path.join(HERE, "../../../Sources/TextKit/Resources"))
LABELS = ["negative", "neutral", "positive"]


def is_test(identifier, fraction=0.5):
    h = 0xCBF29CE484222325
    for b in identifier.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return (h % 10000) / 10000 < fraction


def training_items(folder):
    items = []
    for name in ["devtest_mt.jsonl", "devtest_rw.jsonl"]:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if is_test(d["primary_gid"]):
                    continue
                text = d["sentence_normalized"]
                targets = []
                for t in d["targets"]:
                    # Python string offsets are Unicode scalars, what the stage expects.
                    assert text[t["from"]:t["to"]] == t["mention"]
                    label = "negative" if t["polarity"] < 3 else "positive" if t["polarity"] > 5 else "neutral"
                    targets.append({"start": t["from"], "end": t["to"], "label": label})
                items.append({"id": name + ":" + d["primary_gid"], "text": text, "targets": targets})
    return items


def run(stage, items, target_params):
    """Target and sentence scores with `target_params` in a temporary copy of the data files."""
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "Resources")
        shutil.copytree(RESOURCES, data)
        path = os.path.join(data, "sentiment", "model.json")
        with open(path, encoding="utf-8") as f:
            model = json.load(f)
        model["target"].update(target_params)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(model, f)
        payload = "".join(json.dumps({"id": i["id"], "text": i["text"], "targets": i["targets"]}) + "\n" for i in items)
        env = dict(os.environ, WORKBENCH_TEXTKIT_DATA=data)
        out = subprocess.run([stage, "--features"], input=payload, capture_output=True, text=True, check=True, env=env).stdout
    by_id = {json.loads(l)["id"]: json.loads(l) for l in out.splitlines()}
    targets, sentences, gold = [], [], []
    for item in items:
        f = by_id[item["id"]]
        for k, t in enumerate(item["targets"]):
            targets.append(f["targets"][k])
            sentences.append(f["sentence_scores"][k])
            gold.append(t["label"])
    return targets, sentences, gold


def macro_f1(predicted, gold):
    total = 0.0
    for label in LABELS:
        tp = sum(1 for p, g in zip(predicted, gold) if p == label and g == label)
        fp = sum(1 for p, g in zip(predicted, gold) if p == label and g != label)
        fn = sum(1 for p, g in zip(predicted, gold) if p != label and g == label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        total += 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return total / len(LABELS)


def best_cuts(scores, gold):
    best = (-1.0, 0.0, 0.0)
    grid = [x / 100 for x in range(-30, 41)]
    for negative in grid:
        for positive in grid:
            if positive <= negative:
                continue
            labels = ["negative" if s <= negative else "positive" if s >= positive else "neutral" for s in scores]
            f1 = macro_f1(labels, gold)
            if f1 > best[0] + 1e-12:
                best = (f1, negative, positive)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stage", required=True)
    ap.add_argument("--newsmtsc", required=True)
    args = ap.parse_args()
    items = training_items(args.newsmtsc)
    print(f"{len(items)} training sentences, {sum(len(i['targets']) for i in items)} targets")
    grid = {"decay": [0.1, 0.25, 0.5], "outside_clause": [0.25, 0.5], "judged": [1.0, 2.0], "judge": [1.0],
            "happiness": [1.0], "learned": [0.5, 1.0], "speaker": [0.25, 0.5, 1.0]}
    best = None
    sentence_cuts = None
    for values in itertools.product(*grid.values()):
        params = dict(zip(grid.keys(), values))
        targets, sentences, gold = run(args.stage, items, params)
        f1, negative, positive = best_cuts(targets, gold)
        if sentence_cuts is None:
            sentence_cuts = best_cuts(sentences, gold)
            print(f"sentence scores (ignoring the target): macro-F1 {sentence_cuts[0]:.4f} with cuts {sentence_cuts[1:]}")
        print(f"{params}: macro-F1 {f1:.4f} cuts ({negative}, {positive})", flush=True)
        if best is None or f1 > best[0] + 1e-12:
            best = (f1, params, negative, positive)
    f1, params, negative, positive = best
    print(f"best: {params} cuts ({negative}, {positive}) macro-F1 {f1:.4f} on the training half")
    path = os.path.join(RESOURCES, "sentiment", "model.json")
    with open(path, encoding="utf-8") as f:
        model = json.load(f)
    model["target"] = dict(params, negative_threshold=negative, positive_threshold=positive, train_macro_f1=round(f1, 4))
    model.pop("label_threshold", None)
    model["labels"] = {"negative_threshold": sentence_cuts[1], "positive_threshold": sentence_cuts[2],
                       "train_macro_f1": round(sentence_cuts[0], 4),
                       "about": "sentence and document labels: cuts that best label NewsMTSC training targets from their "
                                "sentence's score"}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=2)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
