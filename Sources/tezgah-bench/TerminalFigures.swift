import Foundation
import TezgahTestSupport

/// Figures measured on the real binary in a pseudo-terminal.
enum TerminalFigures {
    /// Milliseconds from starting a program to its first full frame, medians of `runs` starts each,
    /// taken in turn so that the machine's drift over the minute touches all three alike:
    /// - `typed`: `tezgah` as the owner types it every day, with no arguments (the shop from
    ///   `$TEZGAH_DB`);
    /// - `withDatabaseOption`: `tezgah --db PATH`, which goes through ArgumentParser;
    /// - `sqlite`: `sqlite3` running the queries behind the first frame on the same file.
    ///
    /// tezgah's first frame is the Orders pane's "needs action" view. ncurses draws top to bottom and
    /// the status bar's last word is "help" (its key "?" carries another style, so an escape sits
    /// between).
    static func firstFrames(binary: String, database: String, runs: Int) throws
        -> (typed: Double, withDatabaseOption: Double, sqlite: Double) {
        let scriptFile = try writeFirstPageScript()
        var typed: [Double] = [], withOption: [Double] = [], sqlite: [Double] = []
        for _ in 0..<runs {
            typed.append(try desk(binary, arguments: [], environment: ["TEZGAH_DB": database]))
            withOption.append(try desk(binary, arguments: ["--db", database], environment: [:]))
            // Started and read the same way as tezgah (a pty, timed until its output shows), so both
            // figures carry the same cost of starting a process. (Foundation's Process added ~45 ms.)
            let session = try PseudoTerminalSession(binary: "/usr/bin/sqlite3", arguments: ["-batch", "-readonly", database, ".read \(scriptFile)"],
                                                    rows: 40, columns: 120)
            let shown = try session.waitFor("first-page-done")
            sqlite.append((shown - session.started).milliseconds)
        }
        return (median(typed), median(withOption), median(sqlite))
    }

    private static func desk(_ binary: String, arguments: [String], environment: [String: String]) throws -> Double {
        let session = try PseudoTerminalSession(binary: binary, arguments: arguments, environment: environment, rows: 40, columns: 120)
        let shown = try session.waitFor("help")
        // Quit as the owner does, so the next start finds the files a clean exit leaves (a killed
        // desk leaves SQLite's write-ahead log behind, which a clean exit may not).
        session.send("q")
        session.waitForExit()
        return (shown - session.started).milliseconds
    }

    /// What tezgah's first frame asks of SQLite: settings, emptiness, the first window of the "needs
    /// action" view (one row more than shown), the counts and saved filters. (The detail waits for
    /// Enter, so the first frame loads none.)
    private static func writeFirstPageScript() throws -> String {
        let needsAction = "t.status IN ('received', 'preparing', 'on_hold') AND t.payment_status IN ('paid', 'partially_refunded')"
        let script = """
            SELECT value FROM settings WHERE key = 'shop.timezone';
            SELECT value FROM settings WHERE key = 'shop.name';
            SELECT EXISTS (SELECT 1 FROM orders) OR EXISTS (SELECT 1 FROM customers);
            SELECT t.placed_at, t.id, t.number, c.name, t.status, t.payment_status, t.currency, t.total_minor, t.item_count
              FROM orders t JOIN customers c ON c.id = t.customer_id WHERE \(needsAction) ORDER BY t.placed_at, t.id LIMIT 38;
            SELECT rows FROM list_counts WHERE list = 'orders';
            SELECT count(*) FROM (SELECT 1 FROM orders t WHERE (\(needsAction)) ORDER BY t.placed_at, t.id LIMIT 10001);
            SELECT name, query FROM saved_filters WHERE pane = 'orders' ORDER BY created_at;
            """
        let scriptFile = NSTemporaryDirectory() + "tezgah-bench-first-page.sql"
        try (script + "\nSELECT 'first-page' || '-done';\n").write(toFile: scriptFile, atomically: true, encoding: .utf8)
        return scriptFile
    }

    /// Peak resident memory (MB) of the TUI after visiting every pane with its detail open, and the
    /// bytes written for one `j`: on the list as the desk opens (the detail closed), while `j` is held,
    /// and with the detail open beside the list.
    static func memoryAndBytesPerMove(binary: String, database: String, moves: Int) throws
        -> (peakMB: Double, bytesPerMove: Double, bytesPerHeldMove: Double, bytesPerMoveWithDetail: Double) {
        let session = try PseudoTerminalSession(binary: binary, arguments: ["--db", database], rows: 40, columns: 120)
        _ = try session.waitFor("help")
        session.drain()
        // Every order, not the "needs action" view, so j always has a row to move to: / Ctrl-U Enter.
        session.send("/\u{15}\r")
        session.drain(quiet: .milliseconds(300))
        // Enter opens the detail, which stays open from pane to pane: every pane's detail is loaded.
        // Later frames are diffs against the screen, so their text cannot be matched; wait for quiet.
        session.send("\r")
        session.drain(quiet: .milliseconds(300))
        for key in ["\t", "\t", "\t", "\t", "\t", "\t"] {
            session.send(key)
            session.drain(quiet: .milliseconds(300))
            session.send("j")
            session.drain(quiet: .milliseconds(150))
        }
        session.send("\u{1b}") // Esc closes the detail
        session.drain(quiet: .milliseconds(300))
        let dump = ProcessInfo.processInfo.environment["TEZGAH_BENCH_DUMP_MOVE"]
        func medianBytesPerMove() throws -> Double {
            var bytes: [Double] = []
            for _ in 0..<moves {
                session.send("j")
                let before = session.output.count
                bytes.append(Double(session.drain(quiet: .milliseconds(120))))
                if let dump {
                    // For finding out what a move costs: the raw bytes of the last one.
                    try Data(session.output[before...]).write(to: URL(fileURLWithPath: dump))
                }
            }
            return median(bytes)
        }
        let listAlone = try medianBytesPerMove()
        // Holding j down: keys arrive at a typical repeat rate (30 a second).
        var heldBytes = 0
        let held = 60
        for _ in 0..<held {
            session.send("j")
            heldBytes += session.drain(quiet: .milliseconds(33))
        }
        heldBytes += session.drain(quiet: .milliseconds(200))
        session.send("\r")
        session.drain(quiet: .milliseconds(300))
        let withDetail = try medianBytesPerMove()
        let peak = Double(session.peakResidentKilobytes() ?? 0) / 1_024
        session.send("\u{1b}")
        session.drain(quiet: .milliseconds(100))
        session.send("q")
        return (peak, listAlone, Double(heldBytes) / Double(held), withDetail)
    }
}
