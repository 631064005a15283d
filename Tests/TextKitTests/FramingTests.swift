import Testing
import TextKit
import WorkbenchProtocol

@Suite("Framing: codebooks, cue matching, decision rules")
struct FramingTests {
    // MARK: Helpers

    func codebook(_ json: String) throws -> Codebook {
        try Codebook(json: try JSONParser.parse(Array(json.utf8)))
    }

    func analyze(_ text: String, _ book: Codebook) throws -> FramingOutput {
        try FrameAnalyzer(codebook: book).analyze(FramingText(AnalyzedText(text)))
    }

    func frame(_ output: FramingOutput, _ id: String) throws -> FrameResult {
        try #require(output.frames?.first { $0.frame == id })
    }

    /// The text each cue or pattern match of a frame points at, in text order.
    func hitTexts(_ text: String, _ result: FrameResult) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return result.evidence.matches.map { match in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[match.span.range])
            return String(view)
        }
    }

    func parseError(_ json: String) -> CodebookError? {
        do {
            _ = try codebook(json)
            return nil
        } catch let error as CodebookError {
            return error
        } catch {
            return nil
        }
    }

    /// One frame `f` with the given cues, a low threshold so any evidence makes it present.
    func single(_ cues: String, rule: String = #"{"per_1000_words": 1}"#, extra: String = "") throws -> Codebook {
        try codebook(
            #"{"id": "t", "version": "1", "frames": [{"id": "f", "cues": \#(cues), "rule": \#(rule)\#(extra)}]}"#)
    }

    // MARK: Matching

    @Test("Case, prefix and suffix wildcards, possessives and curly apostrophes")
    func wordForms() throws {
        let book = try single(#"["econom*", "*-year-old", "god", "it's wrong", "tax"]"#)
        let text =
            "The ECONOMY grew. A five-year-old boy said God’s will. It’s wrong, he said. Taxes rose; taxation too."
        let result = try frame(try analyze(text, book), "f")
        #expect(hitTexts(text, result) == ["ECONOMY", "five-year-old", "God’s", "It’s wrong"])
    }

    @Test("Spans are Unicode scalar offsets, also after emoji and combining marks")
    func scalarSpans() throws {
        let book = try single(#"["clash*"]"#)
        let text = "🙂 Cafe\u{301} owners saw clashes. Then calm."
        let result = try frame(try analyze(text, book), "f")
        #expect(result.evidence.cues.first?.spans == [19, 26])
        #expect(hitTexts(text, result) == ["clashes"])
        #expect(result.evidence.sentences.first?.start == 0)
    }

    @Test("Leftmost-longest within a frame: a phrase wins over its own words; other frames still count them")
    func longestMatch() throws {
        let book = try codebook(
            #"""
            {"id": "t", "version": "1", "frames": [
              {"id": "a", "cues": ["on the other hand", "other", "hand"], "rule": {"per_1000_words": 1}},
              {"id": "b", "cues": ["hand"], "rule": {"per_1000_words": 1}}]}
            """#)
        let text = "On the other hand, the other side waited."
        let output = try analyze(text, book)
        #expect(hitTexts(text, try frame(output, "a")) == ["On the other hand", "other"])
        #expect(hitTexts(text, try frame(output, "b")) == ["hand"])
    }

    @Test("Phrases do not run across sentences")
    func phrasesStayInSentences() throws {
        let book = try single(#"["peace talks"]"#)
        #expect(try frame(try analyze("They want peace. Talks failed.", book), "f").weight == 0)
        #expect(try frame(try analyze("They want peace talks now.", book), "f").weight == 1)
    }

    @Test("Exceptions stop a wildcard, not a whole word")
    func exceptions() throws {
        let book = try single(#"["invest*", "investigators"]"#, extra: #", "except": ["investigat*"]"#)
        let text = "Investors invested while the investigation went on and investigators waited."
        #expect(hitTexts(text, try frame(try analyze(text, book), "f")) == ["Investors", "invested", "investigators"])
    }

    @Test("Cue and group weights multiply")
    func weights() throws {
        let book = try codebook(
            #"""
            {"id": "t", "version": "1", "frames": [{"id": "f", "rule": {"per_1000_words": 1},
              "groups": [{"id": "g", "weight": 2, "cues": {"cost": 1.5, "price": 1}}]}]}
            """#)
        let result = try frame(try analyze("The cost and the price went up.", book), "f")
        #expect(result.weight == 5)
        #expect(
            result.groups.map(\.id) == ["g"] && result.groups.map(\.hits) == [2] && result.groups.map(\.weight) == [5])
        #expect(result.evidence.cues.map(\.group) == ["g", "g"] && result.evidence.cues.map(\.weight) == [3, 2])
    }

    // MARK: Patterns

    @Test("Patterns: gaps up to max_gap, within the sentence, cancelled by negation unless not negatable")
    func patterns() throws {
        func book(negatable: Bool) throws -> Codebook {
            try codebook(
                #"""
                {"id": "t", "version": "1", "frames": [{"id": "f", "rule": {"per_1000_words": 1},
                  "patterns": [{"id": "blame", "sequence": ["accus*|blam*", "of|for"], "max_gap": 2,
                                "negatable": \#(negatable)}]}]}
                """#)
        }
        let negatable = try book(negatable: true)
        func count(_ text: String, _ b: Codebook) throws -> Int {
            try frame(try analyze(text, b), "f").evidence.matches.count
        }
        #expect(try count("Officials accused the army of shelling.", negatable) == 1)
        #expect(try count("Officials blamed them for it.", negatable) == 1)
        #expect(try count("Officials accused the regular army units of shelling.", negatable) == 0)  // gap 3 > 2
        #expect(try count("Officials accused the army. Of course.", negatable) == 0)  // another sentence
        #expect(try count("Officials did not accuse the army of shelling.", negatable) == 0)
        #expect(try count("Officials didn’t accuse the army of shelling.", negatable) == 0)
        #expect(try count("Officials accused no one of shelling.", negatable) == 0)  // negator inside the match
        #expect(try count("Officials did not accuse the army of shelling.", try book(negatable: false)) == 1)
        let text = "Officials accused the army of shelling."
        let hit = try #require(try frame(try analyze(text, negatable), "f").evidence.cues.first)
        #expect(hit.pattern == "blame" && hit.cue == nil && hit.group == nil)
        #expect(hitTexts(text, try frame(try analyze(text, negatable), "f")) == ["accused the army of"])
    }

    // MARK: Decision rules

    @Test("Density threshold: present exactly from the threshold on; score 0.5 there")
    func densityRule() throws {
        // 10 words, one cue: 100 per 1,000 words.
        let text = "One two three four five six seven eight nine war."
        let at = try frame(try analyze(text, try single(#"["war"]"#, rule: #"{"per_1000_words": 100}"#)), "f")
        #expect(at.present && at.score == 0.5 && at.perThousandWords == 100)
        let above = try frame(try analyze(text, try single(#"["war"]"#, rule: #"{"per_1000_words": 100.5}"#)), "f")
        #expect(!above.present && above.score < 0.5)
        let half = try frame(try analyze(text, try single(#"["war"]"#, rule: #"{"per_1000_words": 200}"#)), "f")
        #expect(abs(half.score - 1.0 / 3.0) < 0.0001)
    }

    @Test("Sentence rule counts sentences with enough evidence; two-part rules need both")
    func sentenceRule() throws {
        let text = "War came. War and more war. Peace later. Then war."
        let two = try frame(try analyze(text, try single(#"["war"]"#, rule: #"{"min_sentences": 3}"#)), "f")
        #expect(two.sentences == 3 && two.present)
        let heavy = try frame(
            try analyze(text, try single(#"["war"]"#, rule: #"{"min_sentences": 2, "min_sentence_weight": 2}"#)), "f")
        #expect(heavy.sentences == 1 && !heavy.present)
        let both = try frame(
            try analyze(text, try single(#"["war"]"#, rule: #"{"min_sentences": 3, "per_1000_words": 500}"#)), "f")
        #expect(!both.present)
        #expect(two.evidence.sentences.map(\.weight) == [1, 2, 1])
    }

    @Test(
        "Shares sum to one over the frames with evidence; the dominant frame is the present one with the largest share")
    func sharesAndDominant() throws {
        let book = try codebook(
            #"""
            {"id": "t", "version": "1", "frames": [
              {"id": "war", "cues": ["war"], "rule": {"per_1000_words": 50}},
              {"id": "money", "cues": ["money"], "rule": {"per_1000_words": 50}},
              {"id": "god", "cues": ["god"], "rule": {"per_1000_words": 50}}]}
            """#)
        let output = try analyze("War, war and war cost money. Nothing else happened here at all today.", book)
        let shares = try ["war", "money", "god"].map { try frame(output, $0).share }
        #expect(abs(shares.reduce(0, +) - 1) < 0.001)
        #expect(shares[0] > shares[1] && shares[2] == 0)
        #expect(output.present == ["war", "money"])
        #expect(output.dominant == "war")
        let empty = try analyze("", book)
        #expect(empty.words == 0 && empty.present == [] && empty.dominant == nil)
        #expect(try frame(empty, "war").share == 0)
    }

    // MARK: Codebook files and errors

    @Test("Malformed codebooks name the field")
    func errors() {
        #expect(parseError(#"{"id": "t", "version": "1", "frames": []}"#)?.field == "frames")
        #expect(
            parseError(#"{"id": "t", "frames": [{"id": "f", "cues": ["a"], "rule": {"per_1000_words": 1}}]}"#)?.field
                == "version")
        #expect(
            parseError(
                #"{"id": "t", "version": "1", "frames": [{"id": "f", "cues": ["a*b"], "rule": {"per_1000_words": 1}}]}"#
            )?
            .field == "frames[0].cues[0]")
        #expect(
            parseError(#"{"id": "t", "version": "1", "frames": [{"id": "f", "cues": ["a"]}]}"#)?.field
                == "frames[0].rule")
        #expect(
            parseError(#"{"id": "t", "version": "1", "frames": [{"id": "f", "cues": ["a"], "rule": {}}]}"#)?.field
                == "frames[0].rule")
        #expect(
            parseError(#"{"id": "t", "version": "1", "frames": [{"id": "f", "cues": ["a"], "rules": {}}]}"#)?.field
                == "frames[0].rules")
        #expect(
            parseError(
                #"""
                {"id": "t", "version": "1", "frames": [{"id": "f", "cues": ["a"], "rule": {"per_1000_words": 1}},
                                                        {"id": "f", "cues": ["b"], "rule": {"per_1000_words": 1}}]}
                """#)?.field == "frames[1].id")
        #expect(
            parseError(
                #"""
                {"id": "t", "version": "1", "frames": [{"id": "f", "rule": {"per_1000_words": 1},
                  "patterns": [{"id": "p", "sequence": ["a", "b"], "group": "nope"}]}]}
                """#)?.field == "frames[0].patterns[0].group")
        #expect(
            parseError(
                #"{"id": "t", "version": "1", "frames": [{"id": "f", "cues": ["a"], "rule": {"per_1000_words": -2}}]}"#
            )?
                .field == "frames[0].rule.per_1000_words")
    }

    @Test("The built-in codebooks load, are generic where they must be, and their rules can be replaced")
    func builtIns() throws {
        #expect(CodebookLibrary.names.contains("conflict-news") && CodebookLibrary.names.contains("semetko-valkenburg"))
        let news = try CodebookLibrary.load(named: "conflict-news")
        #expect(
            news.frames.map(\.id) == [
                "military", "human_cost", "diplomacy", "responsibility", "legality", "geopolitics", "history",
            ])
        let sv = try CodebookLibrary.load(.string("semetko-valkenburg"))
        #expect(sv.frames.map(\.id) == ["conflict", "economic", "human_interest", "morality", "responsibility"])
        for frame in sv.frames { #expect(frame.rule.perThousandWords != nil) }
        var changed = sv
        try changed.overrideRules(try JSONParser.parse(Array(#"{"morality": {"min_sentences": 2}}"#.utf8)))
        #expect(changed.frame("morality")?.rule == DecisionRule(minSentences: 2))
        #expect(throws: CodebookError.self) {
            try changed.overrideRules(.object(JSONObject(["moral": .object(JSONObject())])))
        }
        #expect(throws: CodebookError.self) { try CodebookLibrary.load(named: "../frames/conflict-news") }
        #expect(throws: CodebookError.self) { try CodebookLibrary.load(named: "no-such-codebook") }
    }

    @Test("conflict-news on a short invented report: fighting and talks present, with their evidence")
    func conflictNews() throws {
        let text = """
            Heavy fighting broke out on the border overnight as troops shelled positions with artillery and drones. \
            Three soldiers were killed and two civilians wounded, the defence ministry said. \
            Each side accused the other of violating the ceasefire and of moving tanks to the front line. \
            Foreign ministers will meet for talks next week, and mediators urged restraint.
            """
        let output = try analyze(text, try CodebookLibrary.load(named: "conflict-news"))
        #expect(output.present?.contains("military") == true)
        #expect(output.dominant == "military")
        let military = try frame(output, "military")
        #expect(hitTexts(text, military).contains("artillery"))
        #expect(try frame(output, "geopolitics").present == false)
    }

    // MARK: Extract input

    @Test("From extract's output: sentences and token spans are used as given; skipped documents stay skipped")
    func fromExtract() throws {
        let analyzer = try FrameAnalyzer(codebook: try single(#"["war"]"#))
        let text = "Boilerplate war. The war began."
        // Only the second sentence is content; a stray token outside it is ignored.
        // Other members (strings with escapes, nested objects, numbers) are skipped unread.
        let extract = #"""
            {"entities": [{"text": "a \"quoted\" ] name", "start": 0}], "language_confidence": 0.98, "skipped": null,
             "sentences": [[17, 31, 0]], "tokens": [12, 15, 17, 20, 21, 24, 25, 30, 30, 31], "terms": []}
            """#
        let output = try analyzer.analyze(text: text, extract: Array(extract.utf8))
        let result = try frame(output, "f")
        #expect(output.words == 3)
        #expect(result.evidence.cues.first?.spans == [21, 24])
        let skipped = try analyzer.analyze(
            text: text, extract: Array(#"{"language": "fr", "skipped": {"reason": "language fr"}}"#.utf8))
        #expect(skipped.skipped?.reason == "language fr" && skipped.frames == nil)
        #expect(throws: FramingInputError.self) {
            try analyzer.analyze(text: text, extract: Array(#"{"sentences": [[1]], "tokens": []}"#.utf8))
        }
        #expect(throws: FramingInputError.self) {
            try analyzer.analyze(text: text, extract: Array(#"{"tokens": [1.5, 2]}"#.utf8))
        }
    }
}
