import ArgumentParser
import Foundation
import WorkbenchCore

/// `--workspace DIR`, shared by every subcommand, and the helpers that load what it names.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("The workspace folder (holding workspace.json).", valueName: "dir"))
    var workspace: String = "."

    /// Loads workspace.json, printing diagnostics and exiting 65 when it is wrong.
    func load() throws -> Workspace {
        do {
            return try Workspace.load(directory: workspace)
        } catch {
            StandardError.print(error.description)
            throw ExitCode(65)
        }
    }

    /// Loads a pipeline file (default: the workspace's), printing diagnostics and exiting 65 when wrong.
    func loadPipeline(_ path: String?, workspace: Workspace) throws -> Pipeline {
        let file = path.map(Paths.absolute) ?? workspace.pipelinePath
        do {
            return try Pipeline.load(path: file)
        } catch {
            StandardError.print(error.description)
            throw ExitCode(65)
        }
    }
}

/// Writes to stderr.
enum StandardError {
    static func print(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
