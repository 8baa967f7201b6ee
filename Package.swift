// swift-tools-version:6.0
import PackageDescription

// Layering (one-way): Tezgah (domain) ← TezgahStore (GRDB), TezgahUI (pure) ← TezgahTerminal (ncurses);
// TezgahRuntime joins store and UI; tezgah (CLI) joins the runtime and the terminal.
let package = Package(
    name: "tezgah",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tezgah", targets: ["tezgah"]),
        .executable(name: "tezgah-bench", targets: ["tezgah-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The shim defines the feature macros itself; pkg-config only adds -D flags SwiftPM refuses.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw",
                       providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "Tezgah"),
        .target(name: "TezgahStore", dependencies: [
            "Tezgah",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        .target(name: "TezgahUI", dependencies: [
            "Tezgah",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "TezgahTerminal", dependencies: ["TezgahUI", "CNcursesw"]),
        // Mail: MIME writer now; templates, transports and the delivery worker come with issue #4.
        .target(name: "TezgahMail", dependencies: [
            "Tezgah",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The app core without a terminal: carries effects out against the store. The CLI, the
        // benchmark and the tests all drive the desk through it.
        .target(name: "TezgahRuntime", dependencies: ["Tezgah", "TezgahStore", "TezgahUI"]),
        .executableTarget(name: "tezgah", dependencies: [
            "Tezgah", "TezgahStore", "TezgahUI", "TezgahTerminal", "TezgahRuntime",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The benchmark: prints figures, asserts nothing. Drives the app core in-process and the
        // real binary on a pseudo-terminal.
        .target(name: "CPseudoTerminal"),
        .executableTarget(name: "tezgah-bench", dependencies: [
            "Tezgah", "TezgahStore", "TezgahUI", "TezgahRuntime", "CPseudoTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "TezgahTestSupport", path: "Tests/TezgahTestSupport"),
        .testTarget(name: "TezgahTests", dependencies: ["Tezgah"]),
        .testTarget(name: "TezgahStoreTests", dependencies: ["TezgahStore", "TezgahTestSupport"]),
        .testTarget(name: "TezgahUITests", dependencies: ["TezgahUI"], exclude: ["Snapshots"]),
        .testTarget(name: "TezgahTerminalTests", dependencies: ["TezgahTerminal"]),
        .testTarget(name: "TezgahMailTests", dependencies: ["TezgahMail", "TezgahTestSupport"]),
        .testTarget(name: "TezgahRuntimeTests", dependencies: ["TezgahRuntime", "TezgahTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["tezgah", "TezgahStore", "TezgahTestSupport"]),
    ]
)
