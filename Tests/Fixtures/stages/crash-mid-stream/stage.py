#!/usr/bin/env python3
"""Fixture stage "crash-mid-stream" for the host's tests: dies without answering on a TRIGGER document.

A raw protocol-v1 stage written without the SDK, so that it misbehaves exactly as described.
Otherwise it is a correct document stage answering {"length": <len(text)>} for each task.

Misbehaviour: On a document whose text contains TRIGGER it writes "about to crash on <doc
id>" to stderr and exits with status 3 without answering.

See ../README.md for the whole set.
"""
import json
import os
import sys

NAME = "crash-mid-stream"
HELLO = {
    "type": "hello", "protocols": [1], "name": NAME, "version": "1.0.0",
    "scope": "document", "consumes": [], "produces": NAME + "/1",
    "description": "Fixture: exits 3 without answering on a TRIGGER document.",
}


def send(message):
    """Writes one protocol line and flushes it."""
    sys.stdout.buffer.write(json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


def main():
    if "--describe" in sys.argv[1:]:
        send(HELLO)
        return 0
    send(HELLO)
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
            send({"type": "ready"})
        elif kind == "task":
            document = message.get("document") or {}
            text = document.get("text") or ""
            if "TRIGGER" in text:
                sys.stderr.write("about to crash on %s\n" % document.get("id"))
                sys.stderr.flush()
                os._exit(3)
            send({"type": "result", "id": message["id"], "output": {"length": len(text)}})
        elif kind == "shutdown":
            return 0
        # "end" and unknown types: nothing to say


if __name__ == "__main__":
    sys.exit(main())
