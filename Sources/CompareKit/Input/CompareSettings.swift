import Foundation
public import WorkbenchProtocol

/// What the comparison is told: how to group documents, how much evidence to keep, and the topic's
/// sides and contested terms (from the workspace's topic file, which the host passes in).
public struct CompareSettings: Sendable {
    /// The document field documents are grouped by: `outlet`, `outlet_country`, `ownership`, `language`.
    public var groupBy = "outlet"
    /// Evidence spans kept per table cell, and examples listed per group.
    public var evidencePerCell = 20
    public var examples = 5
    /// Distinctive words listed per group and direction; words seen fewer times are skipped.
    public var distinctiveWords = 15
    public var minimumWordCount = 5
    /// Facts listed in the coverage table.
    public var coverageFacts = 40
    /// Sides in display order, with labels; the conflict's parties first.
    public var sides: [(id: String, label: String)] = []
    public var parties: [String] = []
    /// Contested terms: term → its group (`Azeri` → `ethnonym`), in topic order.
    public var terms: [(term: String, group: String)] = []

    public init() {}

    /// Reads the stage config: `group_by`, `evidence`, `examples`, `distinctive_words`, `min_word_count`,
    /// `coverage_facts`, and `topic` (the topic file's JSON).
    public init(config: JSONValue) {
        if let v = config["group_by"]?.stringValue { groupBy = v }
        if let v = config["evidence"]?.intValue { evidencePerCell = max(0, v) }
        if let v = config["examples"]?.intValue { examples = max(0, v) }
        if let v = config["distinctive_words"]?.intValue { distinctiveWords = max(0, v) }
        if let v = config["min_word_count"]?.intValue { minimumWordCount = max(1, v) }
        if let v = config["coverage_facts"]?.intValue { coverageFacts = max(0, v) }
        let topic = config["topic"] ?? .null
        parties = topic["parties"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var sides: [(String, String)] = parties.map { party in (party, topic["sides"]?[party]?["label"]?.stringValue ?? party.capitalized) }
        for member in topic["sides"]?.objectValue ?? JSONObject() where !parties.contains(member.key) && member.key != "other" {
            sides.append((member.key, member.value["label"]?.stringValue ?? member.key.capitalized))
        }
        sides.append(("both", "Both sides"))
        sides.append(("other", topic["sides"]?["other"]?["label"]?.stringValue ?? "Others"))
        self.sides = sides
        terms = (topic["terms"]?.arrayValue ?? []).compactMap { t in
            t["term"]?.stringValue.map { ($0, t["group"]?.stringValue ?? "term") }
        }
    }

    /// The label of a side id (`azerbaijan` → `Azerbaijan`).
    public func label(ofSide side: String) -> String { sides.first { $0.id == side }?.label ?? side }

    /// Sides in display order, with any side seen in the data but not in the topic appended.
    public func orderedSides(_ seen: some Sequence<String>) -> [String] {
        var order = sides.map(\.id)
        // Sides the topic does not list, in name order (never in hash order: tables must be reproducible).
        for side in Set(seen).subtracting(order).sorted() { order.insert(side, at: max(0, order.count - 2)) }
        return order
    }
}
