import Testing
import TextKit
import WorkbenchProtocol

/// Boilerplate, numbers, days and terms.
@Suite("Extract rules")
struct ExtractRulesTests {
    @Test("Page furniture is removed, the article and its headline are kept")
    func boilerplate() {
        let page = """
            Home / World / Europe
            Clashes flare on the border
            Share this article: Facebook | Twitter | Email
            File photo of soldiers at a checkpoint (Photo by Northwind/AFP)
            BAKU, May 12 (NPA) – Azerbaijan said one of its soldiers was killed.
            Read more: Talks set for Sunday
            The ministry said the situation was stable.
            You can now write for example.com and be part of the community.
            © 2023 Example Media. All rights reserved.
            Example Media News App
            """
        let (extract, _) = TestTopic.analyze(page)
        #expect(extract.cleanText(of: page) == "Clashes flare on the border\n\nAzerbaijan said one of its soldiers was killed.\n\nThe ministry said the situation was stable.")
        #expect(extract.removed.map(\.kind) == ["navigation", "share", "caption", "dateline", "read-more", "pitch", "footer", "footer"])
    }

    @Test("A scraped drop cap glued to the first word is removed")
    func strayLetter() {
        let glued = "TThe clashes resumed on Friday. The army said so."
        #expect(TestTopic.analyze(glued).0.cleanText(of: glued) == "The clashes resumed on Friday. The army said so.")
    }

    @Test("Number phrases", arguments: [
        ("more than 6,500 people", 6500.0, true), ("half a dozen soldiers", 6, true), ("tens of thousands of people", 20000, true),
        ("twenty-five soldiers", 25, false), ("six thousand five hundred people", 6500, false), ("3.5 million people", 3_500_000, false),
    ])
    func numbers(text: String, value: Double, approximate: Bool) throws {
        let tokens = Tokenizer.tokenize(ScalarString(text))
        let parsed = try #require(NumberParser().parse(tokens, at: 0, limit: tokens.count))
        #expect(parsed.value == value)
        #expect(parsed.approximate == approximate)
    }

    @Test("Weekdays resolve against the date; future mentions are marked")
    func days() {
        let resolver = DayResolver(publication: "2023-05-13", windowStart: "2023-05-08", windowEnd: "2023-05-14")
        #expect(resolver.resolve(weekday: 4)?.description == "2023-05-11")
        #expect(resolver.resolve(weekday: 6)?.description == "2023-05-13")
        let text = ScalarString("Fighting broke out on Friday (May 12) before talks scheduled for Sunday.")
        let mentions = DayMentions(resolver: resolver).find(Tokenizer.tokenize(text), range: 0..<Tokenizer.tokenize(text).count)
        #expect(mentions.map { $0.day?.description } == ["2023-05-12", "2023-05-14"])
        #expect(mentions.map(\.isFuture) == [false, true])
        let undated = DayResolver(publication: nil, windowStart: "2023-05-08", windowEnd: "2023-05-14")
        #expect(undated.resolve(weekday: 5)?.description == "2023-05-12")
    }

    @Test("Contested terms: whole words, plurals, possessives, spelling variants, exclusions")
    func terms() {
        let (extract, _) = TestTopic.analyze("Azeris and Nagorno-Karabakh's people. Karabakh is disputed, its arch-rival said. A provocative move, not a provocation.")
        #expect(extract.terms.map(\.term) == ["Azeri", "Nagorno-Karabakh", "Karabakh", "disputed", "archrival", "provocation"])
    }

    @Test("A French article is passed over with a note")
    func otherLanguage() {
        let (extract, attribution) = TestTopic.analyze("Le ministère de la Défense a annoncé que deux soldats ont été tués dans les affrontements à la frontière avec l'Arménie.")
        #expect(extract.language == "fr")
        #expect(extract.skipped?.reason.contains("English-only") == true)
        #expect(attribution.skipped != nil)
        #expect(attribution.attributions.isEmpty)
    }
}
