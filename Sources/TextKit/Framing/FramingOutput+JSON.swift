public import WorkbenchProtocol

// Hand-written JSON for the framing stage's output: what Codable writes (sorted keys, absent optionals
// left out), without Foundation's encoder, which took most of the stage's time. `SchemaJSONTests`
// compares the two.

extension FramingOutput: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.optionalObject("codebook", codebook)
            o.optionalString("dominant", dominant)
            if let frames { o.array("frames", frames) }
            if let present { o.strings("present", present) }
            o.optionalObject("skipped", skipped)
            o.optionalNumber("words", words)
        }
    }
}

extension CodebookReference: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.string("id", id)
            o.string("version", version)
        }
    }
}

extension FrameResult: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.object("evidence", evidence)
            o.string("frame", frame)
            o.array("groups", groups)
            o.string("label", label)
            o.number("per_1000_words", perThousandWords)
            o.bool("present", present)
            o.object("rule", rule)
            o.number("score", score)
            o.number("sentences", sentences)
            o.number("share", share)
            o.number("weight", weight)
        }
    }
}

extension Evidence: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.array("cues", cues)
            o.array("sentences", sentences)
        }
    }
}

extension RuleReference: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            if let minSentenceWeight { o.number("min_sentence_weight", minSentenceWeight) }
            o.optionalNumber("min_sentences", minSentences)
            if let perThousandWords { o.number("per_1000_words", perThousandWords) }
        }
    }
}

extension GroupResult: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.number("hits", hits)
            o.string("id", id)
            o.number("weight", weight)
        }
    }
}

extension EvidenceSentence: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeRaw("[")
        w.writeNumber(start)
        w.writeRaw(",")
        w.writeNumber(end)
        w.writeRaw(",")
        w.writeNumber(weight)
        w.writeRaw("]")
    }
}

extension CueEvidence: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.optionalString("cue", cue)
            o.optionalString("group", group)
            o.optionalString("pattern", pattern)
            o.numbers("spans", spans)
            o.number("weight", weight)
        }
    }
}
