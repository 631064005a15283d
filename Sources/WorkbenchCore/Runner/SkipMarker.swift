import WorkbenchProtocol

/// The convention by which a stage says it passed a document over: a top-level `"skipped"` member with a
/// `"reason"` in its output (e.g. English-only analysis of a French article). The host counts and lists them.
enum SkipMarker {
    /// The reason, if the output is an object with a non-null `skipped` member.
    static func reason(in output: [UInt8]) -> String? {
        // Cheap test first: most outputs never mention it.
        guard output.count > 10, output.first == UInt8(ascii: "{"), contains(output, Array(#""skipped""#.utf8)) else { return nil }
        guard let members = try? output.withUnsafeBufferPointer({ try JSONParser.scanObject($0) }),
              let member = members.last(where: { $0.key == "skipped" }) else { return nil }
        let value = (try? JSONParser.parse(output[member.range])) ?? .null
        if value.isNull { return nil }
        return value["reason"]?.stringValue ?? value.stringValue ?? "passed over"
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                guard let first = n.first, h.count >= n.count else { return false }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}

extension StepState {
    func notePassedOver(_ document: String, reason: String) {
        if passedOver[reason, default: []].count < 1000 { passedOver[reason, default: []].append(document) }
    }
}
