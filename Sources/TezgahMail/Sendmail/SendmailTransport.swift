import Foundation
import Tezgah
#if canImport(Glibc)
import Glibc
#endif

/// Delivers by running the host's sendmail-compatible program (postfix's sendmail, msmtp, …) with
/// an argument vector — never through a shell — and the message on its standard input. The exit
/// status (sysexits.h) says whether to try again.
public final class SendmailTransport: MailTransport {
    private let command: [String]
    private let timeout: TimeInterval

    /// `command` is the program and its arguments, e.g. `["/usr/sbin/sendmail", "-t", "-oi"]`.
    public init(command: [String], timeout: TimeInterval = 120) {
        self.command = command
        self.timeout = timeout
        // A sendmail that exits before reading its input must not take the worker down with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

    public func finish() {}

    public func deliver(message: Data, sender: String, recipient: String) -> MailDeliveryOutcome {
        // sendmail reads local line ends; it restores CRLF itself on the wire.
        var text = Data(capacity: message.count)
        var previous: UInt8 = 0
        for byte in message {
            if previous == UInt8(ascii: "\r") && byte != UInt8(ascii: "\n") { text.append(previous) }
            if byte != UInt8(ascii: "\r") { text.append(byte) }
            previous = byte
        }
        let result: (status: Int32, signaled: Bool, errorText: String)
        do {
            result = try run(input: text)
        } catch {
            return .deferred(reply: "sendmail: \(error)")
        }
        let detail = result.errorText.onOneLine.prefix(300)
        let name = (command.first as NSString?)?.lastPathComponent ?? "sendmail"
        if result.signaled {
            return .deferred(reply: "\(name) was killed by signal \(result.status)\(detail.isEmpty ? "" : ": \(detail)")")
        }
        // Exit statuses differ between sendmails (msmtp exits 69 for a 451), so an SMTP reply the
        // program quotes on stderr decides first; the status only when it quotes none.
        if let quoted = MailReplyCode.quotedSMTPReply(in: result.errorText) {
            let reply = "\(quoted) (\(name) exited with status \(result.status))"
            if quoted.hasPrefix("4") { return .deferred(reply: reply) }
            return .failed(reply: reply, suppressAddress: RejectionReading.saysMailboxUnknown(quoted))
        }
        let reply = "\(name) exited with status \(result.status)\(detail.isEmpty ? "" : ": \(detail)")"
        switch result.status {
        case 0: return .sent(reply: "\(name) accepted the message")
        case 67: return .failed(reply: reply, suppressAddress: true)      // EX_NOUSER
        case 65, 69: return .failed(reply: reply, suppressAddress: RejectionReading.saysMailboxUnknown(String(detail)))
        default: return .deferred(reply: reply)                            // EX_TEMPFAIL and the rest: ours to fix
        }
    }

    private struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    private func run(input: Data) throws -> (status: Int32, signaled: Bool, errorText: String) {
        guard let program = command.first else { throw SpawnError(description: "no command is configured") }
        var inPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&errPipe) == 0 else { throw SpawnError(description: "cannot make a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, inPipe[1])
        posix_spawn_file_actions_addclose(&actions, errPipe[0])
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        close(inPipe[0])
        close(errPipe[1])
        guard spawned == 0 else {
            close(inPipe[1])
            close(errPipe[0])
            throw SpawnError(description: "cannot run \(program): \(String(cString: strerror(spawned)))")
        }
        // A hung sendmail must not hang the worker: kill it once the timeout passes.
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        // Read stderr on another thread so a chatty child cannot block while we write its input.
        let errorFD = errPipe[0]
        let collected = ErrorText()
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(errorFD, &buffer, buffer.count)
                if count <= 0 { break }
                collected.append(buffer[0..<count])
            }
            close(errorFD)
            collected.finish()
        }
        reader.start()
        input.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(inPipe[1], raw.baseAddress! + offset, raw.count - offset)
                if written < 0 { if errno == EINTR { continue } else { break } }
                offset += written
            }
        }
        close(inPipe[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        collected.waitUntilFinished()
        let signaled = (status & 0x7f) != 0
        return (signaled ? status & 0x7f : (status >> 8) & 0xff, signaled, collected.text)
    }
}

/// Standard error text gathered from the child, handed between threads under a lock.
private final class ErrorText: @unchecked Sendable {
    private let condition = NSCondition()
    private var bytes: [UInt8] = []
    private var done = false

    func append(_ chunk: ArraySlice<UInt8>) {
        condition.lock()
        if bytes.count < 16_384 { bytes.append(contentsOf: chunk) }
        condition.unlock()
    }

    func finish() {
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }

    func waitUntilFinished() {
        condition.lock()
        while !done { condition.wait() }
        condition.unlock()
    }

    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
