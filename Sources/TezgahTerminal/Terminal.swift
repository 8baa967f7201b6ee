import CNcursesw
import Foundation
import TezgahUI

/// What the terminal reports.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// Nothing arrived within the timeout.
    case idle
    /// The terminal's input ended (its other side closed) without a SIGHUP reaching us: the desk
    /// would otherwise wake without waiting, again and again.
    case inputEnded
}

/// The real terminal, through ncursesw. Draws buffers, reads keys, restores the screen on exit.
///
/// ncurses keeps its own copy of the screen and sends only what changed; on top of that we hand it
/// only the cells that differ from the last frame, so a cursor move costs a few dozen bytes.
public final class Terminal {
    private var palette: Palette
    private var previous: Buffer?
    private var isActive = false

    /// Starts curses mode. `theme` is reduced to attributes when `NO_COLOR` is set or the terminal has
    /// no colours.
    /// `mouse`: report clicks and the wheel (`[ui] mouse = true`); off, the terminal's own text
    /// selection keeps working without Shift.
    public init(theme: Theme, mouse: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        // A launcher may have started us with signals blocked; ncurses learns of resizes by SIGWINCH.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signalNumber in [SIGWINCH, SIGTERM, SIGHUP, SIGINT] { sigaddset(&signals, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        _ = TerminalLocale.adopted
        _ = tz_start()
        isActive = true
        raw()
        noecho()
        nonl()
        keypad(tz_stdscr(), true)
        _ = curs_set(0)
        set_escdelay(25)
        if mouse { _ = tz_enable_mouse() }
        Self.batchOutput()
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            palette = Palette(theme: theme, colors: Int(tz_colors()), pairs: Int(tz_color_pairs()))
        } else {
            palette = Palette(theme: theme.withoutColor, colors: 0, pairs: 0)
        }
        // Count widths exactly as ncursesw will draw them (it uses the C library's wcwidth).
        DisplayWidth.install { scalar in
            let width = TerminalWidth.libc(scalar)
            return width >= 0 ? width : DisplayWidth.tableWidth(scalar)
        }
    }

    /// Lets ncurses send each frame in one write. Until the screen has been suspended and resumed
    /// once, ncurses flushes its output at every cursor move (its state for low-level terminfo
    /// programs that move the cursor themselves), so every frame left as dozens of small writes: a
    /// hundred for the first frame, four for one `j`, and over SSH each write is a packet of its own.
    /// One suspend and resume before anything is drawn ends that; it sends only the mode changes
    /// again (leaving and re-entering the alternate screen), which the terminal shows as nothing.
    /// Before colours start: a resume with colours on also resets the terminal's palette (OSC 104),
    /// which would undo a palette the user set (base16-shell, say).
    private static func batchOutput() {
        endwin()
        refresh()
    }

    deinit { stop() }

    /// Leaves curses mode and restores the terminal as it was.
    public func stop() {
        guard isActive else { return }
        endwin()
        isActive = false
    }

    public var size: (width: Int, height: Int) { (Int(tz_cols()), Int(tz_rows())) }

    /// Draws a frame: only cells that changed since the last frame are handed to ncurses.
    public func draw(_ buffer: Buffer) {
        let full = previous == nil || previous!.width != buffer.width || previous!.height != buffer.height
        if full { erase() }
        var wide: [wchar_t] = Array(repeating: 0, count: 8)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if !full, let previous, previous[x, y] == cell,
                   x + 1 >= buffer.width || previous[x + 1, y].isContinuation == buffer[x + 1, y].isContinuation {
                    continue
                }
                let scalars = cell.text.unicodeScalars.prefix(5)
                for (index, scalar) in scalars.enumerated() { wide[index] = wchar_t(bitPattern: scalar.value) }
                wide[scalars.count] = 0
                let (attributes, pair) = palette.attributes(for: cell.role)
                _ = tz_put_cell(Int32(y), Int32(x), wide, attributes, pair)
            }
        }
        refresh()
        previous = buffer
    }

    /// Asks the terminal to put `text` on the user's clipboard (OSC 52). The text travels base64
    /// encoded, so nothing in it can act as a control sequence. Terminals that do not support OSC 52
    /// ignore it; inside tmux it needs `set -g set-clipboard on`.
    public func copyToClipboard(_ text: String) {
        let sequence = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
        FileHandle.standardOutput.write(Data(sequence.utf8))
    }

    /// Why a terminal cannot show the desk; the command line words it in its language.
    public enum Refusal: Equatable, Sendable {
        /// Known to terminfo, but it cannot move the cursor (`dumb`).
        case cannotAddress(term: String)
        /// Unknown to this system's terminfo, or TERM unset.
        case unknown(term: String)
    }

    /// Why the terminal `term` names cannot show the desk, or nil when it can: it must be known to
    /// terminfo and able to move the cursor.
    public static func refusal(term: String?) -> Refusal? {
        let name = term ?? ""
        switch name.isEmpty ? -1 : tz_terminal_can_address(name) {
        case 1: return nil
        case 0: return .cannotAddress(term: name)
        default: return .unknown(term: name.isEmpty ? "(unset)" : name)
        }
    }

    /// Forgets the last frame so the next draw repaints everything (after a resize or a suspend).
    public func invalidate() {
        previous = nil
        clearok(tz_stdscr(), true)
    }

    /// Waits up to `timeout` milliseconds (-1: forever) for a key or a resize.
    public func nextEvent(timeout: Int32 = -1) -> TerminalEvent {
        wtimeout(tz_stdscr(), timeout)
        var character: wint_t = 0
        let result = tz_get_key(&character)
        if result == ERR { return tz_input_ended() != 0 ? .inputEnded : .idle }
        if result == tz_key_code_yes() {
            if Int32(character) == tz_key_resize() {
                invalidate()
                let (width, height) = size
                return .resized(width: width, height: height)
            }
            if Int32(character) == tz_key_mouse() {
                var x: Int32 = 0, y: Int32 = 0
                switch tz_mouse_event(&x, &y) {
                case 1: return .key(.mouse(.click(x: Int(x), y: Int(y))))
                case 4: return .key(.mouse(.wheelUp))
                case 5: return .key(.mouse(.wheelDown))
                default: return .idle
                }
            }
            return KeyDecoding.functionKey(Int32(character)).map(TerminalEvent.key) ?? .idle
        }
        return KeyDecoding.character(UInt32(character)).map(TerminalEvent.key) ?? .idle
    }

    /// Gives the terminal back to another program (e.g. `$EDITOR`) and resumes afterwards.
    public func suspended<T>(_ body: () throws -> T) rethrows -> T {
        def_prog_mode()
        endwin()
        defer {
            reset_prog_mode()
            invalidate()
        }
        return try body()
    }
}
