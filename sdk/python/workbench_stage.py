"""workbench_stage — write a Workbench stage in Python, in one file, standard library only.

Copy this file next to your script (or put its folder on ``sys.path``). Python 3.9+.

What a stage is
---------------
A stage is a program that Workbench starts as a long-lived worker. The two talk in the
*stage protocol v1*: UTF-8 JSON, one object per line, each with a ``"type"``. The stage's
stdout carries protocol lines only; stderr is free-form log text the host keeps and shows.
This module speaks the protocol for you::

    stage → host  {"type":"hello","protocols":[1],"name":"quotes","version":"1.0.0",
                   "scope":"document","consumes":[],"produces":"quotes/1",...}
    host → stage  {"type":"configure","protocol":1,"step":"quotes","config":{...}}
    stage → host  {"type":"ready"}   or   {"type":"error","message":"...","field":"..."} and exit 1
    host → stage  {"type":"task","id":"17","document":{"id":..,"text":..,"meta":{..}},"inputs":{..}}
    stage → host  {"type":"result","id":"17","output":{...}}
              or  {"type":"error","id":"17","message":"...","retryable":false}
    stage → host  {"type":"log","level":"info","message":"...","id":"17"}     (any time)
    host → stage  {"type":"end"}        corpus-scope stages answer {"type":"result","id":"corpus",...}
    host → stage  {"type":"shutdown"}   the stage exits 0 (so does end of input)

``python3 your_stage.py --describe`` prints the hello line and exits; ``--help`` explains.

Writing a stage
---------------
Subclass :class:`DocumentStage` (one answer per document) or :class:`CorpusStage` (sees
every document, answers once at the end), set the class attributes, and call :func:`run`::

    import workbench_stage as wb

    class Quotes(wb.DocumentStage):
        name = "quotes"
        version = "1.0.0"
        produces = "quotes/1"
        description = "Finds direct quotes with their offsets."
        config_schema = {"type": "object",
                         "properties": {"min_words": {"type": "integer", "minimum": 1}},
                         "additionalProperties": False}

        def configure(self, config, context):        # optional
            self.min_words = config.get("min_words", 3)
            if self.min_words < 1:
                raise wb.ConfigError("must be ≥ 1", field="min_words")

        def process(self, task):
            self.log("looking", level="debug")
            return {"count": 0, "quotes": []}          # any JSON-serialisable value

    if __name__ == "__main__":
        wb.run(Quotes)

Rules worth knowing:

* Character offsets count Unicode code points, which is exactly what Python ``str``
  indices are: ``task.text[start:end]`` is the span the host will show.
* Raise :class:`TaskError` to fail one task (``retryable=True`` when trying again may help,
  e.g. a busy service). Any other exception also fails only that task, with the message
  ``"ExceptionType: message"``; its traceback goes to stderr.
* Don't write to stdout yourself: while :func:`run` is serving, ``print()`` (and anything
  else writing to file descriptor 1) goes to stderr, so it cannot corrupt the protocol.
  Use ``self.log(...)`` for messages the host should keep with the run.
* Output must be plain JSON: dicts, lists, str, int, float (not NaN or infinity), bool,
  None. A task whose output can't be encoded is answered with an error.
* :func:`run_session` runs a stage in-process on given input lines — handy in unit tests.
"""

import json
import os
import sys
import time

__all__ = [
    "Stage",
    "DocumentStage",
    "CorpusStage",
    "Task",
    "Context",
    "ConfigError",
    "TaskError",
    "SessionResult",
    "run",
    "run_session",
    "hello",
    "PROTOCOL_VERSIONS",
]

__version__ = "1.0.0"

#: Protocol versions this module implements.
PROTOCOL_VERSIONS = (1,)

#: The protocol's line limit, newline excluded. Longer host lines are dropped with a log line.
MAX_LINE_BYTES = 64 * 1024 * 1024

#: Log levels the protocol knows, most verbose first.
LOG_LEVELS = ("trace", "debug", "info", "warning", "error")

_LEVEL_ALIASES = {"warn": "warning", "critical": "error", "fatal": "error", "exception": "error"}

# Pending output is written at the latest when this much has piled up or this much time has
# passed since the last write, so a slow batch of tasks still reports as it goes.
_FLUSH_BYTES = 1 << 20
_FLUSH_SECONDS = 0.05
_READ_SIZE = 65536

_MISSING = object()


# --- Errors ---


class ConfigError(Exception):
    """Raise from ``configure`` to refuse the step's configuration.

    ``field`` is the path of the offending setting inside the config (``"min_words"``,
    ``"cues[2]"``). The host shows the message as ``config.<field>: <message>``; the SDK adds
    that prefix unless the message already starts with ``config``. The stage then exits 1.
    """

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = str(message)
        self.field = None if field is None else str(field)

    def protocol_message(self):
        """The message as sent to the host, with the ``config.<field>: `` prefix."""
        if self.field and not self.message.startswith("config"):
            return "config.%s: %s" % (self.field, self.message)
        return self.message


class TaskError(Exception):
    """Raise from ``process``, ``add`` or ``finish`` to fail one task with a clear message.

    ``retryable=True`` tells the host that trying the same task again may succeed (a timeout
    upstream, a busy resource); the default is False (the document itself is the problem).
    """

    def __init__(self, message, retryable=False):
        super().__init__(message)
        self.message = str(message)
        self.retryable = bool(retryable)


# --- What a stage sees ---


class Task:
    """One unit of work: a document and the outputs of the upstream steps this stage consumes.

    Attributes: ``id`` (the host's task id, a string), ``document`` (the document object as
    sent), ``inputs`` (dict: input name → parsed JSON). Properties: ``text``, ``meta``,
    ``document_id``. Use :meth:`input` to fetch an input with a clear error when it's missing.
    """

    __slots__ = ("id", "document", "inputs")

    def __init__(self, id, document, inputs=None):
        self.id = id
        self.document = document
        self.inputs = inputs if inputs is not None else {}

    @property
    def text(self):
        """The document text ("" when the document has none). Index it by code point."""
        text = self.document.get("text")
        return text if isinstance(text, str) else ""

    @property
    def meta(self):
        """The document's metadata (outlet, date, url, ...) as a dict, possibly empty."""
        meta = self.document.get("meta")
        return meta if isinstance(meta, dict) else {}

    @property
    def document_id(self):
        """The document's id, or None when the host sent none."""
        return self.document.get("id")

    def input(self, name, default=_MISSING):
        """The output of upstream input ``name``.

        Without ``default``, a missing input raises :class:`TaskError` naming the inputs present.
        """
        if name in self.inputs:
            return self.inputs[name]
        if default is not _MISSING:
            return default
        present = ", ".join(sorted(self.inputs)) or "none"
        raise TaskError("missing input %r (present: %s)" % (name, present))

    def __repr__(self):
        return "Task(id=%r, document_id=%r, %d chars, inputs=%s)" % (
            self.id, self.document_id, len(self.text), sorted(self.inputs))


class Context:
    """What a stage knows about its session: ``step`` (the pipeline step id it serves),
    ``protocol`` (the negotiated protocol version) and :meth:`log`."""

    def __init__(self, step, protocol, session=None):
        self.step = step
        self.protocol = protocol
        self._session = session

    def log(self, message, level="info", id=None):
        """Sends a protocol log line (kept by the host with the run).

        ``level`` is one of trace, debug, info, warning, error. ``id`` defaults to the task
        being processed, if any.
        """
        if self._session is not None:
            self._session.log(message, level=level, id=id)
        else:
            _stderr("[%s] %s\n" % (_level(level), message))


# --- Stages ---


class Stage:
    """Base of :class:`DocumentStage` and :class:`CorpusStage`; subclass one of those.

    Class attributes describe the stage in its hello:

    * ``name`` — the stage name (default: the class name, lower-cased)
    * ``version`` — the stage's own version string, part of the cache key (default "0.0.0")
    * ``consumes`` — list of step outputs it reads, by stage name or type ("extract/1")
    * ``produces`` — the type of output it writes, e.g. "quotes/1" (optional)
    * ``description`` — one line for ``workbench stages`` (default: the docstring's first line)
    * ``config_schema`` — a JSON Schema subset for the step config (optional; the host checks it)
    * ``protocols`` — protocol versions spoken; leave at ``[1]``

    ``self.context`` is the :class:`Context` once configured.
    """

    name = None
    version = "0.0.0"
    protocols = [1]
    scope = "document"
    consumes = []
    produces = None
    description = None
    config_schema = None

    context = None
    _session = None

    def configure(self, config, context):
        """Called with the step's config (a dict) before any task. Raise :class:`ConfigError` to refuse."""

    def log(self, message, level="info", id=None):
        """Sends a protocol log line; ``id`` defaults to the task being processed."""
        if self._session is not None:
            self._session.log(message, level=level, id=id)
        else:
            _stderr("[%s] %s\n" % (_level(level), message))

    def close(self):
        """Called once when the session ends normally (shutdown or end of input). Optional."""


class DocumentStage(Stage):
    """A stage that answers each document on its own: implement :meth:`process`."""

    scope = "document"

    def process(self, task):
        """Returns the output for ``task`` (any JSON-serialisable value)."""
        raise NotImplementedError("%s must implement process(self, task)" % type(self).__name__)


class CorpusStage(Stage):
    """A stage that sees every document, then answers once: implement :meth:`add` and :meth:`finish`.

    The host sends one task per document and expects no answer to them (raise to fail one
    document: the host records that document's error and the corpus answer goes on without
    it); after the last document it sends ``end`` and the SDK answers with :meth:`finish`'s
    value under the id ``"corpus"``.
    """

    scope = "corpus"

    def add(self, task):
        """Takes one document's task; returns nothing."""
        raise NotImplementedError("%s must implement add(self, task)" % type(self).__name__)

    def finish(self):
        """Returns the output for the whole corpus (any JSON-serialisable value)."""
        raise NotImplementedError("%s must implement finish(self)" % type(self).__name__)


def hello(stage):
    """The hello message (a dict) for a stage class or instance.

    Raises TypeError when a class attribute has the wrong type, so mistakes show at start-up.
    """
    cls = stage if isinstance(stage, type) else type(stage)
    name = getattr(stage, "name", None) or cls.__name__.lower()
    if not isinstance(name, str):
        raise TypeError("%s.name must be a string" % cls.__name__)
    version = getattr(stage, "version", "0.0.0")
    if not isinstance(version, str):
        raise TypeError("%s.version must be a string such as \"1.0.0\"" % cls.__name__)
    scope = "corpus" if isinstance(stage, CorpusStage) or (
        isinstance(stage, type) and issubclass(stage, CorpusStage)) else "document"
    protocols = list(getattr(stage, "protocols", None) or PROTOCOL_VERSIONS)
    if not all(isinstance(p, int) and not isinstance(p, bool) for p in protocols):
        raise TypeError("%s.protocols must be a list of integers" % cls.__name__)
    consumes = getattr(stage, "consumes", None) or []
    if isinstance(consumes, str) or not all(isinstance(c, str) for c in consumes):
        raise TypeError("%s.consumes must be a list of strings" % cls.__name__)
    message = {"type": "hello", "protocols": protocols, "name": name, "version": version,
               "scope": scope, "consumes": list(consumes)}
    produces = getattr(stage, "produces", None)
    if produces is not None:
        if not isinstance(produces, str):
            raise TypeError("%s.produces must be a string such as \"quotes/1\"" % cls.__name__)
        message["produces"] = produces
    description = getattr(stage, "description", None)
    if description is None and cls.__doc__ and cls.__doc__ not in (
            Stage.__doc__, DocumentStage.__doc__, CorpusStage.__doc__):
        description = cls.__doc__.strip().splitlines()[0].strip() or None
    if description is not None:
        message["description"] = str(description)
    schema = getattr(stage, "config_schema", None)
    if schema is not None:
        if not isinstance(schema, dict):
            raise TypeError("%s.config_schema must be a dict (a JSON Schema object)" % cls.__name__)
        message["config_schema"] = schema
    return message


# --- Encoding helpers ---


def _dumps(message):
    """One protocol line as bytes. Raises ValueError/TypeError/UnicodeEncodeError if it can't be encoded."""
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8") + b"\n"


def _clean(text):
    """``text`` as a str that encodes as UTF-8 (lone surrogates become '?')."""
    text = text if isinstance(text, str) else str(text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def _level(level):
    level = str(level).lower()
    level = _LEVEL_ALIASES.get(level, level)
    if level not in LOG_LEVELS:
        raise ValueError("log level must be one of %s, not %r" % (", ".join(LOG_LEVELS), level))
    return level


def _describe_exception(error):
    text = str(error)
    return "%s: %s" % (type(error).__name__, text) if text else type(error).__name__


def _stderr(text):
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except Exception:  # stderr closed or broken: nothing sensible left to do
        pass


def _print_traceback(header):
    import traceback  # only when something failed: keeps start-up fast

    _stderr(header + "\n" + traceback.format_exc())


class _SessionOver(Exception):
    """Internal: the session ends with ``status``."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


# --- The session ---


class _Session:
    """The protocol loop, independent of where bytes come from: ``feed`` chunks, then ``eof``."""

    def __init__(self, stage, write):
        self.stage = stage
        self.hello = hello(stage)
        self.name = self.hello["name"]
        self._write = write
        self._out = []
        self._out_bytes = 0
        self._since = time.monotonic()
        self._buffer = bytearray()
        self._discarding = 0  # bytes dropped so far of an oversized line, 0 when not discarding
        self._instance = None if isinstance(stage, type) else stage
        self._configured = False
        self._current_id = None

    # Output

    def _emit(self, line):
        self._out.append(line)
        self._out_bytes += len(line)
        if self._out_bytes >= _FLUSH_BYTES or time.monotonic() - self._since >= _FLUSH_SECONDS:
            self.flush()

    def _send(self, message):
        self._emit(_dumps(message))

    def flush(self):
        """Writes all pending output in one go."""
        if self._out:
            data = b"".join(self._out)
            self._out = []
            self._out_bytes = 0
            self._write(data)
        self._since = time.monotonic()

    def log(self, message, level="info", id=None):
        msg = {"type": "log", "level": _level(level), "message": _clean(message)}
        id = self._current_id if id is None else id
        if id is not None:
            msg["id"] = _clean(id)
        self._send(msg)

    def _error(self, message, id=None, retryable=False, field=None):
        msg = {"type": "error"}
        if id is not None:
            msg["id"] = id
        msg["message"] = _clean(message)
        msg["retryable"] = bool(retryable)
        if field is not None:
            msg["field"] = _clean(field)
        self._send(msg)

    def _warn(self, message):
        self._send({"type": "log", "level": "warning", "message": _clean(message)})

    # Input

    def start(self):
        """Says hello; call before feeding anything."""
        self._send(self.hello)
        self.flush()

    def feed(self, chunk):
        """Handles every complete line in ``chunk`` (plus what came before). Returns an exit status when the session is over."""
        self._since = time.monotonic()
        buffer = self._buffer
        if self._discarding:
            newline = chunk.find(b"\n")
            if newline < 0:
                self._discarding += len(chunk)
                return None
            self._oversized(self._discarding + newline)
            chunk = chunk[newline + 1:]
        scan = len(buffer)
        buffer += chunk
        start = 0
        try:
            while True:
                newline = buffer.find(b"\n", scan)
                if newline < 0:
                    break
                line = bytes(buffer[start:newline])
                start = scan = newline + 1
                if len(line) > MAX_LINE_BYTES:
                    self._oversized(len(line))
                    continue
                self._handle_line(line)
        except _SessionOver as over:
            return over.status
        finally:
            del buffer[:start]
        if len(buffer) > MAX_LINE_BYTES:
            self._discarding = len(buffer)
            del buffer[:]
        return None

    def eof(self):
        """The host closed stdin: handles a last unterminated line, closes the stage, returns 0."""
        self._since = time.monotonic()
        if self._discarding:
            self._oversized(self._discarding)
        try:
            if self._buffer.strip():
                line = bytes(self._buffer)
                del self._buffer[:]
                self._handle_line(line)
            return self._close()
        except _SessionOver as over:
            return over.status

    def _oversized(self, size):
        self._discarding = 0
        self._send({"type": "log", "level": "error",
                    "message": "ignored a host line of %d bytes (the protocol allows %d)" % (size, MAX_LINE_BYTES)})

    def _close(self):
        if self._instance is None:
            return 0
        try:
            self._instance.close()
        except Exception:
            _print_traceback("[%s] close() failed:" % self.name)
            return 1
        return 0

    def _handle_line(self, line):
        if not line.strip():
            return
        try:
            message = json.loads(line.decode("utf-8"))
        except (ValueError, RecursionError) as error:  # includes UnicodeDecodeError and JSONDecodeError
            preview = line[:80].decode("utf-8", "replace")
            self._warn("ignored a host line that is not valid JSON (%s): %s" % (error, preview))
            return
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            self._warn("ignored a host line that is not an object with a \"type\": %s"
                       % line[:80].decode("utf-8", "replace"))
            return
        kind = message["type"]
        if kind == "task":
            self._task(message)
        elif kind == "configure":
            self._configure(message)
        elif kind == "end":
            self._end()
        elif kind == "shutdown":
            raise _SessionOver(self._close())
        else:
            self._warn("ignored a host message of unknown type \"%s\"" % kind)

    def _configure(self, message):
        version = message.get("protocol")
        if not isinstance(version, int) or isinstance(version, bool):
            self._error("configure: \"protocol\" must be an integer; this stage speaks %s" % self.hello["protocols"])
            raise _SessionOver(1)
        spoken = [p for p in self.hello["protocols"] if p in PROTOCOL_VERSIONS]
        if version not in spoken:
            self._error("host chose protocol %d; this stage speaks %s" % (version, spoken))
            raise _SessionOver(1)
        config = message.get("config")
        if config is None:
            config = {}
        if not isinstance(config, dict):
            self._error("config: must be an object, not %s" % type(config).__name__)
            raise _SessionOver(1)
        step = message.get("step")
        context = Context(step if isinstance(step, str) else "", version, self)
        try:
            if self._instance is None:
                self._instance = self.stage()
            self._instance._session = self
            self._instance.context = context
            self._instance.configure(config, context)
        except ConfigError as error:
            self._error(error.protocol_message(), field=error.field)
            raise _SessionOver(1)
        except Exception as error:
            _print_traceback("[%s] configure failed:" % self.name)
            self._error(error.message if isinstance(error, TaskError) else _describe_exception(error))
            raise _SessionOver(1)
        self._configured = True
        self._send({"type": "ready"})

    def _task(self, message):
        id = message.get("id")
        if not isinstance(id, str):
            self._warn("ignored a task without a string \"id\"")
            return
        if not self._configured:
            self._error("task before configure", id=id)
            return
        document = message.get("document")
        if not isinstance(document, dict):
            self._error("task: \"document\" must be an object", id=id)
            return
        inputs = message.get("inputs")
        if inputs is None:
            inputs = {}
        if not isinstance(inputs, dict):
            self._error("task: \"inputs\" must be an object", id=id)
            return
        task = Task(id, document, inputs)
        stage = self._instance
        corpus = isinstance(stage, CorpusStage)
        self._current_id = id
        try:
            output = stage.add(task) if corpus else stage.process(task)
        except TaskError as error:
            self._error(error.message, id=id, retryable=error.retryable)
            return
        except Exception as error:
            _print_traceback("[%s] task %s (document %s) failed:" % (self.name, id, task.document_id))
            self._error(_describe_exception(error), id=id)
            return
        finally:
            self._current_id = None
        if not corpus:
            self._result(id, output)

    def _end(self):
        if not isinstance(self._instance, CorpusStage):
            return  # document stages have nothing to say at the end of the corpus
        if not self._configured:
            self._error("end before configure", id="corpus")
            return
        self._current_id = None
        try:
            output = self._instance.finish()
        except TaskError as error:
            self._error(error.message, id="corpus", retryable=error.retryable)
            return
        except Exception as error:
            _print_traceback("[%s] finish() failed:" % self.name)
            self._error(_describe_exception(error), id="corpus")
            return
        self._result("corpus", output)

    def _result(self, id, output):
        try:
            line = _dumps({"type": "result", "id": id, "output": output})
        except Exception as error:  # NaN, a set, an object, a lone surrogate, ...
            self._error("could not encode the output as JSON: %s" % _describe_exception(error), id=id)
            return
        if len(line) - 1 > MAX_LINE_BYTES:
            self._error("the output is %d bytes; the protocol allows lines of up to %d" % (len(line) - 1, MAX_LINE_BYTES), id=id)
            return
        self._emit(line)


# --- Running ---


class SessionResult:
    """What :func:`run_session` returns: ``status`` (the exit status), ``output`` (all bytes
    written), ``writes`` (the separate writes, as bytes) and :meth:`messages`."""

    def __init__(self, status, writes):
        self.status = status
        self.writes = writes
        self.output = b"".join(writes)

    def messages(self):
        """The output lines, parsed."""
        return [json.loads(line) for line in self.output.decode("utf-8").splitlines()]

    def __repr__(self):
        return "SessionResult(status=%r, %d bytes in %d writes)" % (self.status, len(self.output), len(self.writes))


def run_session(stage, lines, chunk_size=_READ_SIZE):
    """Runs ``stage`` (a class or an instance) in-process on ``lines`` and returns a :class:`SessionResult`.

    ``lines`` is bytes (raw protocol input) or a list of dicts / strings (one message each).
    The input is fed in chunks of ``chunk_size`` bytes, as from a pipe. Meant for tests::

        result = wb.run_session(Quotes, [
            {"type": "configure", "protocol": 1, "step": "q", "config": {}},
            {"type": "task", "id": "1", "document": {"id": "a", "text": "..."}, "inputs": {}},
        ])
        assert result.messages()[2]["type"] == "result"
    """
    if isinstance(lines, (bytes, bytearray)):
        data = bytes(lines)
    else:
        parts = []
        for line in lines:
            if isinstance(line, dict):
                parts.append(_dumps(line))
            else:
                line = line.encode("utf-8") if isinstance(line, str) else bytes(line)
                parts.append(line if line.endswith(b"\n") else line + b"\n")
        data = b"".join(parts)
    writes = []
    session = _Session(stage, writes.append)
    session.start()
    status = None
    for offset in range(0, len(data), max(1, chunk_size)):
        status = session.feed(data[offset:offset + chunk_size])
        if status is not None:
            break
    if status is None:
        status = session.eof()
    session.flush()
    return SessionResult(status, writes)


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _help(message):
    lines = [
        "%s %s — a Workbench stage (%s scope, protocol %s)" % (
            message["name"], message["version"], message["scope"],
            ", ".join(str(p) for p in message["protocols"])),
    ]
    if message.get("description"):
        lines.append(message["description"])
    lines += [
        "",
        "It speaks JSON lines on stdin/stdout and is run by `workbench run`.",
        "Options:",
        "  --describe   print the hello line and exit",
        "  --help       print this help and exit",
    ]
    if message.get("consumes"):
        lines.append("Consumes: " + ", ".join(message["consumes"]))
    if message.get("produces"):
        lines.append("Produces: " + message["produces"])
    if message.get("config_schema") is not None:
        lines.append("Config schema:")
        lines.append(json.dumps(message["config_schema"], ensure_ascii=False, indent=2))
    return "\n".join(lines) + "\n"


def run(stage, argv=None):
    """Runs ``stage`` (a :class:`DocumentStage` / :class:`CorpusStage` subclass, or an instance)
    as this process's protocol session, then exits. Never returns.

    Handles ``--describe`` and ``--help``. The stage class is instantiated (with no
    arguments) when the host configures it, not for ``--describe``, so heavy set-up in
    ``__init__`` or ``configure`` never slows down stage discovery.

    Exit status: 0 after ``shutdown`` or end of input; 1 when the configuration is refused,
    the stage failed to start, or the host stopped reading stdout; 130 on Ctrl-C.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    message = hello(stage)
    if "--describe" in argv:
        try:
            _write_all(1, _dumps(message))
        except BrokenPipeError:
            os._exit(1)
        sys.exit(0)
    if "--help" in argv or "-h" in argv:
        sys.stdout.write(_help(message))
        sys.stdout.flush()
        sys.exit(0)

    # Keep the protocol channel to ourselves: fd 1 becomes a copy of stderr, so print() and
    # libraries that write to stdout end up in the log instead of corrupting the protocol.
    out_fd = 1
    try:
        out_fd = os.dup(1)
        os.dup2(2, 1)
    except OSError:
        out_fd = 1
    sys.stdout = sys.stderr

    status = 1
    session = _Session(stage, lambda data: _write_all(out_fd, data))
    try:
        session.start()
        if os.isatty(0):
            _stderr("%s: waiting for protocol lines on stdin (see --help)\n" % message["name"])
        while True:
            chunk = os.read(0, _READ_SIZE)
            if not chunk:
                status = session.eof()
                break
            status = session.feed(chunk)
            if status is not None:
                break
            session.flush()
        session.flush()
    except BrokenPipeError:
        os._exit(1)  # the host stopped listening; leave without a traceback
    except SystemExit:
        try:
            session.flush()  # the stage called sys.exit(): still deliver what it answered
        except OSError:
            pass
        raise
    except KeyboardInterrupt:
        try:
            session.flush()
        except OSError:
            pass
        os._exit(130)
    sys.exit(status)


if __name__ == "__main__":
    sys.stdout.write(__doc__)
