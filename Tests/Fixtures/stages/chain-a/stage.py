#!/usr/bin/env python3
"""chain-a: a well-behaved fixture for cache tests. Output: the text's length and the configured salt."""
import json
import sys

VERSION = "1.0.0"
HELLO = {"type": "hello", "protocols": [1], "name": "chain-a", "version": VERSION, "scope": "document", "consumes": [],
         "produces": "chain-a/1", "config_schema": {"type": "object", "properties": {"salt": {"type": "string"}}}}


def send(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n")
    sys.stdout.flush()


send(HELLO)
if "--describe" in sys.argv:
    sys.exit(0)
salt = ""
for raw in sys.stdin:
    message = json.loads(raw)
    if message["type"] == "configure":
        salt = message["config"].get("salt", "")
        send({"type": "ready"})
    elif message["type"] == "task":
        send({"type": "result", "id": message["id"], "output": {"length": len(message["document"]["text"]), "salt": salt}})
    elif message["type"] == "shutdown":
        break
