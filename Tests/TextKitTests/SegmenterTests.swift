import Testing
import TextKit

@Suite("Tokens and sentences")
struct SegmenterTests {
    func sentences(_ text: String) -> [String] {
        let analyzed = AnalyzedText(text)
        return analyzed.sentences.map { analyzed[$0] }
    }

    @Test("Abbreviations do not end sentences; initials and titles stay inside")
    func abbreviations() {
        #expect(sentences("Gen. Ivan Petrov spoke on Jan. 5 at No. 10. He left.") == ["Gen. Ivan Petrov spoke on Jan. 5 at No. 10.", "He left."])
        #expect(sentences("The U.S. envoy said so. The talks went on.") == ["The U.S. envoy said so.", "The talks went on."])
        #expect(sentences("It was agreed in the U.S. The leaders met later.") == ["It was agreed in the U.S.", "The leaders met later."])
        #expect(sentences("Columnist Charles M. Blow wrote it. Then he left.") == ["Columnist Charles M. Blow wrote it.", "Then he left."])
    }

    @Test("Closing quotes belong to their sentence; a quote can open the next")
    func quotes() {
        #expect(sentences("“We will respond,” he said. “No talks.” The minister left.")
                == ["“We will respond,” he said.", "“No talks.”", "The minister left."])
        #expect(sentences("He said: \"It is over.\" Then silence.") == ["He said: \"It is over.\"", "Then silence."])
    }

    @Test("Lines are paragraphs; lowercase after a period does not split; hard-wrapped text is joined")
    func paragraphs() {
        let analyzed = AnalyzedText("Headline here\n\nFirst para. Second sentence.\nNext line para.")
        #expect(analyzed.paragraphs.map { analyzed[$0] } == ["Headline here", "First para. Second sentence.", "Next line para."])
        #expect(sentences("It costs 3.5 million vs. last year. ok then") == ["It costs 3.5 million vs. last year. ok then"])
    }

    @Test("Tokens keep possessives, hyphens, abbreviations and numbers whole, with scalar offsets")
    func tokens() {
        let text = ScalarString("Armenia’s arch-rival, the U.S., counted 6,500 «dead» 🙂 in 2020s.")
        let tokens = Tokenizer.tokenize(text)
        #expect(tokens.map(\.text) == ["Armenia’s", "arch-rival", ",", "the", "U.S.", ",", "counted", "6,500", "«", "dead", "»", "🙂", "in", "2020s", "."])
        #expect(tokens[0].possessiveBase == "Armenia")
        #expect(tokens[8].kind == .quote)
        let emoji = tokens[11]
        #expect(emoji.span == TextSpan(53, 54), "one scalar for the emoji")
        #expect(text[tokens[13].span] == "2020s")
    }
}
