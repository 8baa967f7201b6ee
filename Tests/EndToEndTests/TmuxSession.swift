import Foundation
import Testing

/// A real terminal: a detached tmux session on its own server socket, running one command.
/// Keys go in with `send-keys`; the screen comes back with `capture-pane`.
final class TmuxSession {
    let socket = "tezgah-e2e-\(UUID().uuidString.prefix(8))"
    let exitFile: String

    init(command: [String], environment: [String: String], width: Int, height: Int, scratch: Scratch) throws {
        exitFile = scratch.file("exit-status-\(socket)")
        // The locale is C.UTF-8 unless the test names one; then only what it names is set, so a client's
        // LANG=tr_TR.UTF-8 is not overruled by an LC_ALL from the machine running the tests.
        let localeVariables = ["LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES"]
        let namesLocale = environment.keys.contains { localeVariables.contains($0) }
        let env = environment.merging(namesLocale ? [:] : ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]) { mine, _ in mine }
            .map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        // `swift test` runs tests with NO_COLOR=1; the terminal under test starts without it unless asked.
        let unset = (["NO_COLOR"] + localeVariables).map { "-u \($0)" }.joined(separator: " ")
        let shellCommand = "env \(unset) \(env) \(command.map(Self.quote).joined(separator: " ")); echo $? > \(Self.quote(exitFile)); sleep 60"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "e2e", shellCommand])
        try tmux(["set-option", "-g", "status", "off"])
        try tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tmux client command and returns what it printed.
    ///
    /// Spawned with posix_spawn and reaped with waitpid: Foundation's `Process` learns of a child's
    /// exit through a descriptor the child inherits, and the server `new-session` forks keeps that
    /// descriptor open for ever, so `waitUntilExit` would never return.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputFile = NSTemporaryDirectory() + "tmux-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Test threads block signals such as SIGWINCH; a child would inherit that mask and tezgah,
        // under the tmux server, would never hear of a resize. Start it with a clean mask.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
    }

    /// Types `:command`, Enter, and waits for `text` on the screen.
    @discardableResult
    func colon(_ command: String, showing text: String) throws -> String {
        try send(":")
        try send(command, literal: true)
        try send("Enter")
        return try waitFor(text: text)
    }

    /// Keys in tmux's names ("j", "Escape", "PageDown", "C-c"); literal text with `literal: true`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", "e2e"] + (literal ? ["-l"] : []) + keys)
    }

    func screen(withEscapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "e2e"] + (withEscapes ? ["-e"] : []))
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen satisfies `condition` and has settled, or fails the test with the
    /// last screen.
    ///
    /// Settled means a second capture a moment later is the same. tmux reads a frame from the pty
    /// in pieces, and a capture between two pieces shows half of the new frame over the old one:
    /// a help box's title with the rows below it still from the screen before.
    @discardableResult
    func waitFor(_ description: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) {
                Thread.sleep(forTimeInterval: 0.05)
                let again = try screen()
                if again == last { return last }
                continue
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("Timed out waiting for \(description). Screen:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    func waitFor(text: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor("“\(text)”", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// The command's process id. The pane runs a shell whose one child is the command (`env`
    /// replaces itself with it).
    func commandPID() throws -> pid_t {
        let shell = try tmux(["display-message", "-p", "-t", "e2e", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return try #require(children.split(separator: " ").first.flatMap { pid_t($0) }, "the pane's shell has no child")
    }

    /// How many `write` calls the command has made so far (`syscw` in `/proc/PID/io`).
    func commandWrites() throws -> Int {
        let io = try String(contentsOfFile: "/proc/\(try commandPID())/io", encoding: .utf8)
        let line = try #require(io.split(separator: "\n").first { $0.hasPrefix("syscw:") })
        return try #require(Int(line.dropFirst("syscw:".count).trimmingCharacters(in: .whitespaces)))
    }

    /// The command's exit status once it has ended.
    func exitStatus(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: exitFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return status }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }
}
