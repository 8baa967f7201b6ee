import CPseudoTerminal
import Foundation

/// A program (the real `tezgah` binary, or `sqlite3` for the benchmark's comparison) on a pseudo-terminal: what it
/// writes is read back byte for byte, keys are written as a terminal would send them.
public final class PseudoTerminalSession {
    public let pid: pid_t
    private let master: Int32
    private var hungUp = false
    public private(set) var output = [UInt8]()
    public let started: ContinuousClock.Instant

    /// `controllingTerminal: false` starts the program on the terminal without making it its
    /// controlling one, as some launchers do: a hang-up then sends no SIGHUP.
    public init(binary: String, arguments: [String], environment extra: [String: String] = [:], rows: Int, columns: Int,
                controllingTerminal: Bool = true) throws {
        var slavePath = [CChar](repeating: 0, count: 128)
        master = tz_pty_open(Int32(rows), Int32(columns), &slavePath, slavePath.count)
        guard master >= 0 else { throw PseudoTerminalError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))") }
        let environment = ProcessInfo.processInfo.environment
            .filter { $0.key != "NO_COLOR" }
            .merging(["TERM": "xterm-256color", "LANG": "C.UTF-8"]) { $1 }
            .merging(extra) { $1 }
            .map { "\($0.key)=\($0.value)" }
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        started = .now
        pid = tz_pty_spawn(binary, argv, envp, slavePath, controllingTerminal ? 1 : 0)
        guard pid > 0 else { throw PseudoTerminalError("cannot start \(binary)") }
    }

    private var exited = false

    deinit {
        if !exited {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        if !hungUp { close(master) }
    }

    /// Closes the terminal's master side, as a dropped SSH link does; nothing more is read.
    public func hangUp() {
        guard !hungUp else { return }
        hungUp = true
        close(master)
    }

    /// Reads whatever has arrived, waiting up to `timeout` for the first byte.
    @discardableResult
    public func read(timeout: Duration) -> Int {
        if hungUp {
            Thread.sleep(forTimeInterval: min(0.01, Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18))
            return 0
        }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1_000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return 0 }
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = Glibc.read(master, &chunk, chunk.count)
            if n <= 0 { break }
            output.append(contentsOf: chunk[0..<n])
            total += n
        }
        return total
    }

    /// Reads until `text` has appeared in the output since `offset`; returns when it did.
    public func waitFor(_ text: String, after offset: Int = 0, timeout: Duration = .seconds(60)) throws -> ContinuousClock.Instant {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        var searchedUpTo = offset
        while ContinuousClock.now < deadline {
            if let _ = find(needle, from: max(offset, searchedUpTo - needle.count)) { return .now }
            searchedUpTo = output.count
            read(timeout: .milliseconds(50))
        }
        throw PseudoTerminalError("the program did not show “\(text)” within \(timeout)")
    }

    /// Reads until nothing has arrived for `quiet`; returns the bytes read.
    @discardableResult
    public func drain(quiet: Duration = .milliseconds(250)) -> Int {
        var total = 0
        while true {
            let n = read(timeout: quiet)
            if n == 0 { return total }
            total += n
        }
    }

    /// Waits up to `timeout` for the program to exit by itself (reading what it writes meanwhile,
    /// so a full pty never holds it up); false if it is still running.
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(5)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { exited = true; return true }
            read(timeout: .milliseconds(10))
        }
        return false
    }

    public func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Peak resident memory (VmHWM) of the process, in kilobytes.
    public func peakResidentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= output.count else { return nil }
        var index = max(0, start)
        while index + needle.count <= output.count {
            if output[index] == needle[0] && Array(output[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}

/// Why a pseudo-terminal session could not go on.
public struct PseudoTerminalError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
