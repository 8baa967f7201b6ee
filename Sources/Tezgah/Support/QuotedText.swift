/// A mail body cut into what the customer wrote now and what they carried along: the quote of
/// earlier mail (`> …` lines, or everything under Outlook's "-----Original Message-----" or a
/// "From: … Sent: …" block) with its "On … wrote:" line, and the signature. The Support pane folds
/// the carried parts to one line each, so a long thread reads as its new words.
public enum QuotedText {
    public enum Part: Equatable, Sendable {
        case text([String])
        case quote([String])
        case signature([String])
    }

    /// The body's parts in order; joining their lines gives the body back.
    public static func parts(_ body: String) -> [Part] {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var parts: [Part] = []
        var text: [String] = []
        func flushText() {
            if !text.isEmpty { parts.append(.text(text)); text = [] }
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // Everything below a forwarded or Outlook-quoted header block is the earlier mail.
            if isOutlookBoundary(lines, at: index) {
                flushText()
                parts.append(.quote(Array(lines[index...])))
                return parts
            }
            if trimmed.hasPrefix(">") || (isAttribution(trimmed) && nextQuoted(lines, after: index)) {
                flushText()
                var quote = [line]
                index += 1
                while index < lines.count {
                    let next = lines[index].trimmingCharacters(in: .whitespaces)
                    // A blank line inside a quote stays with it when more quote follows.
                    guard next.hasPrefix(">") || (next.isEmpty && nextQuoted(lines, after: index)) else { break }
                    quote.append(lines[index])
                    index += 1
                }
                parts.append(.quote(quote))
                continue
            }
            if line == "-- " || line == "--" || isPhoneSignature(trimmed) {
                flushText()
                parts.append(.signature(Array(lines[index...])))
                return parts
            }
            text.append(line)
            index += 1
        }
        flushText()
        return parts
    }

    /// "On 3 Dec 2026, at 14:05, Ayşe <a@example.com> wrote:" and its Turkish and German forms,
    /// which clients may wrap over two lines.
    static func isAttribution(_ line: String) -> Bool {
        let lower = line.lowercased()
        return (lower.hasSuffix("wrote:") && (lower.hasPrefix("on ") || lower.contains("@")))
            || lower.hasSuffix("yazdı:") || lower.hasSuffix("şunu yazdı:") || lower.hasSuffix("schrieb:")
    }

    private static func nextQuoted(_ lines: [String], after index: Int) -> Bool {
        var next = index + 1
        while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
        return next < lines.count && lines[next].trimmingCharacters(in: .whitespaces).hasPrefix(">")
    }

    /// Outlook's quote has no `>`: a rule, or a "From:" line followed within three lines by
    /// "Sent:"/"Date:" (or the Turkish "Gönderen:"/"Gönderildi:"), starts the earlier mail.
    private static func isOutlookBoundary(_ lines: [String], at index: Int) -> Bool {
        let line = lines[index].trimmingCharacters(in: .whitespaces).lowercased()
        if line.hasPrefix("-----original message-----") || line.hasPrefix("-----özgün ileti-----")
            || line.hasPrefix("---------- forwarded message") || line.hasPrefix("-------- original message") { return true }
        guard line.hasPrefix("from:") || line.hasPrefix("gönderen:") || line.hasPrefix("kimden:") else { return false }
        for next in lines[(index + 1)..<min(lines.count, index + 4)] {
            let lower = next.trimmingCharacters(in: .whitespaces).lowercased()
            if lower.hasPrefix("sent:") || lower.hasPrefix("date:") || lower.hasPrefix("gönderildi:") || lower.hasPrefix("tarih:") {
                return true
            }
        }
        return false
    }

    private static func isPhoneSignature(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("sent from my ") || lower.hasPrefix("get outlook for ") || lower.hasSuffix("'umdan gönderildi")
            || lower.hasSuffix("’umdan gönderildi") || lower.hasPrefix("iphone'umdan gönderildi")
    }
}
