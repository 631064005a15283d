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

    @Test("Unfamiliar page templates: stamps, counters, labels, link lists, slugs, pitches, bios")
    func boilerplateTemplates() {
        let page = """
            The Example Gazette
            News > Europe > Balkans | Features
            WORLD
            Ferry strike strands thousands on islands
            By Dr. Maria Lindqvist, Senior Editor
            Tuesday, 3 October 2023 8:05 AM  [ Last Update: Tuesday, 3 October 2023 9:40 AM ]
            Wed 14:20
            Issue No. 12 | Oct 3, 2023
            Photo taken Oct 2, 2023 shows a closed terminal. (Photo courtesy of the port authority)(XYZ)
            ATHENS, Oct 3 (XYZ) -- Ferry crews walked out on Tuesday, the union said.
            Story continues below
            The ministry said talks would resume. (XYZ).
            Source: Harbour Wire
            Correction: An earlier version of this story misstated the name of the port.
            Follow The Example Gazette on WhatsApp for the latest updates
            Get the Example News app for breaking news alerts
            Support independent journalism: every donation helps us keep reporting.
            #Greece #Ferries
            Comments (27)
            ==XYZ
            Reuters/AP
            Dr. Maria Lindqvist covers shipping and labour. She previously worked in Oslo.
            MOST READ
            Port workers vote on new contract
            What does the strike mean for tourists?
            """
        let (extract, _) = TestTopic.analyze(page)
        #expect(extract.cleanText(of: page) == "Ferry strike strands thousands on islands\n\nFerry crews walked out on Tuesday, the union said.\n\nThe ministry said talks would resume.")
    }

    @Test("A doubled one-letter word at the start is a drop cap")
    func doubledDropCap() {
        let glued = "AA strike began on Monday. The union said so."
        #expect(TestTopic.analyze(glued).0.cleanText(of: glued) == "A strike began on Monday. The union said so.")
    }

    @Test("Menus set apart by runs of spaces, `>>` crumbs, consent and membership lines")
    func boilerplateMenus() {
        let page = """
            Skip to main content
            Front  Politics  Culture  Sport  Opinion  Podcasts
            Home >> Europe >>
            Harbour strike enters third day
            Dock workers stayed away on Wednesday, the union said.
            Published Oct 4, 2023 at 9:10 AM CST | Updated Oct 4, 2023 at 1:05 PM CST
            The port authority said talks would resume on Friday.
            Become a member for $3 a month
            Follow The Example Gazette on Google News
            Your email address will not be published.
            """
        let clean = TestTopic.analyze(page).0.cleanText(of: page)
        #expect(clean.contains("Dock workers stayed away on Wednesday"))
        #expect(clean.contains("talks would resume"))
        for line in ["Skip to main", "Podcasts", "Home >>", "CST", "Become a member", "Google News", "will not be published"] {
            #expect(!clean.contains(line), "\(line)")
        }
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

    @Test("Reader comments, comment prompts and author bios without a byline are removed; in-body profiles and content are kept")
    func commentsAndBios() {
        let page = """
            Harbour talks collapse
            The port authority said on Monday that talks with the union had collapsed.
            Elena Marsh is a senior fellow at the Institute of Maritime Studies. She said the strike could last weeks.
            The union said it would meet again on Friday.
            Support independent reporting from the islands. Become a member today.
            About the author
            Jonas Weber is a freelance journalist based in Piraeus who covers shipping.
            Comments (12)
            Nick, Leeds: Nobody here has heard of this strike. Reply
            Join the discussion
            Log in to comment
            """
        let (extract, _) = TestTopic.analyze(page)
        #expect(extract.cleanText(of: page) == "Harbour talks collapse\n\nThe port authority said on Monday that talks with the union had collapsed.\n\n"
                + "Elena Marsh is a senior fellow at the Institute of Maritime Studies. She said the strike could last weeks.\n\n"
                + "The union said it would meet again on Friday.")
        // A closing bio with no heading, no byline and no comment section: its shape is enough.
        let closing = """
            Ferry crews strike
            Ferry crews walked out on Tuesday, the union said.
            The ministry said talks would resume on Thursday.
            Officials expect the ferries to run again next week.
            Katrin de Vries covers transport and labour for the Gazette. Before joining, she reported from Oslo.
            Topics: Ferries, Labour
            """
        #expect(TestTopic.analyze(closing).0.cleanText(of: closing) == "Ferry crews strike\n\nFerry crews walked out on Tuesday, the union said.\n\n"
                + "The ministry said talks would resume on Thursday.\n\nOfficials expect the ferries to run again next week.")
        // The byline's name opening a news sentence about the outlet is content, not a bio.
        let wire = """
            Ferry crews strike
            By Harbour Wire
            Ferry crews walked out on Tuesday, the union said.
            The ministry said talks would resume on Thursday.
            Officials expect the ferries to run again next week.
            Harbour Wire could not independently verify the union's figures.
            """
        #expect(TestTopic.analyze(wire).0.cleanText(of: wire).hasSuffix("Harbour Wire could not independently verify the union's figures."))
    }

    @Test("Consent banners, calendars, source lists, press-release issuer notes, self-descriptions and comment counters")
    func boilerplateShapes() {
        let page = """
            Lakeside Ledger
            Your privacy matters. We and our 120 partners store and access information on your device. Accept and close  |  Customise my choices
            Ferry strike strands islanders
            Issued on: 03/10/2023 - 08:05  Modified: 03/10/2023 - 11:40
            A closed ferry terminal on Tuesday. © Handout, Port Authority press office
            Text by: Ledger staff with wires
            Ferry crews walked out on Tuesday, the union said.
            Video: What the strike means for the islands 01:58
            The port authority said talks would resume on Friday.
            Related: Islanders stock up on supplies
            About twenty boats stayed in port, the harbour master said.
            Officials expect the ferries to run again next week.
            Sources
            1. Port Authority statement, 3 October 2023
            2. Union bulletin, 3 October 2023
            Was this article useful?  Yes  No
            Spotted an error? Write to desk@ledger.example
            Related explainers
            What happens when the ferries stop
            Lakeside Ledger is an independent, reader-funded newsroom.
            Mo Tu We Th Fr Sa Su
            2 3 4 5 6 7 8
            2 Comments
            Anna B.  3 Oct 2023 at 12:10
            Bring back the old timetable. Reply
            """
        let clean = TestTopic.analyze(page).0.cleanText(of: page)
        #expect(clean == "Ferry strike strands islanders\n\nFerry crews walked out on Tuesday, the union said.\n\n"
                + "The port authority said talks would resume on Friday.\n\nAbout twenty boats stayed in port, the harbour master said.\n\n"
                + "Officials expect the ferries to run again next week.")
        // A press release: `About` and the issuer's name in the second half ends the article (its contacts go with it).
        let release = """
            Relief group urges ceasefire
            OSLO, Oct 3, 2023 /Example Wire/ -- The Nordic Relief Council today called on both parties to stop shelling villages.
            The council said it had delivered food to 300 families.
            "Families are sleeping in cellars," said its director.
            The council also urged donors to fund winter shelters.
            About the Nordic Relief Council
            The Nordic Relief Council is a humanitarian organisation founded in 1990.
            Media contact:
            Kari Holm, Press Officer
            """
        let cleanRelease = TestTopic.analyze(release).0.cleanText(of: release)
        #expect(cleanRelease.hasSuffix("The council also urged donors to fund winter shelters."))
        // Not furniture: a sentence opening with `About`, a caption-like sentence without a credit, numbers inside a sentence,
        // the outlet's name opening a news sentence, a long paragraph mentioning comments.
        let content = """
            Lakeside Ledger
            Ferry strike strands islanders
            Ferry crews walked out on Tuesday, the union said.
            About 300 passengers were stranded at the terminal, the port authority said.
            The union said 12 of its 40 crews would stay ashore until Friday.
            Lakeside Ledger is unable to verify the union's figures.
            About the strike, the minister said only that talks would resume.
            The minister ignored 3 comments from reporters about the strike and walked away from the podium without answering.
            """
        let cleanContent = TestTopic.analyze(content).0.cleanText(of: content)
        for line in ["About 300 passengers", "12 of its 40 crews", "Lakeside Ledger is unable", "About the strike, the minister", "ignored 3 comments"] {
            #expect(cleanContent.contains(line), "\(line)")
        }
    }
}
