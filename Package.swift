// swift-tools-version: 6.2
import PackageDescription

/// Settings every target of ours shares: Swift 6 mode and the upcoming-feature trio.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "workbench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "workbench", targets: ["workbench"]),
        .library(name: "StageKit", targets: ["StageKit"]),
        .library(name: "WorkbenchProtocol", targets: ["WorkbenchProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // Wire types and JSON-lines framing. No dependencies: shared by the host and the Swift SDK.
        .target(name: "WorkbenchProtocol", swiftSettings: strictSettings),

        // The Swift SDK a stage author links.
        .target(name: "StageKit", dependencies: ["WorkbenchProtocol"], swiftSettings: strictSettings),

        // Shared text code for the built-in analysis stages: tokens, sentences, lexicons, rules. Its data
        // files (Resources/) ship beside the stages and are part of their fingerprint.
        .target(
            name: "TextKit", dependencies: ["WorkbenchProtocol"], resources: [.copy("Resources")],
            swiftSettings: strictSettings),

        // The cross-outlet comparison: statistics (tests, log-odds, agreement) and the compare stage's tables.
        .target(name: "CompareKit", dependencies: ["WorkbenchProtocol"], swiftSettings: strictSettings),

        // The system's zstd (Debian: libzstd-dev): the cache stores large stage outputs compressed.
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),

        // Host logic: workspace, pipeline, validation, corpus, stages, cache, runner, tables.
        .target(
            name: "WorkbenchCore",
            dependencies: [
                "WorkbenchProtocol",
                "CZstd",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),

        // The command line. Thin: parses arguments, calls Core, maps errors to exit codes.
        .executableTarget(
            name: "workbench",
            dependencies: [
                "WorkbenchCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // Example stages (the docs point at them; the tests run them through the host).
        .executableTarget(
            name: "wb-wordcount", dependencies: ["StageKit"], path: "Plugins/example-wordcount",
            swiftSettings: strictSettings),
        .executableTarget(
            name: "wb-outlet-table", dependencies: ["StageKit"], path: "Plugins/example-outlet-table",
            swiftSettings: strictSettings),
        // The built-in analysis stages.
        .executableTarget(
            name: "wb-extract", dependencies: ["StageKit", "TextKit"], path: "Plugins/extract", swiftSettings: strictSettings),
        .executableTarget(
            name: "wb-attribution", dependencies: ["StageKit", "TextKit"], path: "Plugins/attribution", swiftSettings: strictSettings),
        .executableTarget(
            name: "wb-sentiment", dependencies: ["StageKit", "TextKit"], path: "Plugins/sentiment", swiftSettings: strictSettings),
        .executableTarget(
            name: "wb-framing", dependencies: ["StageKit", "TextKit"], path: "Plugins/framing", swiftSettings: strictSettings),
        .executableTarget(
            name: "wb-compare", dependencies: ["StageKit", "CompareKit"], path: "Plugins/compare", swiftSettings: strictSettings),
        // The trivial stage the benchmarks measure.
        .executableTarget(
            name: "wb-bench-echo", dependencies: ["StageKit"], path: "Plugins/bench-echo",
            swiftSettings: strictSettings),

        // Test support: fixtures, golden files, built-product locator, a test workspace builder.
        .target(
            name: "WorkbenchTestSupport",
            dependencies: ["WorkbenchCore", "WorkbenchProtocol"],
            path: "Tests/WorkbenchTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WorkbenchProtocolTests",
            dependencies: ["WorkbenchProtocol", "StageKit", "WorkbenchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TextKitTests",
            dependencies: ["TextKit", "WorkbenchProtocol", "WorkbenchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CompareKitTests",
            dependencies: ["CompareKit", "WorkbenchProtocol"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WorkbenchCoreTests",
            // Depending on the executables makes `swift test` build them.
            dependencies: [
                "WorkbenchCore", "WorkbenchProtocol", "WorkbenchTestSupport", "workbench",
                "wb-wordcount", "wb-outlet-table", "wb-bench-echo",
                "wb-extract", "wb-attribution", "wb-sentiment", "wb-framing", "wb-compare",
            ],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
    ]
)
