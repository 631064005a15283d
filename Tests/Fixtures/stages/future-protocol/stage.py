#!/usr/bin/env python3
"""Fixture stage "future-protocol" for the host's tests: speaks only protocol versions 2 and 3.

A raw protocol-v1 stage written without the SDK, so that it misbehaves exactly as described.
Otherwise it is a correct document stage answering {"length": <len(text)>} for each task.

Misbehaviour: Its hello lists "protocols":[2,3], so a v1 host must refuse it. If configured
anyway it says ready and behaves normally.

See ../README.md for the whole set.
"""
import json
import sys

NAME = "future-protocol"
HELLO = {
    "type": "hello", "protocols": [2, 3], "name": NAME, "version": "1.0.0",
    "scope": "document", "consumes": [], "produces": NAME + "/1",
    "description": "Fixture: claims protocols 2 and 3 only.",
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
            send({"type": "result", "id": message["id"], "output": {"length": len(text)}})
        elif kind == "shutdown":
            return 0
        # "end" and unknown types: nothing to say


if __name__ == "__main__":
    sys.exit(main())
