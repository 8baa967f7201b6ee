import Foundation

/// A Maildir as Postfix, Dovecot, mbsync and getmail write it: one file per message in `new/` (not
/// yet seen by a client) or `cur/` (seen, its flags after `:2,`). tezgah only reads it: it never
/// renames, moves or deletes a file, so the owner's own mail client sees the mailbox as it was.
public struct Maildir: Sendable {
    public let path: String

    public init(path: String) {
        self.path = (path as NSString).expandingTildeInPath
    }

    /// A message file and its identity.
    public struct File: Sendable {
        public var path: String
        /// The unique part of the name, before `:2,` and the flags: a file that moves from `new/` to
        /// `cur/` and gains flags keeps it, so it is never read twice.
        public var key: String
        public var modified: Date
    }

    /// Whether `path` looks like a Maildir (it has `cur/` or `new/`).
    public var exists: Bool {
        var isFolder: ObjCBool = false
        return ["cur", "new"].contains { FileManager.default.fileExists(atPath: path + "/" + $0, isDirectory: &isFolder) && isFolder.boolValue }
    }

    /// The message files of `new/` and `cur/`, except those whose key is in `known`; `tmp/` holds
    /// mail still being delivered and is left alone. Dot files (Dovecot's indexes) are not messages.
    public func files(excluding known: Set<String>) -> [File] {
        var files: [File] = []
        var seen = Set<String>()
        for folder in ["new", "cur"] {
            let directory = path + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let key = Self.key(of: name)
                guard !known.contains(key), seen.insert(key).inserted else { continue }
                let file = directory + "/" + name
                let attributes = try? FileManager.default.attributesOfItem(atPath: file)
                guard (attributes?[.type] as? FileAttributeType) != .typeDirectory else { continue }
                files.append(File(path: file, key: key, modified: attributes?[.modificationDate] as? Date ?? Date()))
            }
        }
        return files
    }

    /// `1733487000.M5P12.host,S=2048:2,S` → `1733487000.M5P12.host,S=2048`.
    static func key(of name: String) -> String {
        if let colon = name.range(of: ":2,") ?? name.range(of: "!2,") { return String(name[..<colon.lowerBound]) }
        return name
    }
}
