public import WorkbenchProtocol

// Hand-written JSON for the extract stage's output: the same document Codable would write (sorted keys,
// absent optionals left out), several times faster for a large output. `SchemaJSONTests` compares the two.

extension TextSpan: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.number("end", end)
            o.number("start", start)
        }
    }
}

extension ExtractOutput: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.array("casualties", casualties)
            o.optionalString("date", date)
            o.array("entities", entities)
            o.optionalObject("headline", headline)
            o.array("headline_casualties", headlineCasualties)
            o.array("historical", historical)
            o.string("language", language)
            o.number("language_confidence", languageConfidence)
            o.array("numbers", numbers)
            o.optionalString("outlet", outlet)
            o.optionalString("outlet_source", outletSource)
            o.array("paragraphs", paragraphs)
            o.array("removed", removed)
            o.array("sentences", sentences)
            o.optionalObject("skipped", skipped)
            o.array("statements", statements)
            o.array("terms", terms)
            o.numbers("tokens", tokens)
        }
    }
}

extension ExtractOutput.Skip: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) { w.writeObject { $0.string("reason", reason) } }
}

extension ExtractOutput.SentenceRef: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeRaw("[")
        w.writeNumber(span.start)
        w.writeRaw(",")
        w.writeNumber(span.end)
        w.writeRaw(",")
        w.writeNumber(paragraph)
        w.writeRaw("]")
    }
}

extension ExtractOutput.Removal: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.number("end", end)
            o.string("kind", kind)
            o.number("start", start)
            o.string("text", text)
        }
    }
}

extension ExtractOutput.Entity: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.optionalString("actor", actor)
            o.optionalString("canonical", canonical)
            o.number("end", end)
            o.optionalString("side", side)
            o.number("start", start)
            o.string("text", text)
            o.string("type", type)
        }
    }
}

extension ExtractOutput.NumberMention: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.bool("approximate", approximate)
            o.number("end", end)
            o.string("kind", kind)
            o.number("start", start)
            o.string("text", text)
            o.number("value", value)
        }
    }
}

extension ExtractOutput.Casualty: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.string("claimant", claimant)
            o.optionalString("claimant_side", claimantSide)
            o.optionalString("day", day)
            o.number("end", end)
            o.array("evidence", evidence)
            o.optionalNumber("killed", killed)
            o.string("side", side)
            o.number("start", start)
            o.optionalNumber("wounded", wounded)
        }
    }
}

extension ExtractOutput.Historical: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.number("end", end)
            o.number("start", start)
            o.string("text", text)
        }
    }
}

extension ExtractOutput.TermMention: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.number("end", end)
            o.string("group", group)
            o.number("start", start)
            o.string("term", term)
            o.string("text", text)
        }
    }
}

extension AttributionOutput: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.array("attributions", attributions)
            o.array("editorializing", editorializing)
            o.optionalString("first_voice", firstVoice)
            o.optionalObject("skipped", skipped)
        }
    }
}

extension ExtractOutput.Statement: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.optionalString("actor", actor)
            o.optionalString("cue", cue)
            o.optionalObject("cue_span", cueSpan)
            o.number("end", end)
            o.string("kind", kind)
            o.string("resolution", resolution)
            o.number("sentence", sentence)
            o.string("side", side)
            o.string("speaker", speaker)
            o.optionalObject("speaker_span", speakerSpan)
            o.string("stance", stance)
            o.number("start", start)
        }
    }
}

extension AttributionOutput.Attribution: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.optionalString("actor", actor)
            o.optionalString("cue", cue)
            o.optionalObject("cue_span", cueSpan)
            o.number("end", end)
            o.string("kind", kind)
            o.string("quote", quote)
            o.string("resolution", resolution)
            o.number("sentence", sentence)
            o.string("side", side)
            o.string("speaker", speaker)
            o.optionalObject("speaker_span", speakerSpan)
            o.string("stance", stance)
            o.number("start", start)
        }
    }
}

extension AttributionOutput.Editorial: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.number("end", end)
            o.strings("markers", markers)
            o.number("sentence", sentence)
            o.number("start", start)
            o.string("text", text)
        }
    }
}
