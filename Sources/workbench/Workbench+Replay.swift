import ArgumentParser

extension Workbench {
    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "todo")
        func run() async throws {}
    }
}
