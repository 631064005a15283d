#!/usr/bin/env python3
"""chain-c: an independent step for cache tests; tests edit VERSION to see exactly this step recompute."""
import json
import sys

VERSION = "1.0.0"
HELLO = {"type": "hello", "protocols": [1], "name": "chain-c", "version": VERSION, "scope": "document", "consumes": [],
         "produces": "chain-c/1"}


def send(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n")
    sys.stdout.flush()


send(HELLO)
if "--describe" in sys.argv:
    sys.exit(0)
for raw in sys.stdin:
    message = json.loads(raw)
    if message["type"] == "configure":
        send({"type": "ready"})
    elif message["type"] == "task":
        send({"type": "result", "id": message["id"], "output": {"words": len(message["document"]["text"].split()), "version": VERSION}})
    elif message["type"] == "shutdown":
        break
