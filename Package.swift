// swift-tools-version:6.0
import PackageDescription
#if canImport(Glibc)
import Glibc
#endif

/// Release `tezgah` is linked by lld (it comes with the Swift toolchain) with its relative relocations
/// packed (DT_RELR). A position-independent binary of this size carries about 100,000 of them, which
/// the loader read from a 2.5 MB table at every start; the packed table is 20 KB. Measured: about
/// 1 ms off the desk's start (median of 60, taken in turn). Only the C library of glibc 2.36 and later
/// (Debian 12) can load such a binary, and tezgah is built where it runs, so an older one (Ubuntu
/// 22.04's 2.35) keeps the default link.
let relativeRelocationsPacked: [String] = {
    #if canImport(Glibc)
    var text = [CChar](repeating: 0, count: 64)  // "glibc 2.36"
    _ = confstr(Int32(_CS_GNU_LIBC_VERSION), &text, text.count)
    let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let version = name.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    if version.count >= 2, (version[0], version[1]) >= (2, 36) {
        return ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
    }
    #endif
    return []
}()

/// Linker flags that put Swift's runtime and Foundation inside the release `tezgah` binary. Loading
/// them as shared libraries took 17 of the ~25 ms before the desk could start (a bare Foundation
/// program starts in 17.5 ms so, in 3.5 ms linked in), and the first frame waits for that on every
/// start. Debug builds stay dynamic: the test runner links the executable's objects and needs the
/// shared Testing library. The archives are named because SwiftPM compiles dependencies for shared
/// linking, which leaves Foundation's own static dependencies unlisted.
let staticSwiftRuntime = ["-static-stdlib", "-Xlinker", "--start-group"]
    + ["Foundation", "FoundationInternationalization", "FoundationEssentials", "CoreFoundation", "_FoundationICU",
       "_FoundationCollections", "_FoundationCShims", "swiftSynchronization", "swift_RegexParser",
       "swift_StringProcessing", "swiftDispatch", "dispatch", "BlocksRuntime"].flatMap { ["-Xlinker", "-l" + $0] }
    + ["-Xlinker", "--end-group"]
    + relativeRelocationsPacked

// Layering (one-way): Tezgah (domain) ← TezgahStore (GRDB), TezgahUI (pure) ← TezgahTerminal (ncurses);
// TezgahMail (MIME, templates, NIO transports) on the domain alone; TezgahDelivery (the worker that
// claims and settles outbox rows) joins store and mail; TezgahRuntime joins store, UI, mail and
// delivery; tezgah (CLI) joins the runtime and the terminal.
let package = Package(
    name: "tezgah",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tezgah", targets: ["tezgah"]),
        .executable(name: "tezgah-bench", targets: ["tezgah-bench"]),
        .executable(name: "tezgah-fuzz", targets: ["tezgah-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // The shim defines the feature macros itself; pkg-config only adds -D flags SwiftPM refuses.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw",
                       providers: [.apt(["libncurses-dev"])]),
        .target(name: "Tezgah"),
        .target(name: "TezgahStore", dependencies: [
            "Tezgah",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, for binding an import's values without boxing each one (RawInsert).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "TezgahUI", dependencies: [
            "Tezgah",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "TezgahTerminal", dependencies: ["TezgahUI", "CNcursesw"]),
        // Mail: the MIME writer and reader, templates, and the SMTP (NIO) and sendmail transports.
        // A composed mail is a value; nothing here knows the store. The only NIO importer.
        .target(name: "TezgahMail", dependencies: [
            "Tezgah",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        // The delivery worker: claims due mail from the store with a lease, hands it to a transport,
        // and records the outcome.
        .target(name: "TezgahDelivery", dependencies: ["Tezgah", "TezgahStore", "TezgahMail"]),
        // The app core without a terminal: carries effects out against the store. The CLI, the
        // benchmark and the tests all drive the desk through it.
        .target(name: "TezgahRuntime", dependencies: [
            "Tezgah", "TezgahStore", "TezgahUI", "TezgahMail", "TezgahDelivery", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // A release build links Swift's runtime and Foundation in (see `staticSwiftRuntime`).
        .executableTarget(name: "tezgah", dependencies: [
            "Tezgah", "TezgahStore", "TezgahUI", "TezgahTerminal", "TezgahRuntime", "TezgahMail", "TezgahDelivery",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [.unsafeFlags(staticSwiftRuntime, .when(configuration: .release))]),
        // The benchmark: prints figures, asserts nothing. Drives the app core in-process and the
        // real binary on a pseudo-terminal.
        .target(name: "CPseudoTerminal"),
        .executableTarget(name: "tezgah-bench", dependencies: [
            "Tezgah", "TezgahStore", "TezgahUI", "TezgahRuntime", "TezgahMail", "TezgahDelivery", "CPseudoTerminal",
            // The aiosmtpd server the mail figure measures against, shared with the tests.
            "TezgahTestSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The fuzz targets: each reader of untrusted input with what must hold for any input. The
        // executable is libFuzzer's harness when built by .ci/fuzz, a corpus replayer otherwise.
        .target(name: "TezgahFuzzing", dependencies: ["Tezgah", "TezgahStore", "TezgahUI", "TezgahTerminal", "TezgahMail", "TezgahRuntime"]),
        .executableTarget(name: "tezgah-fuzz", dependencies: ["TezgahFuzzing"], linkerSettings: [.unsafeFlags(["-use-ld=lld"])]),
        // Real peers the tests and the benchmark both run: an aiosmtpd server on a free loopback port,
        // Python's e-mail reader, scratch folders. Foundation only, so the mail tests link no store.
        .target(name: "TezgahTestSupport", dependencies: ["CPseudoTerminal"], exclude: ["smtp_test_server.py"]),
        // A shop database with a composer, a worker and a hand-moved clock, for the delivery tests.
        .target(name: "TezgahShopTestSupport", dependencies: ["Tezgah", "TezgahMail", "TezgahStore", "TezgahDelivery", "TezgahTestSupport"],
                path: "Tests/TezgahShopTestSupport"),
        // Each test target names every module it imports: a module reached only through another is
        // not rebuilt against when it changes, and a stale layout crashes the tests.
        .testTarget(name: "TezgahTests", dependencies: ["Tezgah"]),
        // The demo shop these tests read has its mail written by the runtime's composer (DemoShop.mailed).
        .testTarget(name: "TezgahStoreTests", dependencies: ["Tezgah", "TezgahStore", "TezgahRuntime", "TezgahTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TezgahUITests", dependencies: ["Tezgah", "TezgahUI"], exclude: ["Snapshots"]),
        .testTarget(name: "TezgahTerminalTests", dependencies: ["TezgahTerminal", "TezgahUI"]),
        .testTarget(name: "TezgahMailTests", dependencies: ["Tezgah", "TezgahMail", "TezgahTestSupport"]),
        .testTarget(name: "TezgahDeliveryTests", dependencies: [
            "Tezgah", "TezgahMail", "TezgahStore", "TezgahDelivery", "TezgahTestSupport", "TezgahShopTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "TezgahRuntimeTests", dependencies: [
            "Tezgah", "TezgahStore", "TezgahUI", "TezgahRuntime", "TezgahMail", "TezgahTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Replays the fuzzers' kept corpus (Tests/TezgahFuzzingTests/Corpus) through the same checks.
        .testTarget(name: "TezgahFuzzingTests", dependencies: ["TezgahFuzzing"], exclude: ["Corpus"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "tezgah", "Tezgah", "TezgahStore", "TezgahMail", "TezgahDelivery", "TezgahTestSupport", "TezgahShopTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
