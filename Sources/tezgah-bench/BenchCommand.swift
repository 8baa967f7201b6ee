import ArgumentParser
import Foundation
import TezgahMail
import TezgahDelivery

/// `tezgah-bench`: measures the figures of issue #5 and prints one line each, plus a JSON file.
/// Nothing here is a test assertion; targets are reported as met (✓) or missed (✗).
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tezgah-bench",
        abstract: "Measure tezgah's speed and memory on demo shops of 10k and 1M orders (100k with --quick), and its mail delivery.")

    @Flag(help: "Spot check: 100k orders instead of 1M, fewer repetitions (a few minutes).")
    var quick = false

    @Option(help: "Where demo shops are cached between runs.")
    var data = ".build/bench-data"

    @Option(help: "Where the JSON results go.")
    var json = ".build/bench-results.json"

    @Option(help: "The tezgah binary to measure (default: the one beside this benchmark).")
    var binary: String?

    @Option(help: "Measure only these groups, comma-separated: frame, core, terminal, import, mail, inbox, automations, insight (default: all).")
    var only: String?

    func run() throws {
        let tezgah = binary ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tezgah").path
        guard FileManager.default.isExecutableFile(atPath: tezgah) else {
            throw ValidationError("No tezgah binary at \(tezgah); build it first: swift build -c release")
        }
        let large = quick ? 100_000 : 1_000_000
        let repeats = quick ? 5 : 11
        let datasets = Datasets(folder: data)
        let smallShop = try datasets.shop(orders: 10_000)
        let largeShop = try datasets.shop(orders: large)
        let largeLabel = quick ? "100k" : "1M"
        var figures: [Figure] = []
        let groups = only.map { Set($0.split(separator: ",").map(String.init)) }
        func wanted(_ group: String) -> Bool { groups?.contains(group) ?? true }
        func report(_ figure: Figure) {
            print(figure.line)
            figures.append(figure)
        }

        if wanted("frame") {
            let first = try TerminalFigures.firstFrames(binary: tezgah, database: largeShop, runs: repeats)
            func frameFigure(_ name: String, _ value: Double, started how: String) -> Figure {
                Figure(name: name, value: value, unit: "ms", comparison: first.sqlite, comparisonLabel: "sqlite3 first-page queries",
                       target: "≤ 3× sqlite3 and ≤ 60 ms", meetsTarget: value <= 60 && value <= 3 * first.sqlite,
                       note: "\(how); 120×40 pty, median of \(repeats), taken in turn with sqlite3")
            }
            report(frameFigure("first frame (\(largeLabel))", first.typed, started: "`tezgah` as typed, shop from $TEZGAH_DB"))
            report(frameFigure("first frame, --db (\(largeLabel))", first.withDatabaseOption,
                               started: "`tezgah --db PATH`, parsed by ArgumentParser"))
        }

        if wanted("core") {
            let keys = quick ? 300 : 1_200
            let small = try CoreFigures.keyToFrame(database: smallShop, keys: keys)
            let big = try CoreFigures.keyToFrame(database: largeShop, keys: keys)
            report(Figure(name: "key → frame (10k)", value: small.all, unit: "ms", comparison: nil, comparisonLabel: nil,
                          target: "median ≤ 2 ms", meetsTarget: small.all <= 2,
                          note: small.note))
            report(Figure(name: "key → frame (\(largeLabel))", value: big.all, unit: "ms", comparison: small.all, comparisonLabel: "10k",
                          target: "median ≤ 2 ms; \(largeLabel) ÷ 10k ≤ 1.5", meetsTarget: big.all <= 2 && big.all <= 1.5 * small.all,
                          note: big.note))
            // The Turkish desk says every cell through the catalogue and reads kept reasons back.
            let turkish = try CoreFigures.keyToFrame(database: largeShop, keys: keys, language: .turkish)
            report(Figure(name: "key → frame, Turkish (\(largeLabel))", value: turkish.all, unit: "ms", comparison: big.all,
                          comparisonLabel: "English", target: "median ≤ 2 ms", meetsTarget: turkish.all <= 2, note: turkish.note))

            let filter = try CoreFigures.filterKeystroke(database: largeShop, rounds: quick ? 4 : 10)
            report(Figure(name: "filter keystroke (\(largeLabel))", value: filter, unit: "ms", comparison: nil, comparisonLabel: nil,
                          target: "median ≤ 20 ms", meetsTarget: filter <= 20, note: "typing ışıklı / şükrüç one key at a time"))
        }

        if wanted("terminal") {
            let terminal = try TerminalFigures.memoryAndBytesPerMove(binary: tezgah, database: largeShop, moves: quick ? 20 : 60)
            report(Figure(name: "memory after every pane (\(largeLabel))", value: terminal.peakMB, unit: "MB", comparison: nil, comparisonLabel: nil,
                          target: "≤ 40 MB", meetsTarget: terminal.peakMB <= 40, note: "peak RSS (VmHWM)"))
            report(Figure(name: "bytes per move (120×40)", value: terminal.bytesPerMove, unit: "bytes", comparison: nil, comparisonLabel: nil,
                          target: "≤ 200", meetsTarget: terminal.bytesPerMove <= 200,
                          note: "one j, median; the list as the desk opens, the detail closed"))
            report(Figure(name: "bytes per move, j held (120×40)", value: terminal.bytesPerHeldMove, unit: "bytes", comparison: nil,
                          comparisonLabel: nil, target: "(no target; shows a burst)", meetsTarget: nil,
                          note: "60 j at 30 keys/s, total ÷ 60"))
            report(Figure(name: "bytes per move, detail open", value: terminal.bytesPerMoveWithDetail, unit: "bytes",
                          comparison: nil, comparisonLabel: nil, target: "(no target; Enter opened it)", meetsTarget: nil,
                          note: "one j, median; redraws the detail beside the list for the new row"))
        }

        if wanted("import") {
            let export = try ImportFigure.export(orders: 100_000, folder: data)
            let imported = try ImportFigure.measure(binary: tezgah, export: export, folder: data, runs: quick ? 1 : 3)
            func peak(_ megabytes: Double?) -> String { megabytes.map { String(format: "peak memory %.0f MB", $0) } ?? "peak memory not measured" }
            report(Figure(name: "import (100k Shopify)", value: imported.fresh, unit: "s", comparison: imported.floor,
                          comparisonLabel: "sqlite3, same schema", target: "≤ 1.3× the floor, ≤ 60 MB",
                          meetsTarget: imported.fresh <= 1.3 * imported.floor && (imported.freshPeakMB ?? 0) <= 60,
                          note: "a fresh shop; \(peak(imported.freshPeakMB)); sqlite3 .import into a plain table "
                            + String(format: "%.2f s (tezgah %.2f×, the floor %.2f×)", imported.plain, imported.fresh / imported.plain,
                                     imported.floor / imported.plain)))
            report(Figure(name: "  … again, nothing changed", value: imported.again, unit: "s", comparison: imported.floor,
                          comparisonLabel: "sqlite3, same schema", target: "≤ 0.5× the floor, ≤ 60 MB",
                          meetsTarget: imported.again <= 0.5 * imported.floor && (imported.againPeakMB ?? 0) <= 60,
                          note: "the same file into the shop it made; \(peak(imported.againPeakMB))"))
        }

        if wanted("mail") {
            let mails = quick ? 1_000 : 10_000
            let queue = try MailFigure.queue(mails: mails, folder: data)
            let delivered = try MailFigure.measure(binary: tezgah, queue: queue, folder: data, runs: quick ? 3 : 5)
            let runs = quick ? 3 : 5
            report(Figure(name: "mail throughput (\(quick ? "1k" : "10k"))", value: delivered.tezgah, unit: "mails/s",
                          comparison: delivered.smtplib, comparisonLabel: "smtplib, one connection", target: "≥ 1.0× smtplib",
                          meetsTarget: delivered.tezgah >= delivered.smtplib,
                          note: "both start to exit: tezgah mail run --once (claim + SMTP + record, \(SMTPSettings.defaultConnections) sessions, the default) vs python3 smtplib, each to its own local aiosmtpd; median of \(runs)"))
            report(Figure(name: "  … tezgah on one connection", value: delivered.tezgahOneConnection, unit: "mails/s",
                          comparison: delivered.smtplib, comparisonLabel: "smtplib, one connection", target: "for the record",
                          meetsTarget: nil,
                          note: "connections = 1: the same worker with one session, as smtplib has; median of \(runs)"))
        }

        if wanted("inbox") {
            let messages = quick ? 2_000 : 20_000
            let maildir = try InboxFigure.maildir(messages: messages, folder: data)
            let synced = try InboxFigure.measure(binary: tezgah, maildir: maildir, folder: data)
            let label = quick ? "2k" : "20k"
            report(Figure(name: "inbox sync (\(label) mails)", value: synced.first, unit: "s", comparison: synced.notmuch,
                          comparisonLabel: "notmuch new", target: "≤ 1× notmuch new, ≤ 60 MB",
                          meetsTarget: synced.notmuch.map { synced.first <= $0 && (synced.peakMB ?? 0) <= 60 },
                          note: "a fresh shop, the Maildir in the page cache for both"
                            + (synced.peakMB.map { String(format: "; peak memory %.0f MB", $0) } ?? "")
                            + (synced.notmuch == nil ? "; notmuch is not installed" : "")))
            report(Figure(name: "  … again, nothing new", value: synced.again, unit: "s", comparison: nil, comparisonLabel: nil,
                          target: "< 1 s", meetsTarget: synced.again < 1, note: "lists the Maildir, reads no file"))
        }

        if wanted("automations") {
            let pass = try AutomationFigure.measure(shop: largeShop, folder: data, passes: quick ? 5 : 11)
            report(Figure(name: "automations, idle pass (\(largeLabel))", value: pass.idle, unit: "ms", comparison: nil, comparisonLabel: nil,
                          target: "≤ 20 ms", meetsTarget: pass.idle <= 20, note: pass.idleNote))
            report(Figure(name: "automations, 1,000 invites (\(largeLabel))", value: pass.thousand, unit: "s", comparison: nil, comparisonLabel: nil,
                          target: "≤ 1 s", meetsTarget: pass.thousand <= 1,
                          note: "\(pass.queued) invites composed and queued in one transaction"))
            report(Figure(name: "loyalty, daily pass (\(largeLabel))", value: pass.loyaltyDay, unit: "s", comparison: nil, comparisonLabel: nil,
                          target: "≤ 2 s", meetsTarget: pass.loyaltyDay <= 2,
                          note: String(format: "tiers and expiry for %d members; the first day, catching up with %d mails, took %.2f s",
                                       pass.members, pass.firstDayMails, pass.firstDay)))
            report(Figure(name: "loyalty, member detail (\(largeLabel))", value: AutomationFigure.memberDetail, unit: "ms", comparison: nil,
                          comparisonLabel: nil, target: "≤ 2 ms (key → frame)", meetsTarget: AutomationFigure.memberDetail <= 2,
                          note: "the member with the longest ledger: ledger, coupons, referrals"))
        }

        if wanted("insight") {
            let insight = try InsightFigure.measure(shop: largeShop, runs: repeats)
            report(Figure(name: "customer view (\(largeLabel))", value: insight.customerView, unit: "ms", comparison: nil,
                          comparisonLabel: nil, target: "≤ 2 ms (key → frame)", meetsTarget: insight.customerView <= 2,
                          note: insight.customerNote))
            report(Figure(name: "  … first open (\(largeLabel))", value: insight.firstOpen, unit: "ms", comparison: nil,
                          comparisonLabel: nil, target: "≤ 2 ms (key → frame)", meetsTarget: insight.firstOpen <= 2,
                          note: "a new connection that has read another customer: nothing of this one in SQLite's cache, the file in the OS's; median of \(repeats)"))
            report(Figure(name: "insight figures (\(largeLabel))", value: insight.insight, unit: "ms", comparison: nil, comparisonLabel: nil,
                          target: "≤ 50 ms", meetsTarget: insight.insight <= 50,
                          note: insight.insightNote + (insight.upgrade.map { String(format: "; upgrading the shop to its summaries and covering indexes took %.1f s once", $0) } ?? "")))
        }

        let formatter = ISO8601DateFormatter()
        let result = Report(date: formatter.string(from: Date()), machine: Report.machineDescription(),
                            mode: quick ? "quick" : "full", figures: figures)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(atPath: (json as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try encoder.encode(result).write(to: URL(fileURLWithPath: json))
        print("machine: \(result.machine)\nresults: \(json)")
    }
}
