import ArgumentParser
import Foundation
import WorkbenchCore

extension Workbench {
    /// `workbench import`: folders of text files, JSONL and CSV into one deduplicated JSONL corpus.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import folders of text files, JSONL and CSV into one deduplicated JSONL corpus.",
            discussion: """
                Rows are read one at a time and written to one JSONL file in the shape workbench reads as a
                corpus source, with their metadata (outlet, outlet_country, ownership, language, date, title,
                url, other columns) and where each came from (imported_from). A row whose text is already in
                the output (after NFC and white-space normalization) is left out as a duplicate; a row whose
                id belongs to a different text, or that is not a document (malformed JSON, no text, wrong
                field count, invalid UTF-8, …) is rejected. Every one is listed with its file, line and reason
                in <output>.rejected.jsonl. An existing output is appended to: importing again adds nothing.

                Examples:
                  workbench import ~/scraped/                        a folder of .txt files (header lines, catalog.json)
                  workbench import articles.csv --text-column body --outlet-column source --date-column published
                  workbench import a.jsonl b.csv -o corpus/all.jsonl --add
                                                                     two sources into one file, listed in workspace.json
                  workbench import dump.json --format jsonl --id-prefix dump/

                Exit status: 0 every row imported (or a duplicate) · 1 some rows rejected · 64 bad command line
                or a CSV without a named column · 65 a source cannot be read, or bad workspace.json · 74 the
                output cannot be written.
                """)

        @Argument(help: ArgumentHelp("Folders of text files, .jsonl or .csv files.", valueName: "source"))
        var sources: [String]

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(name: [.short, .customLong("output")],
                help: ArgumentHelp("The JSONL file to write or append to (default: corpus/imported.jsonl in the workspace).", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("The sources' format: auto (from the name), folder, jsonl or csv.", valueName: "format"))
        var format: String = "auto"

        @Option(help: ArgumentHelp("The column or member holding the text (default: text).", valueName: "name"))
        var textColumn: String?

        @Option(help: ArgumentHelp("The column holding the outlet (default: outlet).", valueName: "name"))
        var outletColumn: String?

        @Option(help: ArgumentHelp("The column holding the publication date (default: date).", valueName: "name"))
        var dateColumn: String?

        @Option(help: ArgumentHelp("The column holding the URL (default: url).", valueName: "name"))
        var urlColumn: String?

        @Option(help: ArgumentHelp("The column holding the title (default: title).", valueName: "name"))
        var titleColumn: String?

        @Option(help: ArgumentHelp("The column holding the document id (default: id; without one, ids come from the text).", valueName: "name"))
        var idColumn: String?

        @Option(help: ArgumentHelp("Any other field: language=lang, outlet_country=country, ownership=owner (repeatable).", valueName: "field=name"))
        var column: [String] = []

        @Option(help: ArgumentHelp("File names read in folders (default: *.txt).", valueName: "glob"))
        var pattern: String?

        @Flag(help: "Read folders' subfolders too.")
        var recursive = false

        @Option(help: ArgumentHelp("Put this before every document id, for sources whose ids clash.", valueName: "prefix"))
        var idPrefix: String = ""

        @Option(help: ArgumentHelp("List rejected rows and duplicates here (default: <output>.rejected.jsonl).", valueName: "file"))
        var rejects: String?

        @Flag(help: "Start the output afresh instead of appending to it.")
        var replace = false

        @Flag(help: "Add the output to the corpus list in workspace.json if it is not there.")
        var add = false

        @Option(help: ArgumentHelp("How many rejected rows and how many duplicates to print (all are in the rejects file).", valueName: "n"))
        var show: Int = 10

        @Flag(name: [.short, .long], help: "Print only the summary and errors.")
        var quiet = false

        func validate() throws {
            guard CorpusSource.Kind(rawValue: format) != nil || format == "auto" else {
                throw ValidationError("--format must be one of: auto, folder, jsonl, csv")
            }
            _ = try columnMap()
            if show < 0 { throw ValidationError("--show must be 0 or more") }
        }

        /// Our field name → the column the options name.
        func columnMap() throws -> [String: String] {
            var fields: [String: String] = [:]
            let named = [("text", textColumn), ("outlet", outletColumn), ("date", dateColumn), ("url", urlColumn),
                         ("title", titleColumn), ("id", idColumn)]
            for case let (field, column?) in named { fields[field] = column }
            for item in column {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[1].isEmpty else { throw ValidationError("--column takes FIELD=NAME, not \"\(item)\"") }
                guard CorpusSource.fieldNames.contains(parts[0]) else {
                    let hint = Suggestion.hint(for: parts[0], in: CorpusSource.fieldNames, kind: "fields") ?? ""
                    throw ValidationError("--column: unknown field \"\(parts[0])\"; \(hint)")
                }
                fields[parts[0]] = parts[1]
            }
            return fields
        }

        func run() async throws {
            let workspace: ImportWorkspace
            do {
                workspace = try ImportWorkspace.load(directory: workspaceOptions.workspace)
            } catch {
                StandardError.print(error.description)
                throw ExitCode(65)
            }
            if add && workspace.file == nil {
                StandardError.print("error: --add: no workspace.json in \(Paths.display(workspace.directory))\n  hint: create one, or pass --workspace DIR")
                throw ExitCode(65)
            }
            let outputPath = output.map(Paths.absolute) ?? Paths.join(workspace.directory, "corpus/imported.jsonl")
            var options = ImportOptions(sources: try corpusSources(), outputPath: outputPath, baseDirectory: workspace.directory)
            if let rejects { options.rejectsPath = Paths.absolute(rejects) }
            options.replacesOutput = replace
            options.outlets = workspace.outlets
            options.idPrefix = idPrefix
            if !(try columnMap()).isEmpty && options.sources.allSatisfy({ $0.kind == .folder }) {
                StandardError.print("warning: column options apply to JSONL and CSV sources only")
            }

            var console = ImportConsole(limit: show, quiet: quiet)
            let summary: ImportSummary
            do {
                summary = try Importer(options: options).run { console.handle($0) }
            } catch {
                console.endProgress()
                StandardError.print(error.description)
                switch error.kind {
                case .unreadableSource, .badWorkspace: throw ExitCode(65)
                case .unknownFormat, .missingColumn: throw ExitCode(64)
                case .unwritable: throw ExitCode(74)
                }
            }
            console.finish()
            StandardError.print(summary.text)
            if add {
                do {
                    switch try workspace.addCorpus(outputPath) {
                    case .added: StandardError.print("added \(workspace.corpusEntry(for: outputPath)) to the corpus in workspace.json")
                    case .alreadyListed: StandardError.print("workspace.json lists \(Paths.display(outputPath)) already")
                    }
                } catch {
                    StandardError.print(error.description)
                    throw ExitCode(error.kind == .unwritable ? 74 : 65)
                }
            }
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        }

        /// The sources as the command line names them, with the column options applied.
        func corpusSources() throws -> [CorpusSource] {
            let fields = try columnMap()
            return try sources.map { given in
                let path = Paths.absolute(given)
                var source: CorpusSource
                if let kind = CorpusSource.Kind(rawValue: format) {
                    source = CorpusSource(kind: kind, path: path)
                } else if let inferred = CorpusSource.inferred(path: path) {
                    source = inferred
                } else if !FileManager.default.fileExists(atPath: path) {
                    StandardError.print("error: \(given) does not exist")
                    throw ExitCode(65)
                } else {
                    StandardError.print("error: cannot tell the format of \(given)\n  hint: name a folder, a .jsonl or a .csv file, or pass --format jsonl|csv|folder")
                    throw ExitCode(64)
                }
                if source.kind != .folder { source.fields = fields }
                if let pattern { source.pattern = pattern }
                source.recursive = recursive
                return source
            }
        }
    }
}

/// Prints an import's events to stderr: the first rejected rows and duplicates, warnings, and a
/// progress line when stderr is a terminal.
struct ImportConsole {
    let limit: Int
    let quiet: Bool
    private let live = isatty(2) != 0
    private var shown: [Bool: Int] = [:]    // isError → rows printed
    private var hidden: [Bool: Int] = [:]   // isError → rows not printed
    private var progressVisible = false

    init(limit: Int, quiet: Bool) {
        self.limit = limit
        self.quiet = quiet
    }

    mutating func handle(_ event: Importer.Event) {
        switch event {
        case .rejected(let rejection):
            if !quiet && shown[rejection.isError, default: 0] < limit {
                endProgress()
                StandardError.print(rejection.description)
                shown[rejection.isError, default: 0] += 1
            } else {
                hidden[rejection.isError, default: 0] += 1
            }
        case .warning(let message):
            endProgress()
            StandardError.print("warning: \(message)")
        case .progress(let rows, let imported, let seconds):
            guard live && !quiet else { return }
            StandardError.write("\r\u{1B}[K[\(Int(seconds))s] \(NumberText.grouped(rows)) rows read, \(NumberText.grouped(imported)) imported")
            progressVisible = true
        }
    }

    /// Clears the progress line, if one is showing.
    mutating func endProgress() {
        guard progressVisible else { return }
        StandardError.write("\r\u{1B}[K")
        progressVisible = false
    }

    /// Ends the output: how many rows were not printed.
    mutating func finish() {
        endProgress()
        guard !quiet else { return }
        if let count = hidden[true], count > 0 { StandardError.print("… and \(NumberText.grouped(count)) more rejected rows") }
        if let count = hidden[false], count > 0 { StandardError.print("… and \(NumberText.grouped(count)) more duplicates") }
    }
}

extension StandardError {
    /// Writes `text` as it is, without a newline.
    static func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
