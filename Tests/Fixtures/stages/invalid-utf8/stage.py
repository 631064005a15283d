#!/usr/bin/env python3
"""Fixture stage "invalid-utf8" for the host's tests: answers a TRIGGER document with bytes that are not UTF-8.

A raw protocol-v1 stage written without the SDK, so that it misbehaves exactly as described.
Otherwise it is a correct document stage answering {"length": <len(text)>} for each task.

Misbehaviour: On a document whose text contains TRIGGER it writes the line
{"type":"result","id":"<id>","output":{"x":"<0xFF 0xFE>"}}, which is not valid UTF-8.

See ../README.md for the whole set.
"""
import json
import sys

NAME = "invalid-utf8"
HELLO = {
    "type": "hello", "protocols": [1], "name": NAME, "version": "1.0.0",
    "scope": "document", "consumes": [], "produces": NAME + "/1",
    "description": "Fixture: answers a TRIGGER document with invalid UTF-8.",
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
                id = json.dumps(message["id"], ensure_ascii=False)[1:-1].encode("utf-8")
                sys.stdout.buffer.write(b'{"type":"result","id":"' + id + b'","output":{"x":"\xff\xfe"}}\n')
                sys.stdout.buffer.flush()
                continue
            send({"type": "result", "id": message["id"], "output": {"length": len(text)}})
        elif kind == "shutdown":
            return 0
        # "end" and unknown types: nothing to say


if __name__ == "__main__":
    sys.exit(main())
