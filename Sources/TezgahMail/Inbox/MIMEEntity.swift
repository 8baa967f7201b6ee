import Foundation
import Tezgah

/// One MIME entity read from bytes: its unfolded header fields and its raw body. Headers are UTF-8
/// (RFC 6532) or, when they are not valid UTF-8, Latin-5, the single-byte set Turkish mail used.
struct MIMEEntity {
    var fields: [(name: String, value: String)] = []
    var body: ArraySlice<UInt8>

    init(bytes: [UInt8], problems: inout [String]) {
        self.init(bytes[...], problems: &problems)
    }

    init(_ bytes: ArraySlice<UInt8>, problems: inout [String]) {
        let (head, rest) = Self.split(bytes)
        body = rest
        let headText: String
        if let utf8 = String(validating: head, as: UTF8.self) {
            headText = utf8
        } else {
            headText = String(bytes: head, encoding: .windowsCP1254) ?? String(decoding: head, as: UTF8.self)
            problems.append(KeptPhrase.latin5Headers)
        }
        // Lines split on LF bytes (a Character walk would join CR LF into one and cost more); field
        // names kept lowercased, so a lookup compares bytes.
        for (number, bytes) in headText.utf8.split(separator: 0x0A, omittingEmptySubsequences: true).enumerated() {
            var line = Substring(bytes)
            if line.utf8.last == 0x0D { line = line.dropLast() }
            // An mbox envelope line ("From someone@example.com Mon Dec  7 10:00:00 2026") that
            // procmail or an mbox-to-Maildir conversion left on top is no header, and nothing wrong.
            if number == 0, line.hasPrefix("From ") { continue }
            if let first = line.utf8.first, first == 0x20 || first == 0x09 {
                if fields.isEmpty { continue }
                fields[fields.count - 1].value += " " + line.trimmedSpaces
            } else if let colon = line.firstIndex(of: ":"), case let name = line[..<colon].trimmedSpaces,
                      !name.isEmpty, !name.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 }) {
                fields.append((name.lowercased(), String(line[line.index(after: colon)...].trimmedSpaces)))
            } else if !line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                problems.append(KeptPhrase.english(KeptPhrase.headerWithoutColon, ["line": String(line.prefix(40))]))
            }
        }
    }

    /// The header block and the body, split at the first empty line (CRLF or LF).
    private static func split(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var index = bytes.startIndex
        // A part that starts with an empty line has no headers.
        if bytes.first == 0x0A { return (bytes[index..<index], bytes.dropFirst()) }
        if bytes.starts(with: [0x0D, 0x0A]) { return (bytes[index..<index], bytes.dropFirst(2)) }
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                let next = bytes.index(after: index)
                if next < bytes.endIndex && bytes[next] == 0x0A { return (bytes[..<index], bytes[(next + 1)...]) }
                if next + 1 < bytes.endIndex && bytes[next] == 0x0D && bytes[next + 1] == 0x0A {
                    return (bytes[..<index], bytes[(next + 2)...])
                }
            }
            index += 1
        }
        return (bytes, bytes[bytes.endIndex...])
    }

    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name == lower }?.value
    }

    var contentType: (value: String, parameters: [String: String]) {
        Self.parameters(header("Content-Type") ?? "text/plain")
    }

    /// A header's value and its parameters, RFC 2231 extended (`filename*=UTF-8''%C4%B0ade.pdf`) and
    /// continued (`name*0`, `name*1*`) ones joined and decoded; encoded words in quoted values too.
    static func parameters(_ raw: String) -> (value: String, parameters: [String: String]) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        for character in raw {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        var plain: [String: String] = [:]
        var extended: [String: [(Int, String, Bool)]] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            if let star = key.firstIndex(of: "*") {
                let name = String(key[..<star])
                let rest = key[key.index(after: star)...]
                let encoded = rest.hasSuffix("*") || rest.isEmpty
                let section = Int(rest.trimmingCharacters(in: CharacterSet(charactersIn: "*"))) ?? 0
                extended[name, default: []].append((section, value, encoded))
            } else {
                plain[key] = EncodedWord.decode(value)
            }
        }
        for (name, sections) in extended {
            var bytes: [UInt8] = []
            var charset = "utf-8"
            for (index, (_, text, encoded)) in sections.sorted(by: { $0.0 < $1.0 }).enumerated() {
                var text = text
                if encoded && index == 0 {
                    let parts = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if parts.count == 3 {
                        charset = parts[0].lowercased()
                        text = String(parts[2])
                    }
                }
                bytes += encoded ? percentDecoded(text) : Array(text.utf8)
            }
            plain[name] = TextCharset.decode(bytes, charset: charset).text
        }
        let value = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return (value, plain)
    }

    private static func percentDecoded(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "%"), bytes.count >= 2, let high = QuotedPrintable.hexValue(bytes[bytes.startIndex]),
               let low = QuotedPrintable.hexValue(bytes[bytes.startIndex + 1]) {
                out.append(high << 4 | low)
                bytes = bytes.dropFirst(2)
            } else {
                out.append(byte)
            }
        }
        return out
    }

    /// The body parts between `--boundary` lines. A multipart never closed with `--boundary--` keeps
    /// the parts it has, with a note.
    func parts(boundary: String, problems: inout [String]) -> [MIMEEntity] {
        let marker = Array("--\(boundary)".utf8)
        var parts: [MIMEEntity] = []
        var start: Int?
        var closed = false
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            var lineEnd = body[lineStart...].firstIndex(of: 0x0A) ?? body.endIndex
            let next = lineEnd < body.endIndex ? lineEnd + 1 : lineEnd
            if lineEnd > lineStart && body[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = body[lineStart..<lineEnd]
            if line.starts(with: marker) {
                let after = line.dropFirst(marker.count)
                let isClose = after.starts(with: [0x2D, 0x2D])
                if isClose || after.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    if let start {
                        // The line break before the boundary belongs to the boundary (RFC 2046 §5.1.1).
                        var end = lineStart
                        if end > start && body[end - 1] == 0x0A { end -= 1 }
                        if end > start && body[end - 1] == 0x0D { end -= 1 }
                        parts.append(MIMEEntity(body[start..<end], problems: &problems))
                    }
                    if isClose { closed = true; break }
                    start = next
                }
            }
            lineStart = next
        }
        if !closed {
            if let start, start < body.endIndex { parts.append(MIMEEntity(body[start...], problems: &problems)) }
            problems.append(KeptPhrase.multipartNeverClosed)
        }
        return parts
    }

    /// The body with its transfer encoding undone.
    func decodedBytes(problems: inout [String]) -> [UInt8] {
        switch (header("Content-Transfer-Encoding") ?? "7bit").lowercased() {
        case "quoted-printable":
            return QuotedPrintable.decode(bytes: Array(body))
        case "base64":
            let compact = body.filter { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A) }
            if let data = Data(base64Encoded: Data(compact)) { return Array(data) }
            problems.append(KeptPhrase.badBase64)
            // Decode the longest prefix made of whole groups of four valid characters.
            let valid = compact.prefix { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)
                || $0 == 0x2B || $0 == 0x2F || $0 == 0x3D }
            return Data(base64Encoded: Data(valid.prefix(valid.count / 4 * 4))).map(Array.init) ?? []
        default:
            return Array(body)
        }
    }

    /// The body as text in its declared charset.
    func text(problems: inout [String]) -> String {
        let charset = contentType.parameters["charset"] ?? "us-ascii"
        // CR LF to LF on the bytes, before decoding (every charset here keeps CR and LF as themselves).
        let bytes = decodedBytes(problems: &problems)
        var lines: [UInt8] = []
        lines.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            lines.append(byte)
        }
        let (text, note) = TextCharset.decode(lines, charset: charset)
        if let note { problems.append(note) }
        return text
    }
}

/// Bytes to text in a mail's charset: the ones Turkish and European shops' customers send, through
/// Foundation; an unknown one is read as UTF-8 when it is valid UTF-8, else as Latin-5, with a note.
enum TextCharset {
    static func decode(_ bytes: [UInt8], charset: String) -> (text: String, note: String?) {
        let name = charset.lowercased().trimmingCharacters(in: .whitespaces)
        let encoding: String.Encoding? = switch name {
        case "utf-8", "utf8", "us-ascii", "ascii", "": .utf8
        case "iso-8859-9", "latin5", "iso8859-9", "windows-1254", "cp1254", "x-cp1254": .windowsCP1254
        case "iso-8859-1", "latin1", "iso8859-1": .isoLatin1
        case "windows-1252", "cp1252": .windowsCP1252
        case "iso-8859-2", "latin2": .isoLatin2
        case "utf-16": .utf16
        default: nil
        }
        if encoding == .utf8 {
            if let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
            return (String(bytes: bytes, encoding: .windowsCP1254) ?? String(decoding: bytes, as: UTF8.self),
                    KeptPhrase.english(KeptPhrase.mislabelledNotUTF8, ["charset": name.isEmpty ? "us-ascii" : name]))
        }
        // A single-byte label on bytes that are UTF-8 (a client that says ISO-8859-9 and sends UTF-8):
        // Latin-5 would make "Ã¼" of every "ü". Real Latin-5 text is almost never valid UTF-8.
        if let encoding, encoding != .utf16, bytes.contains(where: { $0 >= 0x80 }), let text = String(validating: bytes, as: UTF8.self) {
            return (text, KeptPhrase.english(KeptPhrase.mislabelledUTF8, ["charset": name]))
        }
        if let encoding, let text = String(bytes: bytes, encoding: encoding) { return (text, nil) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, KeptPhrase.english(KeptPhrase.unknownCharsetUTF8, ["charset": name])) }
        return (String(bytes: bytes, encoding: .windowsCP1254) ?? String(decoding: bytes, as: UTF8.self),
                KeptPhrase.english(KeptPhrase.unknownCharsetLatin5, ["charset": name]))
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs; cheaper than Foundation's trimming, which
    /// every header line went through.
    var trimmedSpaces: Substring {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }) else { return self[endIndex...] }
        let last = lastIndex(where: { $0 != " " && $0 != "\t" })!
        return self[first...last]
    }
}
