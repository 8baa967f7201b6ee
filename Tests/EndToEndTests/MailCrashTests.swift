import Foundation
import Testing
import Tezgah
import TezgahMail
import TezgahStore
import TezgahDelivery
import TezgahShopTestSupport

/// The Postfix promise, tested on the real binary: a delivery worker killed with SIGKILL at random
/// moments and restarted loses no mail, and repeats at most the mail in flight at each kill (one per
/// session; the worker keeps several side by side) — with the same Message-ID, so the repeat is
/// recognisable.
@Suite(.serialized) struct MailCrashTests {
    static let mails = 1_000

    @Test func killedWorkersLoseNothingAndRepeatOnlyWhatWasInFlight() throws {
        let shop = try OutboxFixture()
        shop.clock.now = Date() // the binary runs on the real clock; the mail must not have expired
        let server = try SMTPTestServer(folder: shop.folder)
        var expected: [String: String] = [:] // Message-ID → address
        for index in 0..<Self.mails {
            let address = "alici\(index)@example.com"
            let id = try shop.enqueue(to: address, name: "Alıcı \(index)", key: "crash:\(index)")
            expected[try shop.mail(id).messageID] = address
        }
        let config = shop.folder.file("config.toml")
        try server.writeConfig(to: config, extra: """
            timeout_seconds = 10
            [mail.queue]
            poll_seconds = 1
            """)
        let arguments = ["mail", "run", "--db", shop.folder.file("shop.sqlite"), "--config", config]
        let log = shop.folder.file("worker.log")
        #expect(FileManager.default.createFile(atPath: log, contents: nil))

        var kills = 0
        var delays: [Int] = []
        // Kill while mail is still flowing; the last kills may land on an idle worker, which is fine.
        while kills < 15 && server.received().count < Self.mails {
            let worker = try Self.start(arguments, log: log)
            let delay = Int.random(in: 40...400)
            delays.append(delay)
            usleep(useconds_t(delay * 1000))
            if worker.isRunning {
                kill(worker.processIdentifier, SIGKILL)
                kills += 1
            }
            worker.waitUntilExit()
        }
        // Then one worker that is left alone to finish what is due.
        let final = try TezgahBinary.run(arguments + ["--once"])
        let workerLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(final.status == 0, "\(final.error)\n\(workerLog)")

        let unsettled = try shop.database.outboxMails(states: [.queued, .deferred, .sending], limit: 10)
        #expect(unsettled.isEmpty, "\(unsettled.map { "\($0.id) \($0.state) \($0.lastReply)" })")
        #expect(try shop.database.outboxMails(states: [.sent], limit: Self.mails + 1).count == Self.mails)

        let arrived = server.received()
        var copies: [String: Int] = [:]
        for message in arrived {
            let id = Self.header("Message-ID", in: message) ?? "<none>"
            copies[id, default: 0] += 1
            #expect(expected[id] != nil, "a message nobody queued arrived: \(id)")
            if let address = expected[id] { #expect(Self.header("To", in: message)?.contains(address) == true) }
        }
        let missing = expected.keys.filter { copies[$0] == nil }
        let duplicates = arrived.count - copies.count
        #expect(missing.isEmpty, "\(missing.count) mails never arrived")
        #expect(duplicates <= kills * SMTPSettings.defaultConnections, "\(duplicates) duplicates after \(kills) kills (delays \(delays))")
        #expect(kills >= 3, "the worker finished before it could be killed often enough (delays \(delays))")
        print("mail crash test: \(kills) kills, \(arrived.count) arrived, \(duplicates) duplicates, delays \(delays) ms")
    }

    static func start(_ arguments: [String], log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TezgahBinary.path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let handle = FileHandle(forWritingAtPath: log)
        handle?.seekToEndOfFile()
        process.standardError = handle
        try process.run()
        return process
    }

    /// A header's value from a raw message, unfolded (RFC 5322 §2.2.3).
    static func header(_ name: String, in message: Data) -> String? {
        var fields: [String] = []
        // Split on LF bytes: in a Swift String "\r\n" is one Character and would not split.
        for rawLine in message.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = String(decoding: rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine, as: UTF8.self)
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1] += line
            } else {
                fields.append(line)
            }
        }
        let prefix = name.lowercased() + ":"
        return fields.first { $0.lowercased().hasPrefix(prefix) }.map { $0.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces) }
    }
}
