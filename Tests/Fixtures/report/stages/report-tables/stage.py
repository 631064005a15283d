#!/usr/bin/env python3
"""Fixture stage "report-tables" for the report's tests and screenshot: a corpus-scope stage that
builds comparison tables of the kind compare returns — with evidence and chart hints — from the real
outputs of extract, attribution and framing (so every evidence span points into the real text):

  source-balance   attributed statements per outlet by side (stacked-bar hint, normalized)
  first-voice      the side each outlet lets speak first (no evidence, no chart)
  frames           frame shares per outlet (heatmap hint; evidence: the frames' sentences)
  casualty-claims  each outlet's casualty figures by day and side (dot-plot hints, coloured by outlet)

A raw protocol-v1 stage (no SDK). Not a real comparison: compare (Plugins/compare) is that.
"""
import json
import sys

HELLO = {
    "type": "hello", "protocols": [1], "name": "report-tables", "version": "1.0.0", "scope": "corpus",
    "consumes": ["extract", "attribution", "framing"], "produces": "report-tables/1",
    "description": "Fixture: compare-like tables with evidence and chart hints, for the report's tests.",
    "config_schema": {"type": "object", "properties": {"topic": {"type": "object"}}},
}
PARTIES = ["armenia", "azerbaijan"]


def send(message):
    sys.stdout.buffer.write(json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


class Tables:
    def __init__(self):
        self.labels = {}
        self.documents = []  # (id, outlet, text, extract, attribution, framing)

    def configure(self, config):
        sides = ((config or {}).get("topic") or {}).get("sides") or {}
        self.labels = {k: (v or {}).get("label", k) for k, v in sides.items() if isinstance(v, dict)}

    def label(self, side):
        return self.labels.get(side, side.capitalize() if side else "?")

    def add(self, message):
        document = message.get("document") or {}
        inputs = message.get("inputs") or {}
        extract, attribution, framing = (inputs.get(k) or {} for k in ("extract", "attribution", "framing"))
        if extract.get("skipped"):
            return
        outlet = (document.get("meta") or {}).get("outlet") or extract.get("outlet") or "(unknown)"
        self.documents.append((document.get("id"), outlet, document.get("text") or "", extract, attribution, framing))

    def source_balance(self):
        rows, evidence = [], {}
        by_outlet = {}
        for doc_id, outlet, text, _, attribution, _ in self.documents:
            by_outlet.setdefault(outlet, []).append((doc_id, text, attribution))
        for r, outlet in enumerate(sorted(by_outlet)):
            counts = {"armenia": 0, "azerbaijan": 0, "other": 0}
            for doc_id, text, attribution in by_outlet[outlet]:
                for a in attribution.get("attributions") or []:
                    group = a.get("side") if a.get("side") in PARTIES else "other"
                    counts[group] += 1
                    evidence.setdefault("%d:%s" % (r, group), []).append(
                        {"document": doc_id, "start": a["start"], "end": a["end"], "step": "attribution", "text": text[a["start"]:a["end"]]})
            total = sum(counts.values())
            rows.append([outlet, counts["armenia"], counts["azerbaijan"], counts["other"], total,
                         (counts["armenia"] / total) if total else None])
        return {
            "id": "source-balance", "title": "Source balance by side",
            "columns": [{"id": "outlet", "label": "Outlet", "type": "string"},
                        {"id": "armenia", "label": self.label("armenia"), "type": "integer"},
                        {"id": "azerbaijan", "label": self.label("azerbaijan"), "type": "integer"},
                        {"id": "other", "label": "Third parties", "type": "integer"},
                        {"id": "total", "label": "Statements", "type": "integer"},
                        {"id": "armenia_share", "label": "%s share" % self.label("armenia"), "type": "percent"}],
            "rows": rows, "evidence": evidence,
            "notes": ["Attributed statements (direct and reported speech) by the speaker's side; third parties are "
                      "everyone else (mediators, other states, unnamed sources).",
                      "Documents passed over as not English are not counted."],
            "charts": [{"kind": "stacked-bar", "title": "Attributed statements by side", "category": "outlet",
                        "series": ["armenia", "azerbaijan", "other"], "normalized": True}],
        }

    def first_voice(self):
        rows = []
        for _, outlet, _, _, attribution, _ in sorted(self.documents, key=lambda d: d[1]):
            voice = attribution.get("first_voice")
            rows.append([outlet, self.label(voice) if voice else None, len(attribution.get("attributions") or [])])
        return {
            "id": "first-voice", "title": "First voice",
            "columns": [{"id": "outlet", "label": "Outlet", "type": "string"},
                        {"id": "first_voice", "label": "Speaks first", "type": "string"},
                        {"id": "statements", "label": "Statements", "type": "integer"}],
            "rows": rows, "notes": ["The side of the first one-sided statement about the fighting."],
        }

    def frames(self):
        frame_ids, labels, rows, evidence = [], {}, [], {}
        for *_, framing in self.documents:
            for f in framing.get("frames") or []:
                if f["frame"] not in labels:
                    frame_ids.append(f["frame"])
                    labels[f["frame"]] = f.get("label", f["frame"])
        for r, (doc_id, outlet, text, _, _, framing) in enumerate(sorted(self.documents, key=lambda d: d[1])):
            shares = {f["frame"]: f for f in framing.get("frames") or []}
            rows.append([outlet] + [shares[f].get("share") if f in shares else None for f in frame_ids])
            for f in frame_ids:
                if f in shares and shares[f].get("present"):
                    spans = [{"document": doc_id, "start": s[0], "end": s[1], "step": "framing", "text": text[s[0]:s[1]]}
                             for s in (shares[f].get("evidence") or {}).get("sentences") or []]
                    if spans:
                        evidence["%d:%s" % (r, f)] = spans
        return {
            "id": "frames", "title": "Frame profiles by outlet",
            "columns": [{"id": "outlet", "label": "Outlet", "type": "string"}] +
                       [{"id": f, "label": labels[f], "type": "percent"} for f in frame_ids],
            "rows": rows, "evidence": evidence,
            "notes": ["Each frame's share of the article's framing (conflict-news codebook); evidence lists the "
                      "sentences of the frames present."],
            "charts": [{"kind": "heatmap", "title": "Frames × outlets", "category": "outlet", "series": frame_ids}],
        }

    def casualty_claims(self):
        claims = []
        for doc_id, outlet, text, extract, _, _ in self.documents:
            for c in extract.get("casualties") or []:
                day = c.get("day") or "undated"
                claims.append((day, c.get("side") or "?", outlet, c.get("claimant") or "outlet", c.get("killed"), c.get("wounded"), doc_id, c, text))
        claims.sort(key=lambda c: (c[0], c[1], c[2]))
        rows, evidence = [], {}
        for r, (day, side, outlet, claimant, killed, wounded, doc_id, c, text) in enumerate(claims):
            same = [k for k in claims if k[0] == day and k[1] == side]
            usual = max(set((k[4], k[5]) for k in same), key=lambda fig: sum(1 for k in same if (k[4], k[5]) == fig))
            rows.append(["%s · %s" % (day, self.label(side)), outlet, claimant, killed, wounded, (killed, wounded) == usual])
            span = {"document": doc_id, "start": c["start"], "end": c["end"], "step": "extract", "text": text[c["start"]:c["end"]]}
            for column, value in (("killed", killed), ("wounded", wounded)):
                if value is not None:
                    evidence["%d:%s" % (r, column)] = [span]
        return {
            "id": "casualty-claims", "title": "Casualty claims side by side",
            "columns": [{"id": "day_side", "label": "Day · side", "type": "string"},
                        {"id": "outlet", "label": "Outlet", "type": "string"},
                        {"id": "claimant", "label": "As claimed by", "type": "string"},
                        {"id": "killed", "label": "Killed", "type": "integer"},
                        {"id": "wounded", "label": "Wounded", "type": "integer"},
                        {"id": "agrees", "label": "Agrees with most", "type": "boolean"}],
            "rows": rows, "evidence": evidence,
            "notes": ["One row per claim: the figures an outlet reports for one side and day, and who claims them."],
            "charts": [{"kind": "dot-plot", "title": "Killed, as each outlet reports it", "category": "day_side", "value": "killed", "color": "outlet"},
                       {"kind": "dot-plot", "title": "Wounded, as each outlet reports it", "category": "day_side", "value": "wounded", "color": "outlet"}],
        }

    def finish(self):
        return {"tables": [self.source_balance(), self.first_voice(), self.frames(), self.casualty_claims()]}


def main():
    send(HELLO)
    if "--describe" in sys.argv[1:]:
        return 0
    tables = Tables()
    for line in sys.stdin.buffer:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        kind = message.get("type") if isinstance(message, dict) else None
        if kind == "configure":
            tables.configure(message.get("config"))
            send({"type": "ready"})
        elif kind == "task":
            tables.add(message)
        elif kind == "end":
            send({"type": "result", "id": "corpus", "output": tables.finish()})
        elif kind == "shutdown":
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
