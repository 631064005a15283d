#!/usr/bin/env python3
"""Fixture stage "bad-config" for the host's tests: refuses a threshold outside 0...1.

A raw protocol-v1 stage written without the SDK, so that it misbehaves exactly as described.
Otherwise it is a correct document stage answering {"length": <len(text)>} for each task.

Misbehaviour: Config {"threshold": number}; when threshold is above 1 (or below 0) it
answers an error with "field":"threshold" and exits 1. Its config_schema only says "number",
so the host lets such values through to the stage.

See ../README.md for the whole set.
"""
import json
import sys

NAME = "bad-config"
HELLO = {
    "type": "hello", "protocols": [1], "name": NAME, "version": "1.0.0",
    "scope": "document", "consumes": [], "produces": NAME + "/1",
    "description": "Fixture: refuses config.threshold outside 0...1 with a field error.",
    "config_schema": {
        "type": "object",
        "properties": {
            "threshold": {
                "type": "number"
            }
        },
        "additionalProperties": False
    },
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
            config = message.get("config") or {}
            threshold = config.get("threshold", 0.5)
            if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
                send({"type": "error", "message": "config.threshold: must be a number", "field": "threshold",
                      "retryable": False})
                return 1
            if threshold > 1 or threshold < 0:
                send({"type": "error", "message": "config.threshold: must be between 0 and 1", "field": "threshold",
                      "retryable": False})
                return 1
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
