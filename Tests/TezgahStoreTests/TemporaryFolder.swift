import Foundation

/// A fresh folder under the system temp dir, removed when the value goes away.
final class TemporaryFolder: Sendable {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "tezgah-store-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A fixed clock, so demo shops built in tests are the same on every run.
let testNow = Date(timeIntervalSince1970: 1_795_400_000) // 2026-11-23 (UTC)
