import Foundation
import Testing

/// Customer data stays the owner's: every file and folder tezgah creates (the shop and its -wal and
/// -shm, the data folder, the `:` history, the locale note, reply drafts, exported coupons) is
/// readable by its user alone, even when tezgah is started with a umask of 000.
@Suite struct FilePermissionsTests {
    /// `arguments` run by the binary under `umask 000`.
    static func permissively(_ arguments: [String]) -> [String] {
        ["/bin/sh", "-c", "umask 000; exec \"$0\" \"$@\"", TezgahBinary.path] + arguments
    }

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    @Test func everythingTezgahCreatesIsPrivateWhateverTheUmask() throws {
        let scratch = Scratch()
        let csv = scratch.file("orders_export.csv")
        try """
            Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Name
            #1001,ayse@example.com.tr,paid,TRY,10,2026-01-01 10:00:00 +0300,1,Kupa,10,Ayşe Yılmaz

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        let shopFolder = scratch.file("shops/ayse")
        let shop = shopFolder + "/shop.sqlite"
        let command = Self.permissively(["import", "--db", shop, csv])
        let imported = try TezgahBinary.runProgram(command[0], Array(command.dropFirst()))
        #expect(imported.status == 0, "\(imported.error)")
        let exported = Self.permissively(["export", "coupons", "--all", "--out", scratch.file("coupons.csv"), "--db", shop])
        #expect(try TezgahBinary.runProgram(exported[0], Array(exported.dropFirst())).status == 0)

        // The desk, with a locale the machine lacks (so the note is written), a `:` command
        // (history) and a reply written with no [mail] section to send it (so its draft is kept).
        let editor = scratch.file("editor.sh")
        try "#!/bin/sh\nsed -i '3a Merhaba' \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let demo = TezgahBinary.demoShop(in: scratch)
        let data = scratch.file("data")
        let session = try TmuxSession(command: Self.permissively(["--db", demo]),
                                      environment: ["XDG_DATA_HOME": data, "XDG_CONFIG_HOME": scratch.file("config"),
                                                    "LANG": "tr_TR.UTF-8", "EDITOR": editor, "VISUAL": ""],
                                      width: 100, height: 30, scratch: scratch)
        _ = try session.waitFor(text: "F1 Siparişler")
        try session.colon("insight", showing: "Analiz · son 30 gün")
        try session.send("Escape")
        try session.send("F4")
        _ = try session.waitFor(text: "is:needs-reply")
        try session.send("r")
        _ = try session.waitFor(text: "Gönderilmedi: config.toml içinde gönderecek bir [mail] bölümü yok")
        try session.send("q")
        #expect(session.exitStatus() == 0)

        let drafts = (try? FileManager.default.contentsOfDirectory(atPath: data + "/tezgah/drafts")) ?? []
        #expect(!drafts.isEmpty, "the reply's draft is kept")
        var files = [shop, scratch.file("coupons.csv"), data + "/tezgah/command-history"]
        files += drafts.map { data + "/tezgah/drafts/" + $0 }
        // The note is written only where tr_TR.UTF-8 is missing (as on CI); SQLite removes -wal and -shm on a clean close.
        files += [data + "/tezgah/locale-notice", shop + "-wal", shop + "-shm"].filter { FileManager.default.fileExists(atPath: $0) }
        for file in files {
            #expect(Self.mode(file) == 0o600, "\(file) is \(Self.mode(file).map { String($0, radix: 8) } ?? "missing")")
        }
        for folder in [shopFolder, data + "/tezgah", data + "/tezgah/drafts"] {
            #expect(Self.mode(folder) == 0o700, "\(folder) is \(Self.mode(folder).map { String($0, radix: 8) } ?? "missing")")
        }
    }
}
