import Foundation
import Testing
import WorkbenchTestSupport

/// The default pipeline over the development articles in `../shared/seeds`, exported and scored with
/// `../shared/eval/score.py` against the hand annotations. Runs when `../shared` is beside the repository.
@Suite("Seeds evaluation", .timeLimit(.minutes(5)))
struct SeedsEvaluationTests {
    static let shared = URL(fileURLWithPath: Fixtures.repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared").path
    static var sharedPresent: Bool { FileManager.default.fileExists(atPath: shared + "/eval/score.py") }

    /// The bars of issue 3: what two people annotating independently reach is about 0.94 F1.
    static let requirements = [
        "attr_side_kind.f1=0.85", "attr_speaker.f1=0.80", "cas_claims.f1=0.80", "terms.f1=0.95",
        "first_voice_accuracy=1.0", "boilerplate_removed=1.0", "content_kept=1.0", "editorializing_recall=0.5",
    ]

    @Test("The default pipeline over the seeds reaches the bars of score.py", .enabled(if: sharedPresent))
    func seeds() async throws {
        let directory = NSTemporaryDirectory() + "wb-seeds-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let root = Fixtures.repositoryRoot
        for item in ["workspace.json", "pipeline.json", "topics", "corpus"] {
            try FileManager.default.copyItem(atPath: "\(root)/\(item)", toPath: "\(directory)/\(item)")
        }
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/Plugins", withDestinationPath: "\(root)/Plugins")
        let seeds = Self.shared + "/seeds"
        let run = try await CommandRunner.workbench(["run", "-q", "--corpus", seeds], in: directory).run()
        #expect(run.status == 0, "\(run.stderr)")
        let export = try await CommandRunner.workbench(["export", "facts", "--corpus", seeds, "-o", "facts.json"], in: directory).run()
        #expect(export.status == 0, "\(export.stderr)")
        var arguments = ["python3", Self.shared + "/eval/score.py", Self.shared + "/eval/seeds.gold.json", directory + "/facts.json"]
        for requirement in Self.requirements { arguments += ["--require", requirement] }
        let score = try await CommandRunner("/usr/bin/env", arguments, directory: directory).run()
        print(score.stdout)
        #expect(score.status == 0, "below the bars:\n\(score.stdout)\n\(score.stderr)")
    }
}
