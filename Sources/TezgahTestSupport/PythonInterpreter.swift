import Foundation

/// The Python the tests run: the first `python3` that can import what a helper needs.
///
/// Debian and Ubuntu ship the test SMTP server as `python3-aiosmtpd` for the system Python
/// (`/usr/bin/python3`), and their system Python refuses `pip install` (PEP 668); a machine where a
/// pyenv or venv Python comes first on `PATH` may have it from pip instead. Either works.
public enum PythonInterpreter {
    /// `TEZGAH_TEST_PYTHON` if set, else `python3` on `PATH`, else `/usr/bin/python3`: the first that
    /// imports every module in `modules`. Nil when none does.
    public static func path(importing modules: [String] = []) -> String? {
        let key = modules.joined(separator: ",")
        return cache.withLock { cached in
            if let found = cached[key] { return found }
            let found = candidates().first { canImport(modules, with: $0) }
            cached[key] = found
            return found
        }
    }

    private static let cache = Locked<[String: String?]>([:])

    static func candidates(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        if let explicit = environment["TEZGAH_TEST_PYTHON"], !explicit.isEmpty { return [explicit] }
        let onPath = (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
        var seen = Set<String>()
        return (onPath + ["/usr/bin/python3"]).filter { seen.insert($0).inserted }
    }

    private static func canImport(_ modules: [String], with python: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", modules.isEmpty ? "pass" : "import " + modules.joined(separator: ", ")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// A value behind a lock, for the few caches the test helpers share across test threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
