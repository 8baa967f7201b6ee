import Foundation
@_exported import TezgahTestSupport

/// The built `tezgah` executable and helpers to run it as a user would.
enum TezgahBinary {
    /// `TEZGAH_BIN` if set, else the `tezgah` beside this test bundle in the build folder.
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["TEZGAH_BIN"] { return explicit }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("tezgah").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return checkout.appendingPathComponent(".build/debug/tezgah").path
    }()

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// A demo shop of 800 orders (seed 5) built by the binary in `scratch`, as the desk tests use.
    static func demoShop(in scratch: Scratch) -> String {
        let path = scratch.file("demo.sqlite")
        let result = try! run(["demo", "--orders", "800", "--seed", "5", "--db", path])
        precondition(result.status == 0, "demo build failed: \(result.error)")
        return path
    }

    /// Runs the binary to completion with arguments (never through a shell).
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try runProgram(path, arguments, environment: environment)
    }

    /// Runs any program to completion with arguments (never through a shell).
    static func runProgram(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        // The command line speaks the environment's language: English unless the test asks.
        var inherited = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES"] { inherited[name] = nil }
        inherited["LANG"] = "C.UTF-8"
        process.environment = inherited.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                      error: String(decoding: errData, as: UTF8.self))
    }
}

/// A scratch folder per test.
typealias Scratch = TemporaryFolder
