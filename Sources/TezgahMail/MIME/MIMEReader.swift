import Foundation
import Tezgah

/// Reads a message back the way a mail client would show it: unfolded, decoded headers (RFC 5322
/// §2.2.3, RFC 2047) and the first text/plain part, its transfer encoding undone (RFC 2045/2046).
/// Enough to preview what tezgah queued; not a general mail parser.
public enum MIMEReader {
    /// The headers a preview shows, in this order, when the message has them.
    static let shownHeaders = ["From", "To", "Reply-To", "Subject", "Date", "In-Reply-To", "List-Unsubscribe"]

    public static func preview(of message: String) -> MailPreview {
        let entity = Entity(message)
        let headers = shownHeaders.compactMap { name in
            entity.header(name).map { MailPreview.Header(name: name, value: name == "Subject" || name == "From" || name == "To"
                                                            ? EncodedWord.decode($0) : $0) }
        }
        var hasHTML = false
        let text = firstText(in: entity, hasHTML: &hasHTML) ?? ""
        return MailPreview(headers: headers, text: text, hasHTML: hasHTML)
    }

    private static func firstText(in entity: Entity, hasHTML: inout Bool) -> String? {
        let type = entity.contentType
        if type.value.hasPrefix("multipart/") {
            guard let boundary = type.parameters["boundary"] else { return nil }
            var found: String?
            for part in entity.parts(boundary: boundary) {
                let text = firstText(in: part, hasHTML: &hasHTML)
                if found == nil { found = text }
            }
            return found
        }
        if type.value == "text/html" { hasHTML = true; return nil }
        guard type.value == "text/plain" else { return nil }
        return entity.decodedBody
    }

    /// A header block and its body.
    struct Entity {
        var fields: [(name: String, value: String)] = []
        var body: String

        init(_ text: String) {
            // Work on lines split at LF bytes; a Swift String treats CRLF as one Character.
            let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
            let head: Substring, rest: Substring
            if let range = normalized.range(of: "\n\n") {
                head = normalized[..<range.lowerBound]
                rest = normalized[range.upperBound...]
            } else {
                head = normalized[...]
                rest = ""
            }
            body = String(rest)
            for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
                if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                    fields[fields.count - 1].value += line
                } else if let colon = line.firstIndex(of: ":") {
                    fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
                }
            }
        }

        func header(_ name: String) -> String? {
            fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        var contentType: (value: String, parameters: [String: String]) {
            let raw = header("Content-Type") ?? "text/plain"
            let pieces = raw.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            var parameters: [String: String] = [:]
            for piece in pieces.dropFirst() {
                guard let equals = piece.firstIndex(of: "=") else { continue }
                var value = piece[piece.index(after: equals)...]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
                parameters[piece[..<equals].lowercased()] = String(value)
            }
            return (pieces.first?.lowercased() ?? "text/plain", parameters)
        }

        /// The body parts between `--boundary` lines, up to `--boundary--`.
        func parts(boundary: String) -> [Entity] {
            var parts: [Entity] = []
            var current: [Substring]?
            for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
                if line == "--\(boundary)--" {
                    if let lines = current { parts.append(Entity(lines.joined(separator: "\n"))) }
                    current = nil
                    break
                }
                if line == "--\(boundary)" {
                    if let lines = current { parts.append(Entity(lines.joined(separator: "\n"))) }
                    current = []
                } else {
                    current?.append(line)
                }
            }
            return parts
        }

        var decodedBody: String {
            let text: String
            switch (header("Content-Transfer-Encoding") ?? "7bit").lowercased() {
            case "quoted-printable":
                text = QuotedPrintable.decode(body)
            case "base64":
                let compact = body.filter { !$0.isWhitespace }
                text = Data(base64Encoded: compact).map { String(decoding: $0, as: UTF8.self) } ?? body
            default:
                text = body
            }
            return text.hasSuffix("\n") ? String(text.dropLast()) : text
        }
    }
}
