/// A guard in front of the TOML reader. The toml++ parser inside TOMLKit is built with its
/// assertions on, and two kinds of typo trip one, so the process aborts instead of the parser
/// reporting an error: a table header whose name does not start like a key (`[`, `[.mail]`,
/// `[ş]`, `[[#x]]`), and an array closed with a brace (`[}`, `[1, }`). The fuzzer found both; an
/// owner can type either. So they are looked for here first, following strings, comments and
/// values that span lines, since only a line at the top level is a header.
public enum TOMLReaderGuard {
    public struct Problem: Equatable, Sendable {
        public var line: Int
        public var reason: String
    }

    /// The first place that would crash the TOML reader, or nil.
    public static func firstProblem(in text: String) -> Problem? {
        var line = 1
        var open: [UInt8] = []         // the `[` and `{` of values not closed yet
        var multiLine: UInt8? = nil  // the quote of an open """ or ''' string
        var atLineStart = true
        let bytes = Array(text.utf8)
        var index = 0
        func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                atLineStart = true
                index += 1
                continue
            }
            if let quote = multiLine {
                if byte == 0x5C && quote == 0x22 { index += 2; continue } // an escape in """
                if byte == quote && at(1) == quote && at(2) == quote { multiLine = nil; index += 3 } else { index += 1 }
                continue
            }
            if atLineStart && (byte == 0x20 || byte == 0x09) { index += 1; continue }
            if atLineStart && open.isEmpty && byte == 0x5B {
                var name = index + 1
                if name < bytes.count && bytes[name] == 0x5B { name += 1 }
                while name < bytes.count && (bytes[name] == 0x20 || bytes[name] == 0x09) { name += 1 }
                let first = name < bytes.count ? bytes[name] : nil
                guard let first, isKeyStart(first) else {
                    return Problem(line: line, reason: "a table name in [ ] starts with a letter, digit, _ or - (ASCII), or is in quotes")
                }
                // The rest of a header line holds nothing that opens a value.
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                continue
            }
            atLineStart = false
            switch byte {
            case 0x23: // a comment, to the end of the line
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                continue
            case 0x22, 0x27:
                if at(1) == byte && at(2) == byte {
                    multiLine = byte
                    index += 3
                    continue
                }
                index += 1
                while index < bytes.count && bytes[index] != byte && bytes[index] != 0x0A {
                    if byte == 0x22 && bytes[index] == 0x5C { index += 1 }
                    index += 1
                }
                if index < bytes.count && bytes[index] == byte { index += 1 }
                continue
            case 0x5B, 0x7B: open.append(byte)
            case 0x5D: if !open.isEmpty { open.removeLast() }
            case 0x7D:
                if open.last == 0x5B {
                    return Problem(line: line, reason: "a } closes a list opened with [; a list ends with ]")
                }
                if !open.isEmpty { open.removeLast() }
            default: break
            }
            index += 1
        }
        return nil
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == 0x5F || byte == 0x2D || byte == 0x22 || byte == 0x27 || byte == 0x5D
    }
}
