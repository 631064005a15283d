import Foundation
import CompareKit
import Testing
import WorkbenchProtocol

/// The comparison tables on documents we write here: counts, shares, flags and the evidence behind cells.
@Suite("Comparison tables")
struct ComparisonTests {
    static let topic: JSONValue = [
        "parties": ["north", "south"],
        "sides": ["north": ["label": "Northland"], "south": ["label": "Southmark"], "other": ["label": "Others"]],
        "terms": [["term": "Southie", "group": "ethnonym"], ["term": "Southmarkian", "group": "ethnonym"], ["term": "occupied", "group": "status"]],
    ]

    /// An object from ordered members.
    static func obj(_ members: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members.map { JSONObject.Member(key: $0.0, value: $0.1) })) }
    static func n(_ v: Int) -> JSONValue { .number(Double(v)) }

    /// A document and its extract/attribution outputs, written as the stages would.
    static func document(_ id: String, outlet: String, ownership: String = "private", text: String, headline: (Int, Int)? = nil,
                         statements: [(speaker: String, side: String, start: Int, end: Int, direct: Bool, stance: String)] = [],
                         firstVoice: String = "neutral", casualties: [JSONValue] = [], headlineCasualties: [JSONValue] = [],
                         terms: [(String, String, Int, Int)] = [], editorials: [(Int, Int, [String])] = [],
                         frames: [(String, Bool)]? = nil, skipped: Bool = false) -> (Document, [String: [UInt8]]) {
        let document = Document(id: id, text: text, meta: DocumentMeta(outlet: outlet, ownership: ownership, date: "2024-03-01"))
        if skipped {
            return (document, ["extract": Array(#"{"skipped":{"reason":"language fr"}}"#.utf8), "attribution": Array(#"{"skipped":{"reason":"language fr"}}"#.utf8)])
        }
        let length = text.unicodeScalars.count
        var extract: [(String, JSONValue)] = [("sentences", .array([.array([n(0), n(length), n(0)])])), ("casualties", .array(casualties)),
                                              ("headline_casualties", .array(headlineCasualties))]
        if let headline { extract.append(("headline", obj([("start", n(headline.0)), ("end", n(headline.1))]))) }
        extract.append(("terms", .array(terms.map { obj([("term", .string($0.0)), ("group", .string($0.1)), ("start", n($0.2)), ("end", n($0.3))]) })))
        let attributions: [JSONValue] = statements.map {
            obj([("speaker", .string($0.speaker)), ("side", .string($0.side)), ("kind", .string($0.direct ? "direct" : "indirect")),
                 ("stance", .string($0.stance)), ("start", n($0.start)), ("end", n($0.end)), ("sentence", n(0))])
        }
        let editorialValues: [JSONValue] = editorials.map { obj([("start", n($0.0)), ("end", n($0.1)), ("markers", .array($0.2.map(JSONValue.string)))]) }
        let attribution = obj([("attributions", .array(attributions)), ("first_voice", .string(firstVoice)), ("editorializing", .array(editorialValues))])
        var inputs = ["extract": obj(extract).serialized(), "attribution": attribution.serialized()]
        if let frames {
            let list: [JSONValue] = frames.map {
                obj([("frame", .string($0.0)), ("label", .string($0.0.capitalized)), ("present", .bool($0.1)), ("share", .number(0.5)),
                     ("evidence", obj([("sentences", .array([.array([n(0), n(10), .number(1)])]))]))])
            }
            inputs["framing"] = obj([("frames", .array(list))]).serialized()
        }
        return (document, inputs)
    }

    static func claim(_ side: String, killed: Int?, wounded: Int? = nil, day: String?, claimant: String = "outlet", start: Int = 0, end: Int = 5) -> JSONValue {
        var o: [(String, JSONValue)] = [("side", .string(side)), ("claimant", .string(claimant)), ("start", n(start)), ("end", n(end))]
        if let killed { o.append(("killed", n(killed))) }
        if let wounded { o.append(("wounded", n(wounded))) }
        if let day { o.append(("day", .string(day))) }
        return obj(o)
    }

    func run(_ documents: [(Document, [String: [UInt8]])], config: [(String, JSONValue)] = []) throws -> [String: DataTable] {
        let settings = CompareSettings(config: Self.obj(config + [("topic", Self.topic)]))
        var comparison = Comparison(settings: settings)
        let reader = FactsReader(settings: settings)
        for (document, inputs) in documents { comparison.add(try reader.read(document, inputs: inputs)) }
        return Dictionary(comparison.tables().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func column(_ table: DataTable, _ id: String, row: Int) -> JSONValue? {
        guard let c = table.columns.firstIndex(where: { $0.id == id }), row < table.rows.count else { return nil }
        return table.rows[row][c]
    }

    func row(_ table: DataTable, group: String) -> Int? { table.rows.firstIndex { $0.first == .string(group) } }

    static let text = "Northland said the southern guns opened fire. Southmark denied it. The occupied hills were calm."

    @Test("Source balance: counts and shares by side, with n, and the statements behind each cell")
    func sourceBalance() throws {
        let docs = [
            Self.document("a1", outlet: "Alpha", text: Self.text, statements: [("Northland government", "north", 0, 44, false, "neutral"),
                                                                                ("Southmark government", "south", 46, 64, false, "denial")]),
            Self.document("a2", outlet: "Alpha", text: Self.text, statements: [("Northland government", "north", 0, 44, true, "neutral")]),
            Self.document("b1", outlet: "Beta", text: Self.text, statements: [("Southmark government", "south", 46, 64, false, "denial")]),
        ]
        let tables = try run(docs)
        let balance = try #require(tables["source_balance"])
        let alpha = try #require(row(balance, group: "Alpha"))
        #expect(column(balance, "articles", row: alpha) == 2)
        #expect(column(balance, "attributions", row: alpha) == 3)
        #expect(column(balance, "north", row: alpha) == 2)
        #expect(column(balance, "north_share", row: alpha) == .number(0.6667))
        let evidence = try #require(balance.evidence?["\(alpha):north"])
        #expect(evidence.map(\.document) == ["a1", "a2"])
        #expect(evidence.first?.text == "Northland said the southern guns opened fire")
        #expect(balance.charts?.first?.kind == .stackedBar)
        let form = try #require(tables["speech_form"])
        #expect(column(form, "direct", row: try #require(row(form, group: "Alpha"))) == 1)
        #expect(column(form, "denial", row: try #require(row(form, group: "Beta"))) == 1)
    }

    @Test("First voice per outlet and per article")
    func firstVoice() throws {
        let docs = [Self.document("a1", outlet: "Alpha", text: Self.text, statements: [("N", "north", 0, 44, false, "neutral")], firstVoice: "north"),
                    Self.document("b1", outlet: "Beta", text: Self.text, statements: [("S", "south", 46, 64, false, "denial")], firstVoice: "south")]
        let tables = try run(docs)
        let table = try #require(tables["first_voice"])
        #expect(column(table, "north", row: try #require(row(table, group: "Alpha"))) == 1)
        #expect(column(table, "south", row: try #require(row(table, group: "Beta"))) == 1)
        let articles = try #require(tables["first_voice_articles"])
        #expect(articles.rows.map { $0[4] } == [.string("Northland"), .string("Southmark")])
        #expect(articles.evidence?["0:first_voice"]?.first?.document == "a1")
    }

    @Test("Casualty claims: outlets that report different figures for a day and side are flagged")
    func casualtyAgreement() throws {
        let docs = [
            Self.document("a1", outlet: "Alpha", text: Self.text, casualties: [Self.claim("north", killed: 2, day: "2024-02-29", claimant: "Northland government")]),
            Self.document("b1", outlet: "Beta", text: Self.text, casualties: [Self.claim("north", killed: 3, day: "2024-02-29", claimant: "Northland government")]),
            Self.document("c1", outlet: "Gamma", text: Self.text, casualties: [Self.claim("south", killed: 1, day: "2024-02-29", claimant: "outlet")]),
        ]
        let table = try #require(try run(docs)["casualty_claims"])
        let agreement = table.rows.map { $0[8].stringValue ?? "" }
        #expect(agreement[0].hasPrefix("differs") && agreement[1].hasPrefix("differs"))
        #expect(agreement[2] == "one outlet")
        #expect(table.evidence?["0:killed"]?.first?.document == "a1")
        #expect(table.charts?.first?.kind == .dotPlot)
    }

    @Test("Self-contradictions: a headline total the body does not bear out, in its own voice or in the claims it reports")
    func contradictions() throws {
        let docs = [
            Self.document("a1", outlet: "Alpha", text: Self.text, headline: (0, 10),
                          casualties: [Self.claim("north", killed: 2, day: "2024-02-29"), Self.claim("south", killed: 2, day: "2024-02-29"),
                                       Self.claim("north", killed: 1, day: "2024-02-29", claimant: "Northland government")],
                          headlineCasualties: [Self.claim("both", killed: 2, day: nil)]),
            Self.document("b1", outlet: "Beta", text: Self.text, headline: (0, 10),
                          casualties: [Self.claim("north", killed: 1, day: "2024-02-28", claimant: "N"), Self.claim("north", killed: 1, day: "2024-02-29", claimant: "N")],
                          headlineCasualties: [Self.claim("north", killed: 2, day: nil)]),
        ]
        let table = try #require(try run(docs)["casualty_contradictions"])
        #expect(table.rows.count == 1, "Beta's two days add up to its headline")
        #expect(table.rows.first?[1] == .string("a1"))
        #expect(table.rows.first?[4].stringValue?.contains("own voice adds up to 4") == true)
    }

    @Test("Vocabulary: preferred terms per outlet, uses per 1,000 words, the uses as evidence")
    func vocabulary() throws {
        let docs = [Self.document("a1", outlet: "Alpha", text: Self.text, terms: [("Southie", "ethnonym", 20, 26), ("Southie", "ethnonym", 30, 36),
                                                                                  ("Southmarkian", "ethnonym", 40, 44), ("occupied", "status", 66, 74)]),
                    Self.document("b1", outlet: "Beta", text: Self.text, terms: [("Southmarkian", "ethnonym", 40, 44)])]
        let tables = try run(docs)
        let preferred = try #require(tables["preferred_terms"])
        #expect(column(preferred, "ethnonym", row: try #require(row(preferred, group: "Alpha"))) == "Southie (2), Southmarkian (1)")
        #expect(column(preferred, "status", row: try #require(row(preferred, group: "Beta"))) == .null)
        let use = try #require(tables["term_use"])
        let southie = try #require(use.rows.firstIndex { $0[0] == "Alpha" && $0[3] == "Southie" })
        #expect(use.rows[southie][4] == 2)
        #expect(use.evidence?["\(southie):uses"]?.count == 2)
    }

    @Test("Own voice, frames, grouping by ownership, and passed-over documents only in the overview")
    func ownVoiceFramesGroups() throws {
        let docs = [
            Self.document("a1", outlet: "Alpha", ownership: "state", text: Self.text, editorials: [(66, 97, ["occupied"])],
                          frames: [("military", true), ("diplomacy", false)]),
            Self.document("b1", outlet: "Beta", ownership: "state", text: Self.text, frames: [("military", false), ("diplomacy", true)]),
            Self.document("c1", outlet: "Gamma", ownership: "private", text: Self.text, frames: [("military", true), ("diplomacy", true)]),
            Self.document("c2", outlet: "Gamma", ownership: "private", text: "Le texte.", skipped: true),
        ]
        let byOutlet = try run(docs)
        let own = try #require(byOutlet["own_voice"])
        #expect(column(own, "sentences", row: try #require(row(own, group: "Alpha"))) == 1)
        #expect(column(own, "example", row: try #require(row(own, group: "Alpha"))) == "The occupied hills were calm.")
        let overview = try #require(byOutlet["overview"])
        #expect(column(overview, "passed_over", row: try #require(row(overview, group: "Gamma"))) == 1)
        #expect(column(overview, "articles", row: try #require(row(overview, group: "Gamma"))) == 1)

        let byOwnership = try run(docs, config: [("group_by", "ownership")])
        let frames = try #require(byOwnership["frames"])
        #expect(frames.columns.first?.label == "Ownership")
        let state = try #require(row(frames, group: "state"))
        #expect(column(frames, "military", row: state) == .number(0.5))
        #expect(column(frames, "diplomacy", row: state) == .number(0.5))
        #expect(frames.charts?.first?.kind == .heatmap)
    }

    @Test("A malformed input is reported with its name")
    func badInput() throws {
        let document = Document(id: "x", text: "t")
        let settings = CompareSettings(config: Self.obj([("topic", Self.topic)]))
        #expect(throws: CompareInputError.self) { try FactsReader(settings: settings).read(document, inputs: ["extract": Array("[1,2".utf8)]) }
        do {
            _ = try FactsReader(settings: settings).read(document, inputs: [:])
        } catch {
            #expect(error.description.contains("extract"))
        }
    }

    @Test("Sides the topic does not list come in name order, whatever order they were seen in")
    func unlistedSidesOrder() {
        let settings = CompareSettings(config: Self.obj([("topic", Self.topic)]))
        let listed = settings.orderedSides([])
        for seen in [["us", "eu", "russia"], ["russia", "us", "eu"], ["eu", "russia", "us", "north"]] {
            let order = settings.orderedSides(seen)
            let unlisted = order.filter { !listed.contains($0) }
            #expect(unlisted == ["eu", "russia", "us"])
            #expect(order.filter { listed.contains($0) } == listed)
        }
    }
}
