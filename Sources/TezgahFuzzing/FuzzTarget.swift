import Foundation

/// What the fuzzer feeds: each case takes arbitrary bytes to one reader of untrusted input and checks
/// what must hold for every input, not only that nothing crashes. libFuzzer drives `run` through
/// `tezgah-fuzz`; the test suite replays the kept corpus through the same `run`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The CSV reader, at two buffer sizes that must read alike.
    case csv
    /// The mail reader, and a reply to what it read, which must add no header.
    case mime
    /// The filter grammar, run as SQL against a small shop.
    case filter
    /// The tracking-number rules of every carrier.
    case tracking
    /// The config loader.
    case config
    /// The theme loader.
    case theme
    /// Keys as ncurses reports them, through the desk's reducer and drawing, and the keymap file.
    case keys

    public func run(_ bytes: [UInt8]) throws {
        switch self {
        case .csv: try CSVFuzzing.run(bytes)
        case .mime: try MIMEFuzzing.run(bytes)
        case .filter: try FilterFuzzing.run(bytes)
        case .tracking: try TrackingFuzzing.run(bytes)
        case .config: try ConfigFuzzing.run(bytes)
        case .theme: try ThemeFuzzing.run(bytes)
        case .keys: try KeysFuzzing.run(bytes)
        }
    }
}

/// A property that did not hold for an input: the fuzzer stops on it as on a crash.
public struct FuzzFinding: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}

/// Checks that `text` could be drawn: no C0 or C1 control, DEL or bidirectional override left in it.
func requireDrawable(_ text: String, _ what: String) throws {
    for scalar in text.unicodeScalars {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
            throw FuzzFinding("\(what) keeps U+\(String(value, radix: 16, uppercase: true)) after cleaning: \(text.debugDescription)")
        }
    }
}
