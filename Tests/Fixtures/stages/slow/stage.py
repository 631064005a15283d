#!/usr/bin/env python3
"""Fixture stage "slow" for the host's tests: takes delay_ms per task.

A raw protocol-v1 stage written without the SDK, so that it misbehaves exactly as described.
Otherwise it is a correct document stage answering {"length": <len(text)>} for each task.

Misbehaviour: It sleeps config.delay_ms milliseconds (default 1000) before each answer. Used
to interrupt a run mid-task (SIGINT, SIGKILL). With config.hold_file, a worker that has answered
config.hold_after tasks (default 3) waits while that file exists before answering the next: a
test can stop a run at a known point without racing the clock.

See ../README.md for the whole set.
"""
import json
import os
import sys
import time

NAME = "slow"
HELLO = {
    "type": "hello", "protocols": [1], "name": NAME, "version": "1.0.0",
    "scope": "document", "consumes": [], "produces": NAME + "/1",
    "description": "Fixture: sleeps config.delay_ms before each answer.",
    "config_schema": {
        "type": "object",
        "properties": {
            "delay_ms": {
                "type": "integer",
                "minimum": 0
            },
            "hold_file": {
                "type": "string"
            },
            "hold_after": {
                "type": "integer",
                "minimum": 0
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
    delay_ms = 1000  # set by configure
    hold_file, hold_after, answered = None, 3, 0
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
            delay_ms = config.get("delay_ms", 1000)
            if isinstance(delay_ms, bool) or not isinstance(delay_ms, int) or delay_ms < 0:
                send({"type": "error", "message": "config.delay_ms: must be an integer ≥ 0", "field": "delay_ms",
                      "retryable": False})
                return 1
            hold_file = config.get("hold_file")
            hold_after = config.get("hold_after", 3)
            send({"type": "ready"})
        elif kind == "task":
            document = message.get("document") or {}
            text = document.get("text") or ""
            time.sleep(delay_ms / 1000)
            while hold_file and answered >= hold_after and os.path.exists(hold_file):
                time.sleep(0.02)
            send({"type": "result", "id": message["id"], "output": {"length": len(text)}})
            answered += 1
        elif kind == "shutdown":
            return 0
        # "end" and unknown types: nothing to say


if __name__ == "__main__":
    sys.exit(main())
