import ArgumentParser

extension Workbench {
    struct Why: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "todo")
        func run() async throws {}
    }
}
