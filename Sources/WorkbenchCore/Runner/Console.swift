import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Per-step figures for the progress display.
struct StepProgress: Sendable {
    var id: String
    var stage: String
    var scope: String
    var total: Int
    var computed: Int
    var cached: Int
    var failed: Int
    var skipped: Int
    var running: Int
    var rate: Double
    var state: String?

    var settled: Int { computed + cached + failed + skipped }
}

/// The host's stderr: stage logs prefixed with the stage name, and progress (a live block on a
/// terminal, a plain line every few seconds otherwise). Thread-safe. Also keeps a per-run log file.
final class Console: @unchecked Sendable {
    let live: Bool
    let enabled: Bool
    private let lock = NSLock()
    private var drawnLines = 0
    private var lastBlock: [String] = []
    private var logFile: FileHandle?
    private var logBytes = 0
    private var shownPerStage: [String: (windowStart: Double, shown: Int, suppressed: Int)] = [:]
    static let maximumLogBytes = 64 << 20
    static let linesPerWindow = 30
    static let window = 10.0

    init(style: ProgressStyle, logPath: String?) {
        let isTTY = isatty(2) == 1
        switch style {
        case .automatic: live = isTTY; enabled = true
        case .live: live = true; enabled = true
        case .lines: live = false; enabled = true
        case .none: live = false; enabled = false
        }
        if let logPath {
            try? FileManager.default.createDirectory(atPath: (logPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
            logFile = FileHandle(forWritingAtPath: logPath)
        }
    }

    deinit { try? logFile?.close() }

    /// A line a stage wrote to stderr.
    func stageStderr(stage: String, line: String) {
        log(stage: stage, text: line, alwaysShow: false)
    }

    /// A `log` message a stage sent.
    func stageLog(stage: String, level: String, message: String, document: String?) {
        let text = (level == "info" ? "" : "\(level): ") + (document.map { "[\($0)] " } ?? "") + message
        log(stage: stage, text: text, alwaysShow: level == "error" || level == "warning")
    }

    /// A message from the host itself (always shown unless progress is off entirely... then too).
    func note(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        writeToLog("workbench: \(text)\n")
        printAboveBlock("workbench: \(text)")
    }

    private func log(stage: String, text: String, alwaysShow: Bool) {
        lock.lock()
        defer { lock.unlock() }
        writeToLog("[\(stage)] \(text)\n")
        guard enabled else { return }
        let t = now()
        var entry = shownPerStage[stage] ?? (t, 0, 0)
        if t - entry.windowStart > Self.window {
            if entry.suppressed > 0 { printAboveBlock("[\(stage)] … \(entry.suppressed) more stderr lines (kept in the run log)") }
            entry = (t, 0, 0)
        }
        if entry.shown < Self.linesPerWindow || alwaysShow {
            entry.shown += 1
            printAboveBlock("[\(stage)] \(text)")
        } else {
            entry.suppressed += 1
        }
        shownPerStage[stage] = entry
    }

    private func writeToLog(_ text: String) {
        guard let logFile, logBytes < Self.maximumLogBytes else { return }
        let data = Data(text.utf8)
        logBytes += data.count
        logFile.write(data)
        if logBytes >= Self.maximumLogBytes { logFile.write(Data("[log truncated at \(Self.maximumLogBytes >> 20) MiB]\n".utf8)) }
    }

    private func printAboveBlock(_ line: String) {
        var out = ""
        if live && drawnLines > 0 { out += "\u{1B}[\(drawnLines)A\u{1B}[J" }
        out += line + "\n"
        if live && drawnLines > 0 { out += lastBlock.joined(separator: "\n") + "\n" }
        FileHandle.standardError.write(Data(out.utf8))
    }

    /// Redraws (live) or prints (lines) the progress block.
    func progress(elapsed: Double, documents: Int, total: Int, steps: [StepProgress], final: Bool) {
        lock.lock()
        defer { lock.unlock() }
        guard enabled else { return }
        var lines: [String] = []
        let header = "workbench \(format(elapsed)) · \(documents)/\(total) documents read"
        if live {
            lines.append(header)
            for step in steps { lines.append("  " + describe(step)) }
            var out = drawnLines > 0 ? "\u{1B}[\(drawnLines)A\u{1B}[J" : ""
            out += lines.joined(separator: "\n") + "\n"
            FileHandle.standardError.write(Data(out.utf8))
            drawnLines = final ? 0 : lines.count
            lastBlock = lines
        } else {
            var text = "[\(format(elapsed))] " + steps.map { describe($0) }.joined(separator: " | ")
            if !final && documents < total { text += " | read \(documents)/\(total)" }
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
        writeToLog("progress: " + steps.map { describe($0) }.joined(separator: " | ") + "\n")
    }

    private func describe(_ s: StepProgress) -> String {
        var text = "\(s.id): \(s.settled)/\(s.total)"
        var parts: [String] = []
        if s.cached > 0 { parts.append("cached \(s.cached)") }
        if s.failed > 0 { parts.append("failed \(s.failed)") }
        if s.skipped > 0 { parts.append("skipped \(s.skipped)") }
        if s.running > 0 { parts.append("running \(s.running)") }
        if !parts.isEmpty { text += " (" + parts.joined(separator: ", ") + ")" }
        if let state = s.state {
            text += " " + state
        } else if s.rate > 0 && s.settled < s.total {
            let remaining = Double(s.total - s.settled) / s.rate
            text += String(format: " %.0f/s ETA %@", s.rate, format(remaining))
        }
        return text
    }

    private func format(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1fs", seconds) }
        if seconds < 3600 { return "\(Int(seconds) / 60)m\(String(format: "%02d", Int(seconds) % 60))s" }
        return "\(Int(seconds) / 3600)h\(String(format: "%02d", Int(seconds) % 3600 / 60))m"
    }
}
