#!/usr/bin/env python3
"""Fixture stage "retry-once" for the host's tests: fails a TRIGGER document once, retryably.

A raw protocol-v1 stage written without the SDK, so that it misbehaves exactly as described.
Otherwise it is a correct document stage answering {"length": <len(text)>} for each task.

Misbehaviour: On a document whose text contains TRIGGER, when the file <marker_dir>/<doc
id>.tried does not exist, it creates it and answers a retryable error "upstream service
busy". Later attempts (the file exists) are answered normally. Config {"marker_dir": path}
is required.

See ../README.md for the whole set.
"""
import json
import os
import sys

NAME = "retry-once"
HELLO = {
    "type": "hello", "protocols": [1], "name": NAME, "version": "1.0.0",
    "scope": "document", "consumes": [], "produces": NAME + "/1",
    "description": "Fixture: a retryable error on the first attempt at a TRIGGER document.",
    "config_schema": {
        "type": "object",
        "properties": {
            "marker_dir": {
                "type": "string"
            }
        },
        "required": [
            "marker_dir"
        ],
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
    marker_dir = None  # set by configure
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
            marker_dir = config.get("marker_dir")
            if not isinstance(marker_dir, str) or not marker_dir:
                send({"type": "error", "message": "config.marker_dir: required (a folder for the .tried files)",
                      "field": "marker_dir", "retryable": False})
                return 1
            send({"type": "ready"})
        elif kind == "task":
            document = message.get("document") or {}
            text = document.get("text") or ""
            if "TRIGGER" in text:
                marker = os.path.join(marker_dir, str(document.get("id")).replace("/", "_") + ".tried")
                if not os.path.exists(marker):
                    open(marker, "w").close()
                    send({"type": "error", "id": message["id"], "message": "upstream service busy", "retryable": True})
                    continue
            send({"type": "result", "id": message["id"], "output": {"length": len(text)}})
        elif kind == "shutdown":
            return 0
        # "end" and unknown types: nothing to say


if __name__ == "__main__":
    sys.exit(main())
