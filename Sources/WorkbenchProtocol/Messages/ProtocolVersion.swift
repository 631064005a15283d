/// Versions of the stage protocol. The protocol is versioned on its own, never with the host.
public enum StageProtocol {
    /// Versions this build speaks, lowest first.
    public static let supportedVersions: [Int] = [1]

    /// The highest version both sides list, or nil when they share none.
    public static func negotiate(host: [Int] = supportedVersions, stage: [Int]) -> Int? {
        Set(host).intersection(stage).max()
    }
}

/// Whether a stage sees one document per task or the whole corpus before it answers.
public enum StageScope: String, Hashable, Sendable, Codable, CaseIterable {
    case document
    case corpus
}
