#!/usr/bin/env python3
"""Fixture stage "stderr-flood" for the host's tests: writes a lot to stderr.

A raw protocol-v1 stage written without the SDK, so that it misbehaves exactly as described.
Otherwise it is a correct document stage answering {"length": <len(text)>} for each task.

Misbehaviour: It writes to stderr, in 128-byte lines "flood line N xxx...": 64 KiB for every
task; another 20 MiB for a TRIGGER document (then it answers normally); another 1 MiB for a
document containing CRASH, after which it exits 5 without answering.

See ../README.md for the whole set.
"""
import json
import os
import sys

NAME = "stderr-flood"
HELLO = {
    "type": "hello", "protocols": [1], "name": NAME, "version": "1.0.0",
    "scope": "document", "consumes": [], "produces": NAME + "/1",
    "description": "Fixture: floods stderr (64 KiB per task, 20 MiB on TRIGGER, 1 MiB then exit 5 on CRASH).",
}


def send(message):
    """Writes one protocol line and flushes it."""
    sys.stdout.buffer.write(json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


KIB = 1024
MIB = 1024 * 1024
LINE_BYTES = 128
flooded = 0  # lines written so far, to number them


def flood(size):
    """Writes `size` bytes to stderr as numbered 128-byte lines."""
    global flooded
    lines = []
    for _ in range(size // LINE_BYTES):
        flooded += 1
        head = b"flood line %d " % flooded
        lines.append(head + b"x" * (LINE_BYTES - len(head) - 1) + b"\n")
    sys.stderr.buffer.write(b"".join(lines))
    sys.stderr.buffer.flush()


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
            flood(64 * KIB)
            if "CRASH" in text:
                flood(1 * MIB)
                os._exit(5)
            if "TRIGGER" in text:
                flood(20 * MIB)
            send({"type": "result", "id": message["id"], "output": {"length": len(text)}})
        elif kind == "shutdown":
            return 0
        # "end" and unknown types: nothing to say


if __name__ == "__main__":
    sys.exit(main())
