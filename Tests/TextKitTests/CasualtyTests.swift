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

    @Test("`one of the three had died`: one of a group counted earlier died, the rest stay wounded")
    func partitiveDied() {
        #expect(claims("The Armenian defence ministry later said one of the three had died in hospital.", date: "2023-05-12")
                == ["armenia k1 w2 2023-05-12 by Armenian Defense Ministry"])
        #expect(claims("Four border guards were injured on Monday; one of the four died overnight, the Armenian defence ministry said.", date: "2023-05-09")
                == ["armenia k1 w3 2023-05-08 by Armenian Defense Ministry"])
    }

    @Test("`a second soldier … in as many days` is one death on its day; `while` ends the scope of a several-days phrase")
    func ordinalInAsManyDays() {
        #expect(claims("Baku says a second soldier has been killed in as many days, while Yerevan claims two of its troops were hit this morning.", date: "2023-05-12")
                == ["azerbaijan k1 w- 2023-05-12 by Azerbaijani government", "armenia k- w2 2023-05-12 by Armenian government"])
    }

    @Test("`four of its own men`, `wounding two others` (the side of the count before)")
    func ownAndOthers() {
        #expect(claims("Yerevan reported six of its own men wounded on Wednesday.", date: "2023-05-12")
                == ["armenia k- w6 2023-05-10 by Armenian government"])
        #expect(claims("Azerbaijani forces shelled the village on Tuesday, killing one Armenian soldier and wounding three others.", date: "2023-05-12")
                == ["armenia k1 w3 2023-05-09 by outlet"])
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

    @Test("Each count takes its own day: `killed on Friday, a day after another died`")
    func perCountDays() {
        #expect(claims("Baku said a soldier was killed on Friday, a day after another soldier died near the same post.", date: "2023-05-13")
                == ["azerbaijan k1 w- 2023-05-12 by Azerbaijani government", "azerbaijan k1 w- 2023-05-11 by Azerbaijani government"])
        #expect(claims("Yerevan said one soldier was killed on Friday morning, and another was killed the previous day.", date: "2023-05-13")
                == ["armenia k1 w- 2023-05-12 by Armenian government", "armenia k1 w- 2023-05-11 by Armenian government"])
    }

    @Test("Breakdowns by day: `— one on Thursday and one on Friday`, `and a second on Friday`, `on each of the two days`")
    func breakdowns() {
        #expect(claims("Baku said three Azerbaijani soldiers died — two on Thursday and one on Friday.", date: "2023-05-13")
                == ["azerbaijan k2 w- 2023-05-11 by Azerbaijani government", "azerbaijan k1 w- 2023-05-12 by Azerbaijani government"])
        #expect(claims("One Armenian soldier was killed on Thursday and a second on Friday, Yerevan said.", date: "2023-05-13")
                == ["armenia k1 w- 2023-05-11 by Armenian government", "armenia k1 w- 2023-05-12 by Armenian government"])
        #expect(claims("Shelling resumed on Thursday and Friday. Baku said Armenian fire killed an Azerbaijani soldier on each of the two days.", date: "2023-05-13")
                == ["azerbaijan k1 w- 2023-05-11 by Azerbaijani government", "azerbaijan k1 w- 2023-05-12 by Azerbaijani government"])
        #expect(claims("Yerevan said Azerbaijani fire wounded two soldiers on Thursday and five more on Friday.", date: "2023-05-13")
                == ["armenia k- w2 2023-05-11 by Armenian government", "armenia k- w5 2023-05-12 by Armenian government"])
    }

    @Test("Deaths among the wounded: partitives, the next sentence, and counts with no figure")
    func deathsAmongWounded() {
        #expect(claims("Yerevan says one of the four soldiers wounded on Friday has since died.", date: "2023-05-13")
                == ["armenia k1 w3 2023-05-12 by Armenian government"])
        #expect(claims("Five Armenian soldiers were wounded on Friday. One of them died in hospital later that day.", date: "2023-05-13")
                == ["armenia k1 w4 2023-05-12 by outlet"])
        #expect(claims("Yerevan claimed that several soldiers had been wounded on Friday, one of whom allegedly died.", date: "2023-05-13")
                == ["armenia k1 w- 2023-05-12 by Armenian government"])
    }

    @Test("A total over several days has no single day")
    func severalDays() {
        #expect(claims("At least five soldiers have been killed in three days of fighting on the Armenia-Azerbaijan border, the worst violence since last year.",
                       date: "2023-05-13") == ["both k5 w- ? by outlet"])
    }

    @Test("Reported speech carries over to the next sentence; unmarked soldiers are on the side that came under fire")
    func carriedOver() {
        let text = "According to the Armenian defence ministry, Azerbaijani units opened fire on Armenian positions on Friday. Two servicemen were wounded."
        #expect(claims(text, date: "2023-05-13") == ["armenia k- w2 2023-05-12 by Armenian Defense Ministry"])
        #expect(claims("One serviceman of the Armed Forces of Azerbaijan was killed on Friday.", date: "2023-05-13")
                == ["azerbaijan k1 w- 2023-05-12 by outlet"])
    }

    @Test("`It said` after a sentence an institution opens refers to that institution, not the last speaker")
    func pronounAfterSubject() {
        let text = "Azerbaijan's defence ministry said a soldier was killed on Friday. Armenia's defence ministry gave another account. "
            + "It said three soldiers were wounded on Friday."
        #expect(claims(text, date: "2023-05-13") == ["azerbaijan k1 w- 2023-05-12 by Azerbaijani Defense Ministry",
                                                      "armenia k- w3 2023-05-12 by Armenian Defense Ministry"])
    }

    @Test("`from each side` is that many on every party's side; `on both sides` is that many in all")
    func eachSide() {
        #expect(claims("Two soldiers have died from each side in the fighting on Friday.", date: "2023-05-13")
                == ["armenia k2 w- 2023-05-12 by outlet", "azerbaijan k2 w- 2023-05-12 by outlet"])
        #expect(claims("Three soldiers were killed on both sides of the border on Friday.", date: "2023-05-13")
                == ["both k3 w- 2023-05-12 by outlet"])
    }

    @Test("Headlines: a singular victim counts one; `its` is the country named before; a figure with no side is a total")
    func headlineStyle() {
        let (extract, _) = TestTopic.analyze("Armenian soldier killed in border clash, Baku says 2 of its troops dead\n\nThe fighting resumed on Friday.")
        #expect(extract.headlineCasualties.map { "\($0.side) k\($0.killed ?? -1)" } == ["armenia k1", "azerbaijan k2"])
        let (total, _) = TestTopic.analyze("Three soldiers killed as border clashes flare\n\nThe fighting resumed on Friday.")
        #expect(total.headlineCasualties.map { "\($0.side) k\($0.killed ?? -1)" } == ["both k3"])
    }

    @Test("A named soldier with a rank counts one; `fatally wounded` is killed; an age in apposition is no count")
    func namedVictim() {
        #expect(claims("Sergeant Davit Melikyan, 24, was fatally wounded on Wednesday, the Armenian Defence Ministry said.", date: "2023-05-12")
                == ["armenia k1 w- 2023-05-10 by Armenian Defense Ministry"])
        #expect(claims("On Tuesday, Junior Lieutenant Orkhan Aliyev lost his life near the same post, Baku said.", date: "2023-05-12")
                == ["azerbaijan k1 w- 2023-05-09 by Azerbaijani government"])
    }

    @Test("`lost N soldiers`: the object of `lost` is the dead, broken down by day")
    func lostSoldiers() {
        #expect(claims("Azerbaijan said it had lost three soldiers, two on Wednesday and one on Thursday.", date: "2023-05-12")
                == ["azerbaijan k2 w- 2023-05-10 by Azerbaijani government", "azerbaijan k1 w- 2023-05-11 by Azerbaijani government"])
        #expect(claims("Armenia lost the initiative on Thursday, Yerevan said.", date: "2023-05-12").isEmpty)
    }

    @Test("A running toll is a total with no day; the death that raised it keeps its day")
    func toll() {
        #expect(claims("The death toll from the shelling climbed to four on Thursday after another Armenian soldier died, Yerevan said.", date: "2023-05-12")
                == ["armenia k4 w- ? by Armenian government", "armenia k1 w- 2023-05-11 by Armenian government"])
    }

    @Test("A total with no side is both sides'; `including N Armenians` is its part on one side")
    func includingPart() {
        #expect(claims("Five soldiers have died so far, including three Armenians.", date: "2023-05-12")
                == ["both k5 w- ? by outlet", "armenia k3 w- ? by outlet"])
    }

    @Test("Several days: `since Tuesday`, `in four days`, `N days of clashes` make totals, unless a day is nearer to the count")
    func severalDaysScope() {
        #expect(claims("The fighting has claimed the lives of at least five soldiers since Tuesday.", date: "2023-05-12")
                == ["both k5 w- ? by outlet"])
        #expect(claims("An Armenian soldier was killed on Thursday, the third such death in four days, Yerevan said.", date: "2023-05-12")
                == ["armenia k1 w- 2023-05-11 by Armenian government"])
        #expect(claims("Yerevan said an Armenian soldier was killed on Thursday, while a further three were injured over the two days.", date: "2023-05-12")
                == ["armenia k1 w- 2023-05-11 by Armenian government", "armenia k- w3 ? by Armenian government"])
        #expect(claims("Baku and Yerevan blamed each other for three days of border clashes that have killed four soldiers.", date: "2023-05-12")
                .allSatisfy { $0.hasPrefix("both k4 w- ?") })
    }

    @Test("`N on one day and M on the next, one of whom died`: the death is among the later count")
    func elidedWithDeath() {
        #expect(claims("Yerevan said two soldiers were wounded on Wednesday and four on Thursday, one of whom later died.", date: "2023-05-12")
                == ["armenia k- w2 2023-05-10 by Armenian government", "armenia k1 w3 2023-05-11 by Armenian government"])
    }

    @Test("A count before `in what the ministry called …` carries the paragraph's report")
    func nominalAside() {
        #expect(claims("Azerbaijan's defence ministry said Armenian forces fired on its positions. "
                       + "Two soldiers were wounded on Thursday in what the ministry called a provocation.", date: "2023-05-12")
                == ["azerbaijan k- w2 2023-05-11 by Azerbaijani Defense Ministry"])
    }

    @Test("`on each day` and a possessive weekday (`Thursday's shelling`)")
    func eachDayAndPossessive() {
        #expect(claims("Baku reported one soldier killed on each day, Wednesday and Thursday.", date: "2023-05-12")
                == ["azerbaijan k1 w- 2023-05-10 by Azerbaijani government", "azerbaijan k1 w- 2023-05-11 by Azerbaijani government"])
        #expect(claims("Three Armenian soldiers were wounded in Thursday's shelling, Yerevan said.", date: "2023-05-12")
                == ["armenia k- w3 2023-05-11 by Armenian government"])
    }

    @Test("A casualty sentence after a party's direct quote continues its account; after a third party's quote it is the outlet's")
    func claimantAfterQuote() {
        #expect(claims("\"The enemy was forced to retreat,\" Azerbaijan's defence ministry said on Friday. Two servicemen were wounded in the exchange.",
                       date: "2023-05-12")
                == ["azerbaijan k- w2 2023-05-12 by Azerbaijani Defense Ministry"])
        #expect(claims("\"Our positions came under heavy fire,\" Armenia's defence ministry said. It added that two soldiers were wounded on Friday.",
                       date: "2023-05-12")
                == ["armenia k- w2 2023-05-12 by Armenian Defense Ministry"])
        // A third party's quote: the next sentence is the outlet's.
        #expect(claims("\"We urge both sides to show restraint,\" the EU's foreign policy chief said. Two Armenian soldiers were killed on Friday.",
                       date: "2023-05-12")
                == ["armenia k2 w- 2023-05-12 by outlet"])
        // A new paragraph is the outlet's own again.
        #expect(claims("\"The enemy was forced to retreat,\" Azerbaijan's defence ministry said.\n\nTwo Armenian soldiers were wounded on Friday.",
                       date: "2023-05-12")
                == ["armenia k- w2 2023-05-12 by outlet"])
    }

    @Test("`according to reports`, `reports said`, `local media reported` at the end: unnamed reports claim the figures")
    func reportsAtTheEnd() {
        #expect(claims("Two Azerbaijani soldiers were killed on Thursday, according to reports.", date: "2023-05-12")
                == ["azerbaijan k2 w- 2023-05-11 by unnamed reports"])
        #expect(claims("Three Armenian servicemen were wounded near Sotk on Friday, local media reported.", date: "2023-05-12")
                == ["armenia k- w3 2023-05-12 by unnamed reports"])
        #expect(claims("Azerbaijan lost another soldier on Friday, reports said.", date: "2023-05-12")
                == ["azerbaijan k1 w- 2023-05-12 by unnamed reports"])
        #expect(claims("An Armenian conscript was killed on Friday, according to Armenian media.", date: "2023-05-12")
                == ["armenia k1 w- 2023-05-12 by unnamed reports"])
    }

    @Test("A named soldier who died of his wounds later: one killed on the day stated, not lost, not counted twice")
    func namedDiedOfWounds() {
        let text = "Three Armenian soldiers were wounded on Thursday when Azerbaijani forces shelled positions near Sotk, the defence ministry said. "
            + "Another soldier, Corporal Vahe Sargsyan, died of his injuries on Friday, the ministry said."
        #expect(claims(text, date: "2023-05-12")
                == ["armenia k- w3 2023-05-11 by Armenian Defense Ministry", "armenia k1 w- 2023-05-12 by Armenian Defense Ministry"])
        #expect(claims("Private Davit Grigoryan, 20, succumbed to his wounds on Friday, Armenia's defence ministry said.", date: "2023-05-12")
                == ["armenia k1 w- 2023-05-12 by Armenian Defense Ministry"])
        // The wounding in a relative clause is not a second count.
        #expect(claims("Sergeant Armen Petrosyan, who was wounded on Thursday, later died in hospital, Armenia's defence ministry said on Friday.",
                       date: "2023-05-12")
                == ["armenia k1 w- 2023-05-12 by Armenian Defense Ministry"])
        // One of the wounded counted just before: folded into that claim (killed 1, the rest wounded), not counted twice.
        #expect(claims("Three Armenian servicemen were wounded on Friday, Armenia's defence ministry said. "
                       + "Junior Sergeant Hayk Melkonyan, 20, succumbed to his injuries in hospital hours later, the ministry said.", date: "2023-05-12")
                == ["armenia k1 w2 2023-05-12 by Armenian Defense Ministry"])
        #expect(claims("Two Azerbaijani soldiers were wounded on Thursday, the ministry in Baku said. "
                       + "Private Elvin Aliyev, who was wounded in the shelling, later died in hospital.", date: "2023-05-12")
                == ["azerbaijan k1 w1 2023-05-11 by Azerbaijani Defense Ministry"])
        // A death dated on another day is a claim of its own.
        #expect(claims("Three Armenian servicemen were wounded on Thursday, Armenia's defence ministry said. "
                       + "Private Davit Grigoryan succumbed to his wounds on Saturday, the ministry said.", date: "2023-05-13")
                == ["armenia k- w3 2023-05-11 by Armenian Defense Ministry", "armenia k1 w- 2023-05-13 by Armenian Defense Ministry"])
        // `Private X, a serviceman of the Azerbaijani Army, was killed`: a descriptive apposition, whose side counts.
        #expect(claims("Private Orxan Kazimov, a serviceman of the Azerbaijani Army, was killed on Friday.", date: "2023-05-12")
                == ["azerbaijan k1 w- 2023-05-12 by outlet"])
        // Not a casualty: a named officer who spoke, or one who died long ago.
        #expect(claims("Colonel Anar Mammadov, who was wounded in 2020, said the positions were calm.", date: "2023-05-12").isEmpty)
    }

    @Test("`sustained gunshot wounds`, `were hospitalised`: wounded; `sustained fire` and `suffered losses` are not")
    func sustainedWounds() {
        #expect(claims("Two servicemen sustained gunshot wounds on Friday, Armenia's defence ministry said.", date: "2023-05-12")
                == ["armenia k- w2 2023-05-12 by Armenian Defense Ministry"])
        #expect(claims("Four Azerbaijani soldiers were hospitalised on Friday.", date: "2023-05-12") == ["azerbaijan k- w4 2023-05-12 by outlet"])
        #expect(claims("Two outposts sustained heavy fire on Friday.", date: "2023-05-12").isEmpty)
        #expect(claims("The two battalions suffered losses on Friday.", date: "2023-05-12").isEmpty)
    }

    @Test("A breakdown in apposition: the total and one claim per side; not when the parts do not add up")
    func appositionBreakdown() {
        #expect(claims("Over those two days, four soldiers were killed, three Armenians and one Azerbaijani.", date: "2023-05-12")
                == ["both k4 w- ? by outlet", "armenia k3 w- ? by outlet", "azerbaijan k1 w- ? by outlet"])
        #expect(claims("Five soldiers have died so far, including two Armenians and three Azerbaijanis.", date: "2023-05-12")
                == ["both k5 w- ? by outlet", "armenia k2 w- ? by outlet", "azerbaijan k3 w- ? by outlet"])
        // Parts that do not add up to the total are no breakdown of it.
        #expect(claims("Four soldiers were killed, two Armenians and one Azerbaijani, in the clashes.", date: "2023-05-12")
                .allSatisfy { $0.hasPrefix("both k4") })
        // A single figure after a comma is no breakdown either.
        #expect(claims("Three soldiers were killed, two officials told reporters.", date: "2023-05-12")
                .allSatisfy { $0.hasPrefix("both k3") })
    }

    @Test("Day headings of a digest date the items under them; one date line alone does not")
    func dayHeadings() {
        let digest = """
        May 12, 2023 (Friday)

        An Armenian soldier is killed by Azerbaijani fire near the border, Yerevan says.

        Thursday 11 May

        Two Azerbaijani soldiers are wounded in an exchange of fire, Baku says.
        """
        #expect(claims(digest) == ["armenia k1 w- 2023-05-12 by Armenian government", "azerbaijan k- w2 2023-05-11 by Azerbaijani government"])
        // A published date after the headings does not override them.
        #expect(claims(digest, date: "2023-05-14") == ["armenia k1 w- 2023-05-12 by Armenian government", "azerbaijan k- w2 2023-05-11 by Azerbaijani government"])
        // A wrong weekday is no date heading.
        let wrong = "May 12, 2023 (Monday)\n\nAn Armenian soldier is killed near the border, Yerevan says.\n\n11 May 2023\n\nTwo Azerbaijani soldiers are wounded, Baku says."
        #expect(!claims(wrong, date: "2023-05-14").contains("armenia k1 w- 2023-05-12 by Armenian government"))
    }

    @Test("`brought the toll to three` is a running total; a single death numbered within several days keeps its day")
    func tollCausativeAndNumberedDeath() {
        #expect(claims("The deaths brought the toll from two days of fighting to three soldiers.", date: "2023-05-12")
                == ["both k3 w- ? by outlet"])
        // Not a toll: a causative with no toll noun.
        #expect(claims("The deaths brought the two sides to the table.", date: "2023-05-12").isEmpty)
        #expect(claims("Baku said on Friday that one of its soldiers was killed, the second Azerbaijani fatality in two days.", date: "2023-05-12")
                == ["azerbaijan k1 w- 2023-05-12 by Azerbaijani government"])
        // Without an ordinal, one death over two days is a total with no day.
        #expect(claims("Baku said one of its soldiers was killed in two days of clashes.", date: "2023-05-13")
                == ["azerbaijan k1 w- ? by Azerbaijani government"])
    }
}
