"""Tests for workbench_stage, the Python stage SDK.

Run from the repository root:  python3 -m unittest discover -s sdk/python/tests

Most tests run a tiny stage as a real process (the way the host runs it); a few run it
in-process with ``wb.run_session`` to look at chunking and write batching.
"""

import contextlib
import importlib.util
import io
import json
import os
import select
import subprocess
import sys
import tempfile
import textwrap
import unittest

SDK_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_DIR = os.path.dirname(os.path.dirname(SDK_DIR))
sys.path.insert(0, SDK_DIR)

import workbench_stage as wb  # noqa: E402

TIMEOUT = 60

# A stage for the process tests. Words in the document text pick a behaviour.
STAGE_SOURCE = textwrap.dedent('''
    import os
    import sys
    sys.path.insert(0, {sdk!r})
    import workbench_stage as wb


    class Probe(wb.DocumentStage):
        name = "probe"
        version = "1.2.3"
        consumes = ["wordcount"]
        produces = "probe/1"
        description = "A stage for the SDK tests."
        config_schema = {{"type": "object", "properties": {{"mode": {{"type": "string"}}}}}}

        def configure(self, config, context):
            self.mode = config.get("mode", "length")
            if self.mode not in ("length", "echo"):
                raise wb.ConfigError("must be \\"length\\" or \\"echo\\"", field="mode")
            if self.mode == "echo" and context.protocol != 1:
                raise RuntimeError("unexpected protocol")
            self.step = context.step

        def process(self, task):
            text = task.text
            if "BUSY" in text:
                raise wb.TaskError("upstream service busy", retryable=True)
            if "BROKEN" in text:
                raise wb.TaskError("this document is broken")
            if "DIVIDE" in text:
                return 1 / 0
            if "NAN" in text:
                return {{"score": float("nan")}}
            if "PRINT" in text:
                print("a stray print")
                os.write(1, b"a stray write to fd 1\\n")
            if "LOG" in text:
                self.log("looking at " + task.document_id, level="debug")
            if self.mode == "echo":
                return {{"text": text, "length": len(text)}}
            return {{"length": len(text), "step": self.step, "outlet": task.meta.get("outlet"),
                    "inputs": task.input("wordcount", None)}}


    class Tally(wb.CorpusStage):
        name = "tally"
        version = "1.0.0"

        def configure(self, config, context):
            self.lengths = {{}}

        def add(self, task):
            if "BROKEN" in task.text:
                raise wb.TaskError("cannot read this one")
            self.lengths[task.document_id] = len(task.text)

        def finish(self):
            if "FAIL_FINISH" in self.lengths:
                raise ValueError("finish failed")
            return {{"documents": len(self.lengths), "ids": sorted(self.lengths)}}


    if __name__ == "__main__":
        wb.run(Tally if os.environ.get("PROBE_SCOPE") == "corpus" else Probe)
''').format(sdk=SDK_DIR)

_tmp = None
STAGE_PATH = None


def setUpModule():
    global _tmp, STAGE_PATH
    _tmp = tempfile.TemporaryDirectory()
    STAGE_PATH = os.path.join(_tmp.name, "probe.py")
    with open(STAGE_PATH, "w", encoding="utf-8") as f:
        f.write(STAGE_SOURCE)


def tearDownModule():
    _tmp.cleanup()


# Helpers


def line(message):
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def configure(config=None, protocol=1):
    return {"type": "configure", "protocol": protocol, "step": "probe-step", "config": config or {}}


def task(id, text, doc=None, meta=None, inputs=None):
    return {"type": "task", "id": str(id),
            "document": {"id": doc or "doc-%s" % id, "text": text, "meta": meta or {}},
            "inputs": inputs or {}}


def run_stage(messages=(), raw=b"", args=(), corpus=False):
    """Runs the probe stage as a process; returns (exit status, parsed stdout lines, stderr text)."""
    data = b"".join(line(m) if isinstance(m, dict) else m for m in messages) + raw
    env = dict(os.environ, PROBE_SCOPE="corpus" if corpus else "document")
    proc = subprocess.run([sys.executable, STAGE_PATH] + list(args), input=data, capture_output=True,
                          timeout=TIMEOUT, env=env)
    out = [json.loads(text) for text in proc.stdout.decode("utf-8").splitlines()]
    return proc.returncode, out, proc.stderr.decode("utf-8", "replace")


def by_type(messages, kind):
    return [m for m in messages if m["type"] == kind]


class HandshakeTests(unittest.TestCase):
    def test_hello_comes_first_without_any_input(self):
        proc = subprocess.Popen([sys.executable, STAGE_PATH], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        try:
            ready, _, _ = select.select([proc.stdout], [], [], TIMEOUT)
            self.assertTrue(ready, "no hello before any input")
            hello = json.loads(proc.stdout.readline())
            proc.stdin.close()  # EOF: the stage exits 0
            self.assertEqual(proc.wait(TIMEOUT), 0)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.stdout.close()
            proc.stderr.close()
        self.assertEqual(hello, {
            "type": "hello", "protocols": [1], "name": "probe", "version": "1.2.3", "scope": "document",
            "consumes": ["wordcount"], "produces": "probe/1", "description": "A stage for the SDK tests.",
            "config_schema": {"type": "object", "properties": {"mode": {"type": "string"}}},
        })

    def test_describe_prints_only_the_hello(self):
        proc = subprocess.run([sys.executable, STAGE_PATH, "--describe"], capture_output=True, timeout=TIMEOUT)
        self.assertEqual(proc.returncode, 0)
        lines = proc.stdout.splitlines()
        self.assertEqual(len(lines), 1)
        self.assertEqual(json.loads(lines[0])["type"], "hello")
        self.assertEqual(json.loads(lines[0]), wb.hello(self._probe_class()))

    def test_describe_of_a_corpus_stage_says_corpus(self):
        status, out, _ = run_stage(args=["--describe"], corpus=True)
        self.assertEqual(status, 0)
        self.assertEqual([m["scope"] for m in out], ["corpus"])

    def test_help_explains_and_exits_0(self):
        proc = subprocess.run([sys.executable, STAGE_PATH, "--help"], capture_output=True, timeout=TIMEOUT)
        self.assertEqual(proc.returncode, 0)
        self.assertIn(b"probe 1.2.3", proc.stdout)
        self.assertIn(b"--describe", proc.stdout)

    def test_configure_answers_ready(self):
        status, out, _ = run_stage([configure(), {"type": "shutdown"}])
        self.assertEqual(status, 0)
        self.assertEqual([m["type"] for m in out], ["hello", "ready"])

    def test_refused_config_names_the_field_and_exits_1(self):
        status, out, _ = run_stage([configure({"mode": "loud"}), task(1, "never answered")])
        self.assertEqual(status, 1)
        self.assertEqual(out[1:], [{"type": "error", "message": 'config.mode: must be "length" or "echo"',
                                    "retryable": False, "field": "mode"}])

    def test_unsupported_protocol_is_refused_with_exit_1(self):
        status, out, _ = run_stage([configure(protocol=2), task(1, "x")])
        self.assertEqual(status, 1)
        self.assertEqual(len(out), 2)
        self.assertEqual(out[1]["type"], "error")
        self.assertIn("protocol 2", out[1]["message"])
        self.assertNotIn("id", out[1])

    def test_config_must_be_an_object(self):
        status, out, _ = run_stage([configure(), {"type": "configure", "protocol": 1, "step": "s", "config": [1]}])
        self.assertEqual(status, 1)
        self.assertEqual(out[-1]["type"], "error")

    def test_exception_in_configure_refuses_with_its_type(self):
        class Fragile(wb.DocumentStage):
            name = "fragile"

            def configure(self, config, context):
                raise KeyError("model")

        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            result = wb.run_session(Fragile, [configure(), task(1, "x")])
        self.assertIn("Traceback", stderr.getvalue())
        self.assertEqual(result.status, 1)
        self.assertEqual(result.messages()[1]["message"], "KeyError: 'model'")

    @staticmethod
    def _probe_class():
        spec = importlib.util.spec_from_file_location("probe_for_tests", STAGE_PATH)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.Probe


class TaskTests(unittest.TestCase):
    def test_results_are_matched_by_id_with_meta_inputs_and_step(self):
        status, out, _ = run_stage([
            configure(),
            task("17", "four", meta={"outlet": "Daily"}, inputs={"wordcount": {"words": 1}}),
            task("a-b", ""),
            {"type": "shutdown"},
        ])
        self.assertEqual(status, 0)
        self.assertEqual(out[2:], [
            {"type": "result", "id": "17",
             "output": {"length": 4, "step": "probe-step", "outlet": "Daily", "inputs": {"words": 1}}},
            {"type": "result", "id": "a-b", "output": {"length": 0, "step": "probe-step", "outlet": None, "inputs": None}},
        ])

    def test_task_error_keeps_its_retryable_flag(self):
        _, out, _ = run_stage([configure(), task(1, "BUSY"), task(2, "BROKEN")])
        self.assertEqual(out[2:], [
            {"type": "error", "id": "1", "message": "upstream service busy", "retryable": True},
            {"type": "error", "id": "2", "message": "this document is broken", "retryable": False},
        ])

    def test_other_exceptions_fail_only_their_task_with_a_traceback_on_stderr(self):
        status, out, err = run_stage([configure(), task(1, "DIVIDE"), task(2, "fine")])
        self.assertEqual(status, 0)
        self.assertEqual(out[2], {"type": "error", "id": "1", "message": "ZeroDivisionError: division by zero",
                                  "retryable": False})
        self.assertEqual(out[3]["type"], "result")
        self.assertIn("Traceback (most recent call last)", err)
        self.assertIn("1 / 0", err)

    def test_output_with_nan_becomes_an_error_for_that_task(self):
        _, out, _ = run_stage([configure(), task(1, "NAN"), task(2, "ok")])
        self.assertEqual(out[2]["type"], "error")
        self.assertEqual(out[2]["id"], "1")
        self.assertIn("could not encode the output", out[2]["message"])
        self.assertEqual(out[3]["type"], "result")

    def test_log_lines_carry_level_and_task_id(self):
        _, out, _ = run_stage([configure(), task(5, "LOG me")])
        self.assertEqual(out[2], {"type": "log", "level": "debug", "message": "looking at doc-5", "id": "5"})
        self.assertEqual(out[3]["type"], "result")

    def test_print_goes_to_stderr_not_to_the_protocol(self):
        _, out, err = run_stage([configure(), task(1, "PRINT")])
        self.assertEqual([m["type"] for m in out], ["hello", "ready", "result"])
        self.assertIn("a stray print", err)
        self.assertIn("a stray write to fd 1", err)

    def test_task_before_configure_is_an_error(self):
        status, out, _ = run_stage([task(1, "x")])
        self.assertEqual(status, 0)
        self.assertEqual(out[1], {"type": "error", "id": "1", "message": "task before configure", "retryable": False})


class LoopTests(unittest.TestCase):
    def test_unknown_message_types_are_logged_and_ignored(self):
        status, out, _ = run_stage([configure(), {"type": "pause", "until": "never"}, task(1, "ok")])
        self.assertEqual(status, 0)
        self.assertEqual(out[2]["type"], "log")
        self.assertEqual(out[2]["level"], "warning")
        self.assertIn('"pause"', out[2]["message"])
        self.assertEqual(out[3]["type"], "result")

    def test_malformed_lines_are_logged_and_ignored(self):
        status, out, _ = run_stage([configure(), b"not json\n", b"[1,2]\n", b'{"no":"type"}\n', b'{"type":"task","id":"\xff"}\n',
                                    b"\n", task(1, "ok")])
        self.assertEqual(status, 0)
        self.assertEqual([m["type"] for m in out[2:]], ["log", "log", "log", "log", "result"])
        self.assertTrue(all(m["level"] == "warning" for m in out[2:6]))

    def test_unknown_fields_are_ignored(self):
        message = task(1, "abc")
        message["priority"] = 3
        message["document"]["lang"] = "en"
        status, out, _ = run_stage([dict(configure(), deadline="soon"), message])
        self.assertEqual(status, 0)
        self.assertEqual(out[2]["output"]["length"], 3)

    def test_end_of_input_exits_0(self):
        status, out, _ = run_stage([configure(), task(1, "ok")])
        self.assertEqual(status, 0)
        self.assertEqual(out[-1]["type"], "result")

    def test_shutdown_exits_0_and_reads_no_further(self):
        status, out, _ = run_stage([configure(), {"type": "shutdown"}, task(1, "ignored")])
        self.assertEqual(status, 0)
        self.assertEqual([m["type"] for m in out], ["hello", "ready"])

    def test_end_is_ignored_by_a_document_stage(self):
        status, out, _ = run_stage([configure(), task(1, "ok"), {"type": "end"}, {"type": "shutdown"}])
        self.assertEqual(status, 0)
        self.assertEqual([m["type"] for m in out], ["hello", "ready", "result"])

    def test_a_last_line_without_newline_is_still_handled(self):
        status, out, _ = run_stage([configure()], raw=line(task(1, "ok")).rstrip(b"\n"))
        self.assertEqual(status, 0)
        self.assertEqual(out[-1]["type"], "result")

    def test_several_tasks_in_one_read_are_answered_in_one_write(self):
        class Length(wb.DocumentStage):
            def process(self, task):
                return len(task.text)

        saved = wb._FLUSH_SECONDS
        wb._FLUSH_SECONDS = 3600  # no time-based flush on a slow machine
        try:
            data = b"".join(line(m) for m in [configure()] + [task(i, "x" * i) for i in range(20)])
            result = wb.run_session(Length, data)  # all of it fits one 64 KiB read
        finally:
            wb._FLUSH_SECONDS = saved
        self.assertEqual(result.status, 0)
        self.assertEqual(len(result.writes), 2)  # the hello, then everything else
        answers = [json.loads(text) for text in result.writes[1].decode().splitlines()]
        self.assertEqual([a["type"] for a in answers], ["ready"] + ["result"] * 20)
        self.assertEqual([a["output"] for a in answers[1:]], list(range(20)))

    def test_lines_split_across_reads_at_any_point(self):
        class Echo(wb.DocumentStage):
            def process(self, task):
                return task.text

        messages = [configure(), task(1, "«Ça» 🙂"), task(2, "deux\nlignes"), {"type": "shutdown"}]
        for size in (1, 2, 3, 7, 64):
            with self.subTest(chunk_size=size):
                result = wb.run_session(Echo, messages, chunk_size=size)
                self.assertEqual(result.status, 0)
                self.assertEqual([m.get("output") for m in result.messages()[2:]], ["«Ça» 🙂", "deux\nlignes"])

    def test_oversized_lines_are_dropped_with_a_log_line(self):
        class Length(wb.DocumentStage):
            def process(self, task):
                return len(task.text)

        saved = wb.MAX_LINE_BYTES
        wb.MAX_LINE_BYTES = 200
        try:
            result = wb.run_session(Length, [configure(), task(1, "x" * 500), task(2, "short")], chunk_size=64)
        finally:
            wb.MAX_LINE_BYTES = saved
        messages = result.messages()
        self.assertEqual(messages[2]["type"], "log")
        self.assertEqual(messages[2]["level"], "error")
        self.assertEqual(messages[3], {"type": "result", "id": "2", "output": 5})

    def test_a_host_that_stops_reading_gets_a_quiet_exit(self):
        proc = subprocess.Popen([sys.executable, STAGE_PATH], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        proc.stdout.readline()  # the hello
        proc.stdout.close()  # the host goes away
        _, err = proc.communicate(b"".join(line(m) for m in [configure()] + [task(i, "x") for i in range(100)]),
                                  timeout=TIMEOUT)
        self.assertEqual(proc.returncode, 1)
        self.assertNotIn(b"Traceback", err)
        self.assertNotIn(b"BrokenPipe", err)


class CorpusTests(unittest.TestCase):
    def test_corpus_stage_answers_once_on_end(self):
        status, out, _ = run_stage([configure(), task(1, "a"), task(2, "BROKEN"), task(3, "ccc"),
                                    {"type": "end"}, {"type": "shutdown"}], corpus=True)
        self.assertEqual(status, 0)
        self.assertEqual(out[0]["scope"], "corpus")
        self.assertEqual(out[1:], [
            {"type": "ready"},
            {"type": "error", "id": "2", "message": "cannot read this one", "retryable": False},
            {"type": "result", "id": "corpus", "output": {"documents": 2, "ids": ["doc-1", "doc-3"]}},
        ])

    def test_a_failing_finish_is_an_error_for_the_corpus(self):
        status, out, err = run_stage([configure(), task(1, "x", doc="FAIL_FINISH"), {"type": "end"}], corpus=True)
        self.assertEqual(status, 0)
        self.assertEqual(out[-1], {"type": "error", "id": "corpus", "message": "ValueError: finish failed",
                                   "retryable": False})
        self.assertIn("Traceback", err)


class TextTests(unittest.TestCase):
    def test_16_mib_text_round_trip(self):
        unit = "«Ça» 🙂 said the reporter, \"quoted\" \\ back\tslash.\n"
        text = unit * (16 * 1024 * 1024 // len(unit.encode("utf-8")) + 1)
        self.assertGreater(len(text.encode("utf-8")), 16 * 1024 * 1024)
        status, out, _ = run_stage([configure({"mode": "echo"}), task("big", text), {"type": "shutdown"}])
        self.assertEqual(status, 0)
        self.assertEqual(out[2]["id"], "big")
        self.assertEqual(out[2]["output"]["length"], len(text))
        self.assertTrue(out[2]["output"]["text"] == text, "the text came back changed")

    def test_offsets_count_code_points(self):
        class Marks(wb.DocumentStage):
            def process(self, task):
                text = task.text
                start = text.index("«") + 1
                end = text.index("»")
                said = text.index("said")
                return {"quote": [start, end, text[start:end]], "said": [said, said + 4]}

        text = "«Ça» 🙂 said"
        result = wb.run_session(Marks, [configure(), task(1, text)])
        output = result.messages()[2]["output"]
        self.assertEqual(output, {"quote": [1, 3, "Ça"], "said": [7, 11]})
        self.assertEqual(text[7:11], "said")
        self.assertIn("«Ça»".encode("utf-8"), line(task(1, text)))
        self.assertIn('"Ça"'.encode("utf-8"), result.output)  # written as UTF-8, not \\u escapes

    def test_output_is_compact_utf8_json(self):
        class Echo(wb.DocumentStage):
            def process(self, task):
                return {"t": task.text, "n": [1, 2]}

        result = wb.run_session(Echo, [configure(), task(1, "é 🙂")])
        self.assertIn('{"type":"result","id":"1","output":{"t":"é 🙂","n":[1,2]}}\n'.encode("utf-8"), result.output)


@unittest.skipUnless(os.path.exists(os.path.join(REPO_DIR, "Plugins", "example-quotes", "quotes.py")),
                     "the example quotes stage is not in this checkout")
class ExampleQuotesTests(unittest.TestCase):
    """The example stage in Plugins/example-quotes, run in-process."""

    @classmethod
    def setUpClass(cls):
        path = os.path.join(REPO_DIR, "Plugins", "example-quotes", "quotes.py")
        spec = importlib.util.spec_from_file_location("example_quotes", path)
        cls.module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(cls.module)

    def quotes(self, text, config=None):
        result = wb.run_session(self.module.Quotes, [configure(config), task(1, text)])
        messages = result.messages()
        self.assertEqual(messages[1]["type"], "ready", messages)
        return messages[2]["output"]

    def test_offsets_point_at_the_quoted_words_in_code_points(self):
        text = "«Ça va bien» 🙂 said he, and “so it goes on” she wrote."
        output = self.quotes(text)
        self.assertEqual(output["count"], 2)
        for quote in output["quotes"]:
            self.assertEqual(text[quote["start"]:quote["end"]], quote["text"])
        self.assertEqual(output["quotes"][0], {"start": 1, "end": 11, "text": "Ça va bien", "words": 3})
        self.assertEqual(output["quotes"][1]["text"], "so it goes on")

    def test_quotes_do_not_cross_a_blank_line(self):
        output = self.quotes('He said "one two three\n\nfour five six" later.')
        self.assertEqual(output, {"count": 0, "quotes": []})
        output = self.quotes('He said "one two\nthree four" later.')
        self.assertEqual(output["quotes"][0]["text"], "one two\nthree four")

    def test_min_words(self):
        text = 'A "so-called" plan, "two words" and “three whole words”.'
        self.assertEqual(self.quotes(text)["count"], 1)
        self.assertEqual(self.quotes(text, {"min_words": 1})["count"], 3)

    def test_min_words_zero_is_refused(self):
        result = wb.run_session(self.module.Quotes, [configure({"min_words": 0})])
        self.assertEqual(result.status, 1)
        self.assertEqual(result.messages()[1], {"type": "error", "message": "config.min_words: must be ≥ 1",
                                                "retryable": False, "field": "min_words"})


if __name__ == "__main__":
    unittest.main()
