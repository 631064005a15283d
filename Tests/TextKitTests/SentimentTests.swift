import Foundation
import Testing
import WorkbenchProtocol
@testable import TextKit

/// Builds the inputs the sentiment stage gets, from short texts written for these tests.
enum SentimentFixture {
    static let lexicon: SentimentLexicon = try! SentimentLexicon.shared.get()
    static let topic = Topic(countries: [
        Topic.Country(
            side: "armenia", names: ["Armenia"], adjectives: ["Armenian"], capitals: ["Yerevan"], metonyms: [],
            government: "Armenian government", canonicalAdjective: "Armenian"),
        Topic.Country(
            side: "azerbaijan", names: ["Azerbaijan"], adjectives: ["Azerbaijani", "Azeri"], capitals: ["Baku"],
            metonyms: [],
            government: "Azerbaijani government", canonicalAdjective: "Azerbaijani"),
    ])
    static let analyzer = SentimentAnalyzer(lexicon: lexicon, portrayals: try! PortrayalFinder.load(topic: topic))
    static var scorer: SentenceScorer { analyzer.scorer }

    /// Extract's output for `text`, with the given (text, actor, side) entities at their first occurrence.
    static func extract(_ text: String, entities: [(String, String, String)] = []) -> ExtractOutput {
        let analyzed = AnalyzedText(text)
        var output = ExtractOutput(language: "en", languageConfidence: 1)
        output.paragraphs = analyzed.paragraphs
        output.sentences = zip(analyzed.sentences, analyzed.sentenceParagraph).map {
            ExtractOutput.SentenceRef(span: $0, paragraph: $1)
        }
        output.tokens = analyzed.tokens.flatMap { [$0.start, $0.end] }
        var searchFrom = 0
        for (name, actor, side) in entities {
            let span = scalarSpan(of: name, in: text, from: searchFrom)
            searchFrom = span.end
            output.entities.append(
                ExtractOutput.Entity(span: span, text: name, type: "ORG", canonical: name, actor: actor, side: side))
        }
        return output
    }

    /// The scalar span of the first occurrence of `needle` at or after `from`.
    static func scalarSpan(of needle: String, in text: String, from: Int = 0) -> TextSpan {
        let s = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        for i in from...(s.count - n.count) where Array(s[i..<(i + n.count)]) == n { return TextSpan(i, i + n.count) }
        fatalError("\(needle) not in \(text)")
    }

    /// The score of a one-sentence text.
    static func score(_ text: String) -> Double {
        let analyzed = AnalyzedText(text)
        return scorer.score(analyzed, sentence: 0).score
    }

    /// The rule part only (VADER's normalised sum), without the learned corrections.
    static func compound(_ text: String) -> Double {
        scorer.score(AnalyzedText(text), sentence: 0).features.compound
    }

    static func analyze(
        _ text: String, entities: [(String, String, String)] = [], targets: [String] = [],
        attributions: [AttributionOutput.Attribution] = []
    ) -> SentimentOutput {
        let spans = targets.map { SentimentTarget(span: scalarSpan(of: $0, in: text), text: $0) }
        return analyzer.analyze(
            text: text, extract: extract(text, entities: entities),
            attribution: attributions.isEmpty ? nil : AttributionOutput(attributions: attributions),
            targets: targets.isEmpty ? nil : spans)
    }
}

@Suite struct SentimentTests {
    typealias F = SentimentFixture

    @Test func dataFilesLoad() throws {
        let lexicon = F.lexicon
        #expect(lexicon.words.allValues.filter { $0.valence != nil }.count > 7000)
        #expect(lexicon.words.allValues.filter { $0.happiness != nil }.count > 10_000)
        #expect(lexicon.words.allValues.filter { $0.learned != nil }.count > 1000)
        #expect(lexicon.words["shelling"]?.valence ?? 0 < 0)
        #expect(lexicon.words["ceasefire"]?.valence ?? 0 > 0)
        #expect(lexicon.model.labelCuts.negative < lexicon.model.labelCuts.positive)
    }

    @Test func lexiconValence() {
        #expect(F.compound("The talks were a success.") > 0)
        #expect(F.compound("The talks were a failure.") < 0)
        #expect(F.score("The ceasefire held and both sides praised the progress of the peace talks.") > 0)
        #expect(F.score("Three soldiers were killed and four wounded in the shelling.") < 0)
        #expect(F.compound("The committee met on Tuesday in the capital.") == 0)
    }

    @Test func negationFlipsWithinScope() {
        #expect(F.compound("The talks were not successful.") < 0)
        #expect(F.compound("The talks were successful.") > 0)
        #expect(F.compound("The ministry said it was never a threat.") > 0)
        #expect(F.compound("The result isn't bad.") > 0)
        #expect(F.compound("Negotiations went on without progress.") < 0)
        // The scope ends at a comma: "not" does not reach "good" in the next clause.
        #expect(F.compound("They did not come, and the meeting was good.") > 0)
        // Beyond three words the negation no longer applies.
        #expect(F.compound("Not that the long and tiring meeting was good.") > 0)
    }

    @Test func boostersAndDampeners() {
        let plain = F.compound("The deal is good.")
        let very = F.compound("The deal is very good.")
        let slightly = F.compound("The deal is slightly good.")
        #expect(very > plain)
        #expect(slightly < plain)
        #expect(slightly > 0)
        #expect(F.compound("The attack was extremely violent.") < F.compound("The attack was violent."))
    }

    @Test func contrastWeighsTheSecondClause() {
        #expect(F.compound("The plan is good, but the result was terrible.") < 0)
        #expect(F.compound("The plan is terrible, but the result was good.") > 0)
        #expect(F.compound("Although the plan is terrible, the result was good.") > 0)
    }

    @Test func capitalsAndExclamationsEmphasise() {
        #expect(F.compound("This is GOOD news for the region.") > F.compound("This is good news for the region."))
        #expect(F.compound("This is good news for the region!") > F.compound("This is good news for the region."))
        #expect(F.compound("What a terrible loss!!") < F.compound("What a terrible loss."))
    }

    @Test func namesCarryNoValence() {
        // `United`, `Security`, `Justice` are parts of names here.
        #expect(
            F.compound(
                "Delegates of the United Nations Security Council met the Justice Minister after their morning session."
            ) == 0)
        // At the start of a sentence, or in a title-case headline, a capital says nothing.
        #expect(F.compound("Great progress was made.") > 0)
        #expect(F.compound("Talks Bring Great Progress On Border") > 0)
    }

    @Test func documentAndSentences() throws {
        let text = "Peace talks made real progress. Both leaders welcomed the agreement.\n\n"
            + "Later, shelling killed two civilians."
        let output = F.analyze(text)
        let sentences = try #require(output.sentences)
        #expect(sentences.count == 3)
        #expect(sentences[0].label == "positive")
        #expect(sentences[2].label == "negative")
        for s in sentences {
            #expect(s.start < s.end && s.end <= text.unicodeScalars.count && (-1...1).contains(s.score))
        }
        let document = try #require(output.document)
        #expect(document.sentences == 3)
        #expect(document.score > sentences[2].score && document.score < sentences[0].score)
    }

    @Test func skippedDocumentCarriesOnlyTheReason() throws {
        var extract = ExtractOutput(language: "fr", languageConfidence: 0.9)
        extract.skipped = ExtractOutput.Skip(reason: "language fr: English-only analysis")
        let output = F.analyzer.analyze(text: "Les pourparlers ont repris.", extract: extract)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(output), as: UTF8.self)
        #expect(json == #"{"skipped":{"reason":"language fr: English-only analysis"}}"#)
    }

    @Test func actorsByClauseAndSide() throws {
        let text = "Baku praised the constructive talks, while Yerevan condemned the deadly attack. "
            + "Yerevan later welcomed the deal."
        let output = F.analyze(
            text,
            entities: [
                ("Baku", "azerbaijan-gov", "azerbaijan"), ("Yerevan", "armenia-gov", "armenia"),
                ("Yerevan", "armenia-gov", "armenia"),
            ])
        let actors = try #require(output.actors)
        let baku = try #require(actors.first { $0.actor == "azerbaijan-gov" })
        let yerevan = try #require(actors.first { $0.actor == "armenia-gov" })
        #expect(baku.mentions == 1 && yerevan.mentions == 2)
        #expect(baku.score > 0)
        #expect(yerevan.evidence.count == 2)
        #expect(yerevan.evidence[0].score < 0 && yerevan.evidence[1].score > 0)
        // The evidence is the clause: "while Yerevan condemned the deadly attack" does not include Baku's praise.
        let clause = String(
            String.UnicodeScalarView(Array(text.unicodeScalars)[yerevan.evidence[0].start..<yerevan.evidence[0].end]))
        #expect(clause.contains("condemned") && !clause.contains("praised"))
        let sides = try #require(output.sides)
        #expect(sides.map(\.side) == ["armenia", "azerbaijan"])
        #expect(sides[0].mentions == 2 && sides[0].actors == ["armenia-gov"])
    }

    @Test func targetDependentScores() throws {
        let output = F.analyze(
            "Critics praised Smith for his courage but condemned Jones for the disastrous decision.",
            targets: ["Smith", "Jones"])
        let targets = try #require(output.targets)
        #expect(targets.count == 2)
        #expect(targets[0].text == "Smith" && targets[1].text == "Jones")
        #expect(targets[0].score > targets[1].score)
        #expect(targets[1].label == "negative")
    }

    @Test func judgedAndJudge() throws {
        let output = F.analyze(
            "Senator Brown harshly criticized Governor Lee on Monday.", targets: ["Senator Brown", "Governor Lee"])
        let targets = try #require(output.targets)
        #expect(targets[1].score < targets[0].score)
        #expect(targets[1].label == "negative")
        // Passive: the one judged comes first.
        let passive = try #require(
            F.analyze(
                "Governor Lee was harshly criticized by Senator Brown.",
                targets: ["Governor Lee", "Senator Brown"]
            ).targets)
        #expect(passive[0].score < passive[1].score)
    }

    @Test func predicateAttachesToItsSubject() throws {
        let output = F.analyze(
            "The new mayor, whom voters elected in a landslide, is corrupt and dishonest.", targets: ["The new mayor"])
        #expect(try #require(output.targets)[0].label == "negative")
    }

    @Test func targetsOutsideSentencesAreNeutral() throws {
        let text = "Talks resumed."
        let output = F.analyzer.analyze(
            text: text, extract: F.extract(text), targets: [SentimentTarget(span: TextSpan(40, 45), text: "x")])
        #expect(try #require(output.targets)[0].label == "neutral")
    }

    func portrayals(
        _ text: String, entities: [(String, String, String)] = [],
        attributions: [AttributionOutput.Attribution] = []
    ) -> [SentimentOutput.Portrayal] {
        F.analyze(text, entities: entities, attributions: attributions).portrayal ?? []
    }

    @Test func activePortrayals() throws {
        let fire = portrayals("Azerbaijani forces opened fire on Armenian positions near Sotk.")
        #expect(fire.count == 1)
        #expect(
            fire.first?.agentSide == "azerbaijan" && fire.first?.patientSide == "armenia"
                && fire.first?.verb == "open fire")
        #expect(
            fire.first?.agent == "Azerbaijani forces" && fire.first?.voice == "outlet" && fire.first?.speaker == nil)
        let shelled = portrayals("Armenian troops shelled Azerbaijani villages overnight.")
        #expect(
            shelled.map(\.verb) == ["shell"] && shelled.first?.agentSide == "armenia"
                && shelled.first?.patientSide == "azerbaijan")
        let killed = portrayals("Azerbaijani troops killed two Armenian soldiers.")
        #expect(killed.first?.verb == "kill" && killed.first?.patientSide == "armenia")
        let noPatient = portrayals("Armenia attacked first, officials said.")
        #expect(noPatient.count == 1 && noPatient.first?.agentSide == "armenia" && noPatient.first?.patientSide == nil)
    }

    @Test func passiveAndCameUnderFire() throws {
        let passive = portrayals("Armenian positions were shelled by Azerbaijani forces on Thursday.")
        #expect(
            passive.first?.agentSide == "azerbaijan" && passive.first?.patientSide == "armenia"
                && passive.first?.verb == "shell")
        let under = portrayals("Armenian border posts came under fire from Azerbaijani units.")
        #expect(
            under.first?.agentSide == "azerbaijan" && under.first?.patientSide == "armenia"
                && under.first?.verb == "fire")
    }

    @Test func nominalPortrayals() throws {
        let by = portrayals("The ministry reported an attack by Armenia on Azerbaijani positions.")
        #expect(by.first?.verb == "attack" && by.first?.agentSide == "armenia" && by.first?.patientSide == "azerbaijan")
        let provocation = portrayals("Officials described a provocation by Armenian forces.")
        #expect(provocation.first?.verb == "provocation" && provocation.first?.agentSide == "armenia")
        let possessive = portrayals("The statement condemned Azerbaijan's aggression.")
        #expect(possessive.first?.verb == "aggression" && possessive.first?.agentSide == "azerbaijan")
        let accused = portrayals("Baku accused Yerevan of a new provocation on the border.")
        #expect(accused.count == 1 && accused.first?.agentSide == "armenia" && accused.first?.verb == "provocation")
        let adjective = portrayals("Yerevan denounced Azerbaijani aggression against Armenia.")
        #expect(adjective.first?.agentSide == "azerbaijan" && adjective.first?.patientSide == "armenia")
    }

    @Test func entitiesAndNegation() throws {
        // Sides from extract's entities (a name the topic does not know).
        let entity = portrayals(
            "Karabakh separatists shelled Azerbaijani positions.",
            entities: [("Karabakh separatists", "separatists", "armenia")])
        #expect(entity.first?.agentSide == "armenia" && entity.first?.agent == "Karabakh separatists")
        #expect(portrayals("Armenian forces did not shell Azerbaijani positions.").isEmpty)
        #expect(portrayals("The two delegations discussed the border in Brussels.").isEmpty)
    }

    @Test func voiceOfAttributedStatements() throws {
        let text = "The Armenian Defense Ministry said Azerbaijani forces shelled Armenian positions."
        let statement = F.scalarSpan(of: "Azerbaijani forces shelled Armenian positions", in: text)
        let attribution = AttributionOutput.Attribution(
            speaker: "Armenian Defense Ministry", actor: "armenia-mod", side: "armenia", kind: "indirect", cue: "said",
            stance: "neutral",
            span: statement, quote: "", speakerSpan: nil, cueSpan: nil, resolution: "named", sentence: 0)
        let found = portrayals(text, attributions: [attribution])
        let item = try #require(found.first { $0.verb == "shell" })
        #expect(item.voice == "armenia" && item.speaker == "Armenian Defense Ministry")
        #expect(item.sentence == 0)
        let words = String(String.UnicodeScalarView(Array(text.unicodeScalars)[item.span.start..<item.span.end]))
        #expect(words == "Azerbaijani forces shelled Armenian positions")
    }

    @Test func outputIsDeterministicAndSnakeCase() throws {
        let text = "Azerbaijani forces opened fire on Armenian positions. Talks in Brussels made progress."
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let a = try encoder.encode(F.analyze(text, targets: ["Armenian positions"]))
        let b = try encoder.encode(F.analyze(text, targets: ["Armenian positions"]))
        #expect(a == b)
        let json = String(decoding: a, as: UTF8.self)
        #expect(json.contains(#""agent_side":"azerbaijan""#) && json.contains(#""patient_side":"armenia""#))
        #expect(json.contains(#""speaker":null"#))
    }

    @Test func clausesCoverEverySentenceToken() {
        let tokens = Tokenizer.tokenize(
            ScalarString("He said, however, that talks, which began in May, would go on because both sides agreed."))
        let clauses = ClauseIndex.clauses(of: tokens)
        #expect(clauses.first?.lowerBound == 0 && clauses.last?.upperBound == tokens.count)
        for (a, b) in zip(clauses, clauses.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        #expect(clauses.count >= 5)
    }
}
