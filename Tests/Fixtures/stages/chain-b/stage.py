#!/usr/bin/env python3
"""chain-b: reads chain-a's output and doubles its length (a downstream step for cache tests)."""
import json
import sys

VERSION = "1.0.0"
HELLO = {"type": "hello", "protocols": [1], "name": "chain-b", "version": VERSION, "scope": "document", "consumes": ["chain-a"],
         "produces": "chain-b/1"}


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
        upstream = message["inputs"]["chain-a"]
        send({"type": "result", "id": message["id"], "output": {"double": upstream["length"] * 2, "salt": upstream["salt"]}})
    elif message["type"] == "shutdown":
        break
