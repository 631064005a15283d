public import WorkbenchProtocol
import Foundation

/// Renders the tables stages return as data into files: Markdown, CSV (tidy), JSON, LaTeX, HTML.
/// Stages never format output; this is the one place that does.
public enum TableRenderer {
    /// Tables found in a stage output: `{"tables": [...]}` (other members are left alone).
    public static func tables(in output: [UInt8]) -> [DataTable] {
        // Located, not parsed as a whole: a million documents' comparison is an 8 MB output, whose JSONValue
        // tree would be ten times that; each table is decoded from its own bytes.
        guard let members = try? JSONMembers(output, input: "output") else { return [] }
        return members.elements("tables").compactMap { range in try? JSONDecoder().decode(DataTable.self, from: Data(output[range])) }
    }

    /// Writes each table in each format to `directory`; returns the paths written.
    public static func write(_ tables: [DataTable], step: String, formats: [String], to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for table in tables {
            let base = Paths.join(directory, "\(sanitize(step))-\(sanitize(table.id))")
            for format in formats {
                let (text, ext): (String, String) = switch format {
                case "markdown": (markdown(table), "md")
                case "csv": (csv(table), "csv")
                case "json": (json(table), "json")
                case "latex": (latex(table), "tex")
                case "html": (html(table), "html")
                default: ("", "")
                }
                guard !ext.isEmpty else { continue }
                let path = "\(base).\(ext)"
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                written.append(path)
            }
        }
        return written
    }

    static func sanitize(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }

    /// A cell as text: integers without a fraction, numbers to 3 decimals, percents with %.
    public static func text(_ value: JSONValue, type: DataTable.Column.Kind) -> String {
        switch value {
        case .null: return ""
        case .string(let s): return s
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n):
            switch type {
            case .integer: return value.intValue.map(String.init) ?? String(format: "%.0f", n)
            case .percent: return String(format: "%.1f%%", n * 100)
            default: return value.intValue.map(String.init) ?? String(format: "%.3f", n)
            }
        case .array, .object: return value.jsonString()
        }
    }

    public static func markdown(_ table: DataTable) -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var lines = ["### \(table.title)", ""]
        lines.append("| " + table.columns.map { escape($0.label) }.joined(separator: " | ") + " |")
        lines.append("|" + table.columns.map { [.integer, .number, .percent].contains($0.type) ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in table.rows {
            lines.append("| " + zip(table.columns, row).map { escape(text($1, type: $0.type)) }.joined(separator: " | ") + " |")
        }
        for note in table.notes ?? [] { lines.append(""); lines.append("_\(note)_") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    public static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// Tidy CSV: a header of column ids, one observation per row, numbers unformatted (RFC 4180 quoting).
    public static func csv(_ table: DataTable) -> String {
        let field = csvField
        var lines = [table.columns.map { field($0.id) }.joined(separator: ",")]
        for row in table.rows {
            lines.append(row.map { value -> String in
                switch value {
                case .number(let n): return value.intValue.map(String.init) ?? String(n)
                case .bool(let b): return b ? "true" : "false"
                case .null: return ""
                default: return field(text(value, type: .string))
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ table: DataTable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(table), as: UTF8.self)) ?? "{}"
    }

    public static func latex(_ table: DataTable) -> String {
        func escape(_ s: String) -> String {
            var out = ""
            for c in s {
                switch c {
                case "\\": out += "\\textbackslash{}"
                case "&", "%", "$", "#", "_", "{", "}": out += "\\\(c)"
                case "~": out += "\\textasciitilde{}"
                case "^": out += "\\textasciicircum{}"
                default: out.append(c)
                }
            }
            return out
        }
        let spec = table.columns.map { [.integer, .number, .percent].contains($0.type) ? "r" : "l" }.joined()
        var lines = ["% \(table.title) — requires \\usepackage{booktabs}", "\\begin{table}[ht]", "\\centering",
                     "\\caption{\(escape(table.title))}", "\\label{tab:\(sanitize(table.id))}",
                     "\\begin{tabular}{\(spec)}", "\\toprule"]
        lines.append(table.columns.map { escape($0.label) }.joined(separator: " & ") + " \\\\")
        lines.append("\\midrule")
        for row in table.rows {
            lines.append(zip(table.columns, row).map { escape(text($1, type: $0.type)) }.joined(separator: " & ") + " \\\\")
        }
        lines += ["\\bottomrule", "\\end{tabular}"]
        for note in table.notes ?? [] { lines.append("\\par\\smallskip{\\footnotesize \(escape(note))}") }
        lines.append("\\end{table}")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func html(_ table: DataTable) -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;")
        }
        var out = "<table class=\"wb-table\" id=\"\(escape(table.id))\">\n<caption>\(escape(table.title))</caption>\n<thead><tr>"
        for column in table.columns { out += "<th data-type=\"\(column.type.rawValue)\">\(escape(column.label))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>" + zip(table.columns, row).map { column, value in
                let numeric = [.integer, .number, .percent].contains(column.type)
                return "<td\(numeric ? " class=\"num\"" : "")>\(escape(text(value, type: column.type)))</td>"
            }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        for note in table.notes ?? [] { out += "<p class=\"note\">\(escape(note))</p>\n" }
        return out
    }
}
