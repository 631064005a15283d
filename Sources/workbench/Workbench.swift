import ArgumentParser

/// The `workbench` command: compare how news outlets frame the same story.
@main
struct Workbench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Run analysis pipelines over news corpora and compare how outlets frame the same story.",
        discussion: """
            A workspace is a folder with workspace.json (the corpus, the outlets, where stages are) and
            pipeline.json (the steps). Results are cached in the workspace: a re-run computes only what changed.

            Examples:
              workbench run                          run pipeline.json over the workspace in this folder
              workbench run --corpus ~/news.jsonl    the same pipeline over another corpus
              workbench validate                     check workspace.json and pipeline.json, report every problem
              workbench stages                       list the stages found and what they say about themselves
              workbench show 004_1175d99892e37792    a document's cached results
              workbench why 004_1175d99892e37792 attribution
                                                     was it reused or recomputed, and what changed
              workbench replay DOC STEP              re-run one task and show the stage's stderr
              workbench cache stats                  what the cache holds

            Exit status: 0 success · 1 some tasks failed · 64 bad command line · 65 bad workspace.json or
            pipeline.json · 130 interrupted.
            """,
        version: "workbench 0.1.0 (stage protocol 1)",
        subcommands: [Run.self, Import.self, Validate.self, Stages.self, Show.self, Why.self, Replay.self, Cache.self, Eval.self, Export.self, Report.self]
    )
}
