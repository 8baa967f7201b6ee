import Foundation
import Testing

/// Compares text with `Snapshots/NAME.txt`. With `TEZGAH_RECORD_SNAPSHOTS=1` the file is (re)written
/// instead, and the test fails so a recording is never mistaken for a pass; read the file before
/// committing it.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["TEZGAH_RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded \(file.path); unset TEZGAH_RECORD_SNAPSHOTS and run again.", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("No snapshot \(file.path); record it with TEZGAH_RECORD_SNAPSHOTS=1.", sourceLocation: sourceLocation)
        return
    }
    #expect(text == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}

/// The buffer's text framed so trailing spaces and the exact width are visible in the file.
func framed(_ lines: [String]) -> String {
    lines.map { "|" + $0 + "|" }.joined(separator: "\n") + "\n"
}
