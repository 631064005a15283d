#!/usr/bin/env python3
"""Fixture stage "corpus-count" for the host's tests: a CORRECT corpus-scope stage.

A raw protocol-v1 stage written without the SDK. It answers nothing per task; it collects
each document's id and text length, and on "end" answers once, with the id "corpus":

    {"documents": N, "total_length": L, "ids": [sorted ids],
     "tables": [{"id": "lengths", "title": "Document lengths",
                 "columns": [{"id": "document", "label": "Document", "type": "string"},
                             {"id": "length", "label": "Length", "type": "integer"}],
                 "rows": [[id, length], ...]}]}          (rows sorted by id)

Lengths are len(text) in code points. Config `delay_ms` (default 0) sleeps that long per task, so
tests can stop the stage mid-stream. See ../README.md for the whole set.
"""
import json
import sys
import time

NAME = "corpus-count"
HELLO = {
    "type": "hello", "protocols": [1], "name": NAME, "version": "1.0.0",
    "scope": "corpus", "consumes": [], "produces": NAME + "/1",
    "description": "Fixture: counts documents and their lengths over the corpus (a correct corpus stage).",
}


def send(message):
    """Writes one protocol line and flushes it."""
    sys.stdout.buffer.write(json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


def corpus_output(lengths):
    """The corpus answer for a list of (document id, length) pairs."""
    rows = sorted(lengths)
    return {
        "documents": len(rows),
        "total_length": sum(length for _, length in rows),
        "ids": [id for id, _ in rows],
        "tables": [{
            "id": "lengths",
            "title": "Document lengths",
            "columns": [
                {"id": "document", "label": "Document", "type": "string"},
                {"id": "length", "label": "Length", "type": "integer"},
            ],
            "rows": [[id, length] for id, length in rows],
        }],
    }


def main():
    if "--describe" in sys.argv[1:]:
        send(HELLO)
        return 0
    send(HELLO)
    lengths = []  # (document id, text length), one per task
    delay = 0.0
    while True:
        line = sys.stdin.buffer.readline()
        if not line:
            return 0  # end of input: the host is done with us
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if not isinstance(message, dict):
            continue
        kind = message.get("type")
        if kind == "configure":
            delay = float((message.get("config") or {}).get("delay_ms", 0)) / 1000
            send({"type": "ready"})
        elif kind == "task":
            document = message.get("document") or {}
            text = document.get("text") or ""
            lengths.append((str(document.get("id", message.get("id"))), len(text)))
            time.sleep(delay)
            # A corpus stage answers nothing per task.
        elif kind == "end":
            send({"type": "result", "id": "corpus", "output": corpus_output(lengths)})
        elif kind == "shutdown":
            return 0


if __name__ == "__main__":
    sys.exit(main())
