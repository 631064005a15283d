public import WorkbenchProtocol

// Hand-written JSON for the sentiment stage's output: what Codable writes (sorted keys; absent optionals
// left out, except the portrayal members written as null), without Foundation's encoder. `SchemaJSONTests`
// compares the two.

extension SentimentOutput: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            if let actors { o.array("actors", actors) }
            o.optionalObject("document", document)
            if let portrayal { o.array("portrayal", portrayal) }
            if let sentences { o.array("sentences", sentences) }
            if let sides { o.array("sides", sides) }
            o.optionalObject("skipped", skipped)
            if let targets { o.array("targets", targets) }
        }
    }
}

extension SentimentOutput.DocumentScore: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.string("label", label)
            o.number("score", score)
            o.number("sentences", sentences)
        }
    }
}

extension SentimentOutput.Sentence: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.number("end", end)
            o.string("label", label)
            o.number("score", score)
            o.number("start", start)
        }
    }
}

extension SentimentOutput.Evidence: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.number("end", end)
            o.number("score", score)
            o.number("start", start)
        }
    }
}

extension SentimentOutput.ActorScore: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.string("actor", actor)
            o.optionalString("canonical", canonical)
            o.array("evidence", evidence)
            o.string("label", label)
            o.number("mentions", mentions)
            o.number("score", score)
            o.optionalString("side", side)
        }
    }
}

extension SentimentOutput.SideScore: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.strings("actors", actors)
            o.string("label", label)
            o.number("mentions", mentions)
            o.number("score", score)
            o.string("side", side)
        }
    }
}

extension SentimentOutput.TargetScore: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.number("end", end)
            o.string("label", label)
            o.number("score", score)
            o.number("start", start)
            o.string("text", text)
        }
    }
}

extension SentimentOutput.Portrayal: JSONWritable {
    public func writeJSON(into w: inout JSONWriter) {
        w.writeObject { o in
            o.string("agent", agent)
            o.string("agent_side", agentSide)
            o.string("patient", patient)
            o.string("patient_side", patientSide)
            o.number("sentence", sentence)
            o.object("span", span)
            o.string("speaker", speaker)
            o.string("verb", verb)
            o.string("voice", voice)
        }
    }
}
