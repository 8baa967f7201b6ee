import Foundation

/// A fresh folder under the system temp dir, removed when the value goes away. Tests put their
/// real SQLite files, Maildirs and scratch output here.
public final class TemporaryFolder: Sendable {
    public let path: String

    public init(_ label: String = "tezgah-test") {
        path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> String { path + "/" + name }

    /// An empty Maildir (`new`, `cur`, `tmp`) named `name` in this folder; its path.
    public func maildir(_ name: String = "Maildir") throws -> String {
        let maildir = file(name)
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true)
        }
        return maildir
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
