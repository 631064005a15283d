#!/bin/sh
# paragraphs — the example "plain shell" stage: it speaks the Workbench stage protocol by
# hand, with nothing but POSIX sh and a POSIX awk (tested with mawk, Debian's default awk).
# Read it to learn how to write a stage in a language that has no SDK.
#
# The protocol in five lines (one JSON object per line on stdin/stdout; stderr is for logs):
#   we   → host  {"type":"hello",...}        first, before reading anything
#   host → we    {"type":"configure",...}    we answer {"type":"ready"}
#   host → we    {"type":"task","id":"17","document":{"id":..,"text":"..."},"inputs":{}}
#   we   → host  {"type":"result","id":"17","output":{...}}
#   host → we    {"type":"shutdown"}         we exit 0 (end of input means the same)
#
# For each document this stage answers {"paragraphs":P,"characters":C}:
#   P  the number of paragraphs: blocks of non-blank lines separated by one or more blank
#      lines ("a\n\nb" has 2, "" has 0);
#   C  the length in bytes of the text *as the JSON-escaped string on the wire*. This is an
#      approximation, fine for a demo: an escape such as \n counts 2, \u00e9 counts 6 and
#      a UTF-8 "é" counts 2. (A real stage reports code points; use the Python SDK or
#      StageKit for that.)
#
# Rules a hand-written stage must keep:
#   * stdout carries protocol lines only, each flushed at once (awk's fflush() below);
#     anything else, e.g. debugging output, goes to stderr.
#   * Say hello first, without waiting for input.
#   * `paragraphs.sh --describe` prints the hello line only and exits 0, so the host can
#     list the stage without starting a session.

# The hello: who we are, which protocol versions we speak, what we make. One line.
HELLO='{"type":"hello","protocols":[1],"name":"paragraphs","version":"1.0.0","scope":"document","consumes":[],"produces":"paragraphs/1","description":"Counts paragraphs and (escaped) characters; a plain sh + awk stage without an SDK.","config_schema":{"type":"object","properties":{},"additionalProperties":false}}'

case "${1:-}" in
    --describe)
        printf '%s\n' "$HELLO"
        exit 0
        ;;
    --help | -h)
        printf '%s\n' "paragraphs 1.0.0 — a Workbench stage (document scope, protocol 1)" \
            "Counts paragraphs and characters of each document." \
            "It speaks JSON lines on stdin/stdout and is run by \`workbench run\`." \
            "  --describe   print the hello line and exit"
        exit 0
        ;;
esac

# Hello first. printf writes it out straight away; the host waits for it before it sends
# anything.
printf '%s\n' "$HELLO"

# In the C locale every awk counts bytes, so C is the same with mawk and gawk.
LC_ALL=C
export LC_ALL

# mawk reads stdin in large blocks when it is a pipe: it would sit on the host's "configure"
# waiting for more input while the host waits for "ready". `-W interactive` makes it read
# line by line. Other awks (gawk, BusyBox) hand each line over as it arrives.
# The price: in that mode mawk reads 4 KiB at a time and regrows its line buffer on every
# read, so a huge line costs time quadratic in its length. A news article (a few KiB) takes
# microseconds; a 16 MiB text takes several seconds, 64 MiB a minute or two.
AWK_FLAGS=
case "$(awk -W version 2>/dev/null </dev/null)" in
    *mawk*) AWK_FLAGS="-W interactive" ;;
esac

# One awk process serves the whole session: it reads every host line from stdin, so there
# is no per-task start-up cost. awk handles lines of any length (the host may send 64 MiB).
# ($AWK_FLAGS is unquoted on purpose: it is empty or two words.)
exec awk $AWK_FLAGS '
# Sends one protocol line and pushes it to the host now: awk buffers stdout when it is a
# pipe, and a host waiting for "ready" would wait forever without the fflush().
function send(line) {
    print line
    fflush()
}

# Finds the string member `key` in the line and returns its raw (still escaped) value, or
# "" when there is none. Only members at or after position `from` are considered.
#   masked  the line with every \\ and \" replaced by two placeholder bytes (see below),
#           so that each " left in it really starts or ends a JSON string;
#   raw     the original line, from which the value is cut at the same positions.
# Sets FOUND to 1 or 0 and VALUE_AT to the position where the value starts.
# The line is compact JSON written by the host, so the first "type" is the message type and
# the first "id" the task id (the host writes them before "document"). A full JSON parser
# would not need that assumption; this is a demo.
function member(masked, raw, key, from,    rest, start) {
    FOUND = 0
    rest = substr(masked, from)
    if (!match(rest, "\"" key "\"[ \t]*:[ \t]*\""))
        return ""
    start = from + RSTART + RLENGTH - 1      # first byte of the value, after its opening quote
    rest = substr(masked, start)
    if (!match(rest, /"/))                   # the closing quote: the first real " after it
        return ""
    FOUND = 1
    VALUE_AT = start
    return substr(raw, start, RSTART - 1)
}

# Counts paragraphs in a masked, still JSON-escaped text: turns the \n escapes back into
# newlines, then counts the runs of non-blank lines.
function paragraphs(t,    lines, n, i, count, inside) {
    # (One gsub per escape: mawk is very slow with alternatives such as /\\n|\\u000a/ on
    # long texts.)
    gsub(/\\r/, "", t)                      # carriage returns: \r\n counts as \n
    gsub(/\\u000[dD]/, "", t)
    gsub(/\\t/, " ", t)                     # a tab is white space
    gsub(/\\u0009/, " ", t)
    gsub(/\\n/, "\n", t)                    # escaped newlines become real ones
    gsub(/\\u000[aA]/, "\n", t)
    n = split(t, lines, "\n")
    count = 0
    inside = 0
    for (i = 1; i <= n; i++) {
        if (lines[i] ~ /^[ ]*$/) {
            inside = 0                       # a blank line ends the paragraph
        } else if (!inside) {
            count++                          # the first non-blank line starts one
            inside = 1
        }
    }
    return count
}

{
    line = $0
    sub(/\r$/, "", line)
    if (line ~ /^[ \t]*$/)
        next

    # Hide escaped backslashes and escaped quotes behind same-length placeholders
    # (bytes 1 and 2, which cannot occur raw in JSON): afterwards a " always delimits a
    # string and \n is always a newline escape, never a backslash followed by an n.
    masked = line
    gsub(/\\\\/, "\001\001", masked)
    gsub(/\\"/, "\002\002", masked)

    type = member(masked, line, "type", 1)
    if (!FOUND) {
        send("{\"type\":\"log\",\"level\":\"warning\",\"message\":\"ignored a line without a \\\"type\\\"\"}")
        next
    }

    if (type == "configure") {
        # The host picks a protocol version from our hello; we only speak 1.
        if (match(masked, /"protocol"[ \t]*:[ \t]*[0-9]+/)) {
            version = substr(masked, RSTART, RLENGTH)
            sub(/.*:[ \t]*/, "", version)
            if (version != "1") {
                send("{\"type\":\"error\",\"message\":\"host chose protocol " version "; this stage speaks [1]\",\"retryable\":false}")
                exit 1
            }
        }
        # No settings to check: our config_schema allows none, and the host checks configs
        # against it before it starts us.
        send("{\"type\":\"ready\"}")
    } else if (type == "task") {
        id = member(masked, line, "id", 1)
        # The text is the "text" member of the document object.
        text = ""
        masked_text = ""
        if (match(masked, /"document"[ \t]*:[ \t]*\{/)) {
            text = member(masked, line, "text", RSTART + RLENGTH)
            if (FOUND)
                masked_text = substr(masked, VALUE_AT, length(text))
        }
        # id is already JSON-escaped (we cut it from the line), so it goes back as it is.
        send("{\"type\":\"result\",\"id\":\"" id "\",\"output\":{\"paragraphs\":" paragraphs(masked_text) ",\"characters\":" length(text) "}}")
    } else if (type == "shutdown") {
        exit 0
    } else if (type == "end") {
        # Only corpus-scope stages answer "end"; a document stage ignores it.
    } else {
        # Unknown message types are a newer host talking: note it and carry on.
        send("{\"type\":\"log\",\"level\":\"warning\",\"message\":\"ignored a message of unknown type " type "\"}")
    }
}
'
