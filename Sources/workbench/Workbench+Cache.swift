import ArgumentParser

extension Workbench {
    struct Cache: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "todo")
        func run() async throws {}
    }
}
