public import WorkbenchProtocol
import Foundation

/// Scores a `workbench-facts/1` export against a gold file, with the metrics and normalisations of
/// `../shared/eval/score.py` (attributions by side and kind, by speaker and kind; casualty claims with and
/// without claimant; terms; first voice; boilerplate removed; content kept; editorializing recall).
public enum FactsScore {
    static let terms = ["Azeri", "Azerbaijani", "Nagorno-Karabakh", "Karabakh", "occupied", "disputed", "enclave", "separatist",
                        "provocation", "archrival", "gross violation", "internationally recognized as part of Azerbaijan"].map { $0.lowercased() }

    /// (pattern on a normalised name, canonical speaker); the first match wins — as in score.py.
    static let speakerRules: [(NSRegularExpression, String)] = [
        (#"armenia.*(defen[cs]e|military)|(defen[cs]e|military).*armenia"#, "armenian defense ministry"),
        (#"azer.*(defen[cs]e|military)|(defen[cs]e|military).*azer"#, "azerbaijani defense ministry"),
        (#"pashin"#, "nikol pashinyan"), (#"aliyev"#, "ilham aliyev"), (#"michel"#, "charles michel"), (#"blinken"#, "antony blinken"),
        (#"both sides|each other"#, "both sides"), (#"^(reports?|unnamed.*|unspecified.*|media reports?|sources?)$"#, "unnamed reports"),
        (#"european (union|council|commission)|^eu\b"#, "eu"), (#"united states|washington|^us\b|state department|white house"#, "us government"),
        (#"kremlin|moscow|russia"#, "russian government"), (#"yerevan|armenia"#, "armenian government"), (#"baku|azer"#, "azerbaijani government"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    static func matches(_ regex: NSRegularExpression, _ s: String) -> Bool {
        regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    static func replace(_ pattern: String, in s: String, with template: String) -> String {
        (try! NSRegularExpression(pattern: pattern)).stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
    }

    public static func normalizeSpeaker(_ name: String?) -> String {
        var s = (name ?? "").lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        s = replace(#"'s\b"#, in: s, with: "")
        s = replace(#"[^a-z0-9 ]+"#, in: s, with: " ")
        s = replace(#"\b(the|of|s)\b"#, in: s, with: " ")
        s = replace(#"\s+"#, in: s, with: " ").trimmingCharacters(in: .whitespaces)
        for (regex, canonical) in speakerRules where matches(regex, s) { return canonical }
        return s
    }

    static func normalizeText(_ t: String?) -> String {
        var t = (t ?? "").replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        t = t.replacingOccurrences(of: "\u{201c}", with: "\"").replacingOccurrences(of: "\u{201d}", with: "\"").replacingOccurrences(of: "\u{00a0}", with: " ")
        return replace(#"\s+"#, in: t, with: " ").trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func words(_ t: String?) -> Set<String> {
        let normalized = normalizeText(t)
        let regex = try! NSRegularExpression(pattern: "[a-z0-9]+")
        return Set(regex.matches(in: normalized, range: NSRange(normalized.startIndex..., in: normalized)).map {
            String(normalized[Range($0.range, in: normalized)!])
        })
    }

    static func normalizeTerm(_ t: String) -> String {
        let s = (t.split(separator: "/").first.map(String.init) ?? t).trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "recognised", with: "recognized")
        return ["arch-rival": "archrival", "arch-foes": "archrival"][s] ?? s
    }

    /// "Both sides said…" counts as one statement by each side.
    static func bothSplit(_ attributions: [JSONValue]) -> [JSONValue] {
        attributions.flatMap { a -> [JSONValue] in
            guard a["side"]?.stringValue == "both", case .object(var o) = a else { return [a] }
            var out: [JSONValue] = []
            for (side, who) in [("armenia", "Armenian government"), ("azerbaijan", "Azerbaijani government")] {
                o["side"] = .string(side)
                o["speaker"] = .string(who)
                out.append(.object(o))
            }
            return out
        }
    }

    static func documentsByFile(_ value: JSONValue) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for d in value["documents"]?.arrayValue ?? value.arrayValue ?? [] {
            if let file = d["file"]?.stringValue { out[(file as NSString).lastPathComponent] = d }
        }
        return out
    }

    /// Scores `facts` against `gold`.
    public static func score(gold goldValue: JSONValue, facts factsValue: JSONValue) -> EvalReport {
        let gold = documentsByFile(goldValue), facts = documentsByFile(factsValue)
        var tallies: [String: (tp: Int, pred: Int, gold: Int)] = [:]
        func add<T: Hashable>(_ name: String, _ p: [T], _ g: [T]) {
            var t = tallies[name] ?? (0, 0, 0)
            t.tp += Metrics.matches(p, g)
            t.pred += p.count
            t.gold += g.count
            tallies[name] = t
        }
        var firstOK = 0, firstN = 0, boilerGone = 0, boilerN = 0, kept = 0, keptN = 0, editHit = 0, editN = 0
        var missing: [String] = []
        func key(_ c: JSONValue) -> String {
            [c["side"], c["killed"], c["wounded"], c["day"]].map { $0.map { $0.isNull ? "null" : $0.jsonString() } ?? "null" }.joined(separator: "|")
        }
        func claimant(_ c: JSONValue) -> String {
            let who = c["as_claimed_by"]?.stringValue
            return who == nil || who == "" || who == "outlet" ? "outlet" : normalizeSpeaker(who)
        }
        for (name, g) in gold.sorted(by: { $0.key < $1.key }) {
            let p = facts[name] ?? .object(JSONObject())
            if facts[name] == nil { missing.append(name) }
            let ga = bothSplit(g["attributions"]?.arrayValue ?? []), pa = bothSplit(p["attributions"]?.arrayValue ?? [])
            add("attr_side_kind", pa.map { "\($0["side"]?.stringValue ?? "")|\($0["kind"]?.stringValue ?? "")" },
                ga.map { "\($0["side"]?.stringValue ?? "")|\($0["kind"]?.stringValue ?? "")" })
            add("attr_speaker", pa.map { "\(normalizeSpeaker($0["speaker"]?.stringValue))|\($0["kind"]?.stringValue ?? "")" },
                ga.map { "\(normalizeSpeaker($0["speaker"]?.stringValue))|\($0["kind"]?.stringValue ?? "")" })
            let gc = g["casualties"]?.arrayValue ?? [], pc = p["casualties"]?.arrayValue ?? []
            add("cas_claims", pc.map(key), gc.map(key))
            add("cas_attributed", pc.map { key($0) + "|" + claimant($0) }, gc.map { key($0) + "|" + claimant($0) })
            add("terms", (p["terms"]?.arrayValue ?? []).compactMap(\.stringValue).map(normalizeTerm).filter { terms.contains($0) },
                (g["terms"]?.arrayValue ?? []).compactMap(\.stringValue).map(normalizeTerm))
            if let voice = g["first_voice"]?.stringValue {
                firstN += 1
                if p["first_voice"]?.stringValue == voice { firstOK += 1 }
            }
            let clean = normalizeText(p["clean_text"]?.stringValue)
            for s in g["boilerplate_snippets"]?.arrayValue ?? [] {
                boilerN += 1
                if !clean.isEmpty && !clean.contains(normalizeText(s.stringValue)) { boilerGone += 1 }
            }
            for s in g["content_snippets"]?.arrayValue ?? [] {
                keptN += 1
                if clean.contains(normalizeText(s.stringValue)) { kept += 1 }
            }
            let predicted = (p["editorializing"]?.arrayValue ?? []).map { words($0.stringValue) }
            for e in g["editorializing"]?.arrayValue ?? [] {
                editN += 1
                let ge = words(e.stringValue)
                if predicted.contains(where: { Double(ge.intersection($0).count) / Double(max(1, ge.count)) >= 0.5 }) { editHit += 1 }
            }
        }
        var report = EvalReport(dataset: "facts (\(gold.count) documents)")
        for name in ["attr_side_kind", "attr_speaker", "cas_claims", "cas_attributed", "terms"] {
            let t = tallies[name] ?? (0, 0, 0)
            let s = Metrics.prf(truePositives: t.tp, predicted: t.pred, gold: t.gold)
            report.rows.append(.init(field: name, values: [("precision", s.precision), ("recall", s.recall), ("f1", s.f1), ("n", Double(t.gold))]))
        }
        func share(_ a: Int, _ n: Int) -> Double? { n > 0 ? Double(a) / Double(n) : nil }
        report.rows.append(.init(field: "first_voice", values: [("accuracy", share(firstOK, firstN)), ("n", Double(firstN))]))
        report.rows.append(.init(field: "boilerplate_removed", values: [("accuracy", share(boilerGone, boilerN)), ("n", Double(boilerN))]))
        report.rows.append(.init(field: "content_kept", values: [("accuracy", share(kept, keptN)), ("n", Double(keptN))]))
        report.rows.append(.init(field: "editorializing", values: [("recall", share(editHit, editN)), ("n", Double(editN))]))
        if !missing.isEmpty { report.notes.append("missing documents: \(missing.joined(separator: ", "))") }
        return report
    }
}
