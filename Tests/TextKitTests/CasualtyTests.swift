import Testing
import TextKit

/// Casualty claims: counts, sides, days, claimants; current events kept apart from history.
@Suite("Casualty claims")
struct CasualtyTests {
    func claims(_ text: String, date: String? = nil) -> [String] {
        TestTopic.analyze(text, date: date).0.casualties.map {
            "\($0.side) k\($0.killed.map(String.init) ?? "-") w\($0.wounded.map(String.init) ?? "-") \($0.day ?? "?") by \($0.claimant)"
        }
    }

    @Test("Wounded, one of whom later died: one killed and the rest wounded, credited to the ministry")
    func sinceDied() {
        #expect(claims("Three soldiers were wounded on Friday, one of whom later died, the Armenian Defence Ministry said.", date: "2023-05-13")
                == ["armenia k1 w2 2023-05-12 by Armenian Defense Ministry"])
    }

    @Test("Two sides in one sentence, in the outlet's own voice, with a weekday resolved against the date")
    func twoSides() {
        #expect(claims("An Azerbaijani serviceman was killed and two Armenian soldiers were injured on Thursday.", date: "2023-05-13")
                == ["azerbaijan k1 w- 2023-05-11 by outlet", "armenia k- w2 2023-05-11 by outlet"])
    }

    @Test("`one of its soldiers` belongs to the claimant's side; metonyms claim for the government")
    func itsSoldiers() {
        #expect(claims("Baku said on Friday that one of its soldiers was killed by Armenian fire.", date: "2023-05-12")
                == ["azerbaijan k1 w- 2023-05-12 by Azerbaijani government"])
        #expect(claims("Yerevan said Azerbaijani forces killed one Armenian soldier on Friday.", date: "2023-05-12")
                == ["armenia k1 w- 2023-05-12 by Armenian government"])
    }

    @Test("`Two others were wounded` continues the previous sentence's claim")
    func continuation() {
        #expect(claims("One soldier was killed on Thursday, the Armenian defence ministry said. Two others were wounded.", date: "2023-05-12")
                == ["armenia k1 w2 2023-05-11 by Armenian Defense Ministry"])
    }

    @Test("Numbers in words and vague quantities: half a dozen, a soldier")
    func words() {
        #expect(claims("Half a dozen Armenian soldiers were wounded on Friday, according to Yerevan.", date: "2023-05-12")
                == ["armenia k- w6 2023-05-12 by Armenian government"])
        #expect(claims("A Azerbaijani soldier died on Thursday.", date: "2023-05-12").count == 1)
    }

    @Test("One of each side: per-side claims; a both-sides total repeating them is dropped")
    func perSide() {
        let text = "Two soldiers were killed on Friday in clashes between Armenia and Azerbaijan. One Armenian and one Azerbaijani soldier died."
        #expect(claims(text, date: "2023-05-12") == ["armenia k1 w- 2023-05-12 by outlet", "azerbaijan k1 w- 2023-05-12 by outlet"])
    }

    @Test("Historical totals and other numbers are not current claims")
    func history() {
        let (extract, _) = TestTopic.analyze("More than 6,500 people were killed in the 2020 war. Tens of thousands died in the two wars. "
                                             + "The corridor is 5 km long. Around 4,400 square kilometres were returned.", date: "2023-05-12")
        #expect(extract.casualties.isEmpty)
        #expect(extract.historical.count == 2)
        #expect(extract.numbers.contains { $0.kind == "year" && $0.value == 2020 })
    }

    @Test("Without a date, weekdays resolve into the topic's event window; later mentions inherit the day")
    func undated() {
        #expect(claims("Fighting resumed on Friday. Later, the Azerbaijani defence ministry said one of its soldiers had been killed.")
                == ["azerbaijan k1 w- 2023-05-12 by Azerbaijani Defense Ministry"])
    }

    @Test("A day relative to the context: `a day after`")
    func relativeDay() {
        let text = "Armenia said on Friday that one of its soldiers was killed. This came a day after Baku said an Azerbaijani soldier had died."
        #expect(claims(text) == ["armenia k1 w- 2023-05-12 by Armenian government", "azerbaijan k1 w- 2023-05-11 by Azerbaijani government"])
    }

    @Test("Headline figures are kept apart from the body")
    func headline() {
        let (extract, _) = TestTopic.analyze("Three soldiers killed in border clashes\n\nTwo soldiers were killed on Friday, one on each side, officials said.")
        #expect(extract.headlineCasualties.first?.killed == 3)
        #expect(!extract.casualties.contains { $0.killed == 3 })
    }
}
