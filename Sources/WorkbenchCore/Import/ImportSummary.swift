import Foundation

/// What an import did: rows read, documents written, duplicates and rejections, and how fast.
public struct ImportSummary: Hashable, Sendable {
    public var outputPath: String
    public var rejectsPath: String
    /// Documents and rejected rows read from the sources (blank lines are not rows).
    public var rows = 0
    /// Documents written to the output.
    public var imported = 0
    /// Rows left out because their text was already imported or already in the output.
    public var duplicates = 0
    /// Rows left out as errors: unreadable rows and duplicate ids.
    public var rejected = 0
    /// Documents the output held before this import.
    public var alreadyInOutput = 0
    /// Warnings (a catalog that is not JSON, an empty source, …).
    public var warnings = 0
    /// Bytes of input.
    public var inputBytes: Int64 = 0
    public var seconds: Double = 0

    public init(outputPath: String, rejectsPath: String) {
        self.outputPath = outputPath
        self.rejectsPath = rejectsPath
    }

    /// 0 when every row was imported or was a duplicate; 1 when some were rejected.
    public var exitCode: Int32 { rejected > 0 ? 1 : 0 }

    /// Rows read per second.
    public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }

    /// Input megabytes (10⁶ bytes) per second.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(inputBytes) / 1e6 / seconds : 0 }

    /// The lines printed at the end of `workbench import`.
    public var text: String {
        let output = Paths.display(outputPath)
        let speed = "\(NumberText.grouped(Int(rowsPerSecond.rounded()))) rows/s, " + String(format: "%.1f MB/s", megabytesPerSecond)
        var lines = ["imported \(NumberText.grouped(imported)) of \(NumberText.grouped(rows)) rows into \(output) in "
            + String(format: "%.2f s", seconds) + " (\(speed))"]
        var details = ["duplicates: \(NumberText.grouped(duplicates))", "rejected: \(NumberText.grouped(rejected))"]
        if alreadyInOutput > 0 { details.append("already in the file: \(NumberText.grouped(alreadyInOutput))") }
        if warnings > 0 { details.append("warnings: \(warnings)") }
        lines.append("  " + details.joined(separator: " · "))
        if duplicates + rejected > 0 { lines.append("  every rejected row and duplicate: \(Paths.display(rejectsPath))") }
        return lines.joined(separator: "\n")
    }
}
