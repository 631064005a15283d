import Foundation
import Testing
@testable import WorkbenchCore
import WorkbenchTestSupport

/// `report.html` opened in headless Chromium: the page's own self-test (`?selftest`) checks that every
/// in-page link resolves, every table sorts, and the script ran without errors; the DOM and the console
/// are checked here too. Skipped when no Chromium is installed (Debian package `chromium`).
@Suite("Report in a browser", .timeLimit(.minutes(5)))
struct ReportBrowserTests {
    @Test("The fixture report: links resolve to article spans, tables sort, charts drawn, no script errors",
          .enabled(if: Chromium.path != nil, Chromium.missing))
    func fixtureReport() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fixture = ReportFixture()
        let path = folder + "/report.html"
        try ReportRenderer.write(fixture.input, to: path)

        let page = try await Chromium.selfTest(path)
        #expect(page.result["broken"] as? [String] == [])
        #expect(page.result["sortFailures"] as? [String] == [])
        #expect(page.result["errors"] as? [String] == [])
        #expect(page.result["tables"] as? Int == 4)
        #expect(page.result["charts"] as? Int == 3)
        #expect(page.result["evidenceLinks"] as? Int == 3)
        #expect((page.result["sortChecks"] as? Int ?? 0) >= 2 * 12)
        #expect((page.result["highlighted"] as? Int ?? 0) >= 1, "following an evidence link highlights its span")
        // Every evidence link lands on an anchor inside an article view of the DOM the script left.
        let anchors = Set(HTMLProbe.anchors(in: page.dom).map(\.id))
        let links = HTMLProbe.matches(##"class="evq" href="#([^"]+)""##, in: page.dom).map { $0[1] }
        #expect(links.count == 3)
        #expect(links.allSatisfy(anchors.contains))
    }

    @Test("The demo workspace: run, `workbench report`, and the page works; a screenshot is taken",
          .enabled(if: Chromium.path != nil, Chromium.missing))
    func demoReport() async throws {
        let folder = try Self.demoWorkspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try await CommandRunner.workbench(["run", "-q"], in: folder).run(timeout: 240)
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let report = try await CommandRunner.workbench(["report"], in: folder).run()
        #expect(report.status == 0, "\(report.stderr)")
        let path = folder + "/out/report.html"
        let html = try String(contentsOfFile: path, encoding: .utf8)
        for title in ["Source balance by side", "First voice", "Frame profiles by outlet", "Casualty claims side by side"] {
            #expect(html.contains(">\(title)</h4>"))
        }

        let page = try await Chromium.selfTest(path)
        #expect(page.result["broken"] as? [String] == [])
        #expect(page.result["sortFailures"] as? [String] == [])
        #expect(page.result["errors"] as? [String] == [])
        #expect((page.result["charts"] as? Int ?? 0) >= 4)
        #expect((page.result["evidenceLinks"] as? Int ?? 0) > 50)
        #expect((page.result["highlighted"] as? Int ?? 0) >= 1)

        // A picture of it: the overview, the first table and an evidence panel open.
        let panel = try #require(HTMLProbe.ids(in: html).first { $0.hasPrefix("ev-") })
        let png = folder + "/report.png"
        try await Chromium.screenshot("file://\(path)#\(panel)", to: png, size: "1360,2300")
        let size = try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int ?? 0
        #expect(size > 20_000)
        if let keep = ProcessInfo.processInfo.environment["WORKBENCH_REPORT_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: png, toPath: keep)
        }
    }

    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "wb-report-browser-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A copy of the demo workspace whose pipeline runs the analysis stages, compare, and the
    /// `report-tables` fixture stage (compare-like tables with evidence and chart hints).
    static func demoWorkspace() throws -> String {
        let folder = try temporaryFolder()
        let root = Fixtures.repositoryRoot
        for item in ["workspace.json", "topics", "corpus"] {
            try FileManager.default.copyItem(atPath: "\(root)/\(item)", toPath: "\(folder)/\(item)")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/workspace.json"))
        var workspace = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        workspace["stages"] = [root + "/Plugins", Fixtures.path("report/stages")]
        workspace["output"] = "out"
        try JSONSerialization.data(withJSONObject: workspace).write(to: URL(fileURLWithPath: folder + "/workspace.json"))
        let steps = ["extract", "attribution", "sentiment", "framing", "compare", "report-tables"].map { #"{"id": "\#($0)", "stage": "\#($0)"}"# }
        try #"{"steps": [\#(steps.joined(separator: ", "))], "tables": ["markdown", "csv"]}"#
            .write(toFile: folder + "/pipeline.json", atomically: true, encoding: .utf8)
        return folder
    }
}

/// Headless Chromium, found on the machine (or at `$CHROMIUM`).
enum Chromium {
    static let path: String? = {
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM"]].compactMap { $0 }
            + ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let missing: Comment = "no Chromium found (install the Debian package `chromium`, or set CHROMIUM to a Chromium or Chrome binary)"

    /// Runs Chromium headless with a throwaway profile; returns (stdout, stderr).
    static func run(_ arguments: [String]) async throws -> (stdout: String, stderr: String) {
        let profile = NSTemporaryDirectory() + "wb-chromium-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let base = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
                    "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0"]
        let result = try await CommandRunner(path!, base + arguments).run(timeout: 120)
        #expect(result.status == 0, "chromium exited \(result.status): \(result.stderr.suffix(2000))")
        return (result.stdout, result.stderr)
    }

    /// Opens `path?selftest`, returns the DOM after the script ran and the self-test's result.
    static func selfTest(_ path: String) async throws -> (dom: String, result: [String: Any]) {
        let (dom, console) = try await run(["--dump-dom", "file://\(path)?selftest"])
        #expect(dom.contains("data-wb-ready=\"1\""), "the report's script did not finish")
        #expect(!console.contains("Uncaught"), "script error: \(console.suffix(2000))")
        #expect(!console.contains("Refused to"), "the page tried to load something: \(console.suffix(2000))")
        let match = try #require(HTMLProbe.matches(#"<pre id="wb-selftest" data-ok="(\w+)">([^<]*)</pre>"#, in: dom).first, "no self-test result in the DOM")
        let json = HTMLProbe.unescaped(match[2])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(match[1] == "true", "self-test failed: \(json)")
        return (dom, result)
    }

    static func screenshot(_ url: String, to png: String, size: String = "1280,2000") async throws {
        _ = try await run(["--screenshot=\(png)", "--window-size=\(size)", "--hide-scrollbars", url])
    }
}
