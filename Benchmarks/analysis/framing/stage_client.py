"""Runs Workbench stage executables directly over the stage protocol (docs/PROTOCOL.md), so the learning
scripts measure exactly what the stages compute. Python 3 standard library only."""
import json
import subprocess
import threading


class StageError(RuntimeError):
    pass


def run_stage(executable, config, tasks, step="learn"):
    """Starts `executable`, configures it with `config`, sends `tasks` (a list of (document, inputs)) and
    returns the outputs in the same order. Raises StageError on a refused config or a failed task."""
    proc = subprocess.Popen([executable], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", bufsize=1 << 20)
    hello = json.loads(proc.stdout.readline())
    if hello.get("type") != "hello":
        raise StageError("no hello from %s" % executable)
    proc.stdin.write(json.dumps({"type": "configure", "protocol": 1, "step": step, "config": config}) + "\n")
    proc.stdin.flush()
    while True:
        answer = json.loads(proc.stdout.readline())
        if answer.get("type") == "log":
            continue
        if answer.get("type") != "ready":
            raise StageError("%s refused its config: %s" % (executable, answer.get("message")))
        break

    def feed():
        for i, (document, inputs) in enumerate(tasks):
            proc.stdin.write(json.dumps({"type": "task", "id": str(i), "document": document, "inputs": inputs}) + "\n")
        proc.stdin.write(json.dumps({"type": "shutdown"}) + "\n")
        proc.stdin.close()

    writer = threading.Thread(target=feed)
    writer.start()
    outputs = [None] * len(tasks)
    remaining = len(tasks)
    while remaining:
        line = proc.stdout.readline()
        if not line:
            raise StageError("%s ended early: %s" % (executable, proc.stderr.read()[-2000:]))
        message = json.loads(line)
        if message.get("type") == "log":
            continue
        if message.get("type") == "error":
            raise StageError("task %s failed: %s" % (message.get("id"), message.get("message")))
        outputs[int(message["id"])] = message["output"]
        remaining -= 1
    writer.join()
    proc.wait()
    return outputs
