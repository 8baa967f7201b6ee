import Foundation
import Testing

/// An import and an inbox sync onto a disk with no room left, then an import onto it mounted
/// read-only: one sentence each, status 1, and the shop as it was. The disk is a small tmpfs the test mounts (it needs root, as CI runs; without
/// it the test says so and checks nothing).
@Suite(.serialized) struct DiskFullTests {
    @Test func anImportAndASyncOnAFullDiskChangeNothing() throws {
        let scratch = Scratch()
        let disk = scratch.file("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mount = try TezgahBinary.runProgram("/bin/mount", ["-t", "tmpfs", "-o", "size=1500k", "tmpfs", disk])
        guard mount.status == 0 else {
            print("skipped: cannot mount a small tmpfs here (\(mount.error.trimmingCharacters(in: .whitespacesAndNewlines))); the full-disk test needs root")
            return
        }
        defer { _ = try? TezgahBinary.runProgram("/bin/umount", [disk]) }
        let shop = disk + "/shop.sqlite"
        let small = scratch.file("small.csv"), large = scratch.file("large.csv")
        try ImportCrashTests.export(small, count: 200, refunds: false)
        try ImportCrashTests.export(large, count: 10_000, refunds: true)
        let first = try TezgahBinary.run(["import", "--db", shop, small])
        #expect(first.status == 0, "\(first.error)")
        let before = try ImportCrashTests.content(shop)

        let refused = try TezgahBinary.run(["import", "--db", shop, large])
        #expect(refused.status == 1)
        #expect(refused.error == "\(large): The disk holding the shop database is full; nothing was changed. Free some space (df -h shows how much is left) and try again.\n")
        #expect(try ImportCrashTests.content(shop) == before, "the shop as it was (and whole)")

        let maildir = try scratch.maildir()
        let body = String(repeating: "Kupam kırık geldi, ne yapmalıyım? ", count: 200)
        for index in 0..<400 {
            try Data("From: Müşteri \(index) <m\(index)@example.net>\r\nSubject: Kupa \(index)\r\nMessage-ID: <f\(index)@example.net>\r\n\r\n\(body)\r\n".utf8)
                .write(to: URL(fileURLWithPath: "\(maildir)/new/\(1_796_536_800 + index).M\(index)P1.mx"))
        }
        let sync = try TezgahBinary.run(["inbox", "sync", "--maildir", maildir, "--db", shop])
        #expect(sync.status == 1)
        #expect(sync.error.contains("The disk holding the shop database is full; nothing was changed."), "\(sync.error)")
        #expect(try ImportCrashTests.content(shop) == before)

        // The same disk mounted read-only: an import is refused with why, and the shop is as it was.
        let readOnly = try TezgahBinary.runProgram("/bin/mount", ["-o", "remount,ro", disk])
        #expect(readOnly.status == 0, "\(readOnly.error)")
        let onReadOnly = try TezgahBinary.run(["import", "--db", shop, small])
        #expect(onReadOnly.status == 1)
        #expect(onReadOnly.error.contains("Cannot open the shop database \(shop): it is on a read-only file system"), "\(onReadOnly.error)")
        _ = try TezgahBinary.runProgram("/bin/mount", ["-o", "remount,rw", disk])
        #expect(try ImportCrashTests.content(shop) == before)
    }
}
