import ArgumentParser

extension Workbench {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "todo")
        func run() async throws {}
    }
}
