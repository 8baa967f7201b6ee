import Foundation

/// An HTML-only mail made readable as plain text: no tags, scripts or styles; line breaks where
/// blocks end; entities decoded; a link's address kept beside its words. Not a renderer.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        var pendingLink: (String, Int)?
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else { rest = rest[rest.endIndex...]; break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let name = tag.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }.lowercased()
            let closing = tag.hasPrefix("/")
            let closingName = closing ? tag.dropFirst().prefix { !$0.isWhitespace && $0 != ">" }.lowercased() : ""
            if !closing && (name == "script" || name == "style" || name == "head") {
                // Skip to the matching end tag.
                if let end = rest.range(of: "</\(name)", options: .caseInsensitive) {
                    rest = rest[end.upperBound...]
                    if let gt = rest.firstIndex(of: ">") { rest = rest[rest.index(after: gt)...] }
                } else {
                    rest = rest[rest.endIndex...]
                }
                continue
            }
            if !closing && name == "a" { pendingLink = attribute("href", in: String(tag)).map { ($0, out.count) } }
            if closing && closingName == "a", let (link, start) = pendingLink {
                // The address beside the words, unless the words are the address.
                let words = String(out.dropFirst(start)).trimmingCharacters(in: .whitespaces)
                if !link.isEmpty, words != link, "mailto:" + words != link { out += " (\(link))" }
                pendingLink = nil
            }
            if ["br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "blockquote", "table"].contains(closing ? closingName : name) {
                out += "\n"
                if !closing && name == "li" { out += "- " }
            }
        }
        out += rest
        let decoded = entities(out)
        // Whitespace as a browser shows it: runs of spaces are one, at most one empty line in a row.
        var lines: [String] = []
        for line in decoded.split(separator: "\n", omittingEmptySubsequences: false) {
            let collapsed = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ")
            if collapsed.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(collapsed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: "\(name)=", options: .caseInsensitive) else { return nil }
        var value = tag[range.upperBound...]
        if let quote = value.first, quote == "\"" || quote == "'" {
            value = value.dropFirst()
            return value.firstIndex(of: quote).map { entities(String(value[..<$0])) }
        }
        return entities(String(value.prefix { !$0.isWhitespace && $0 != ">" }))
    }

    static func entities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ouml": "ö", "uuml": "ü",
                     "ccedil": "ç", "Ouml": "Ö", "Uuml": "Ü", "Ccedil": "Ç", "euro": "€", "hellip": "…", "ndash": "–",
                     "mdash": "—", "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "copy": "©"]
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else { out.append("&"); rest = rest.dropFirst(); continue }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            var replacement: String?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if entity.hasPrefix("#") {
                replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                replacement = named[String(entity)]
            }
            if let replacement {
                out += replacement
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out.append("&")
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }
}

/// RFC 3676 `format=flowed`: a line ending in a space continues on the next; space-stuffing undone;
/// quoted lines (`>`) flow only with lines of the same depth.
enum FlowedText {
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var out: [String] = []
        var paragraph: String?
        var paragraphDepth = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(raw)
            let depth = line.prefix { $0 == ">" }.count
            line = line.dropFirst(depth)
            if line.hasPrefix(" ") { line = line.dropFirst() } // stuffed
            let isSignature = line == "-- "
            let soft = line.hasSuffix(" ") && !isSignature
            var content = String(line)
            if soft && deleteSpace { content.removeLast() }
            let prefix = String(repeating: ">", count: depth) + (depth > 0 ? " " : "")
            if let open = paragraph, paragraphDepth == depth {
                paragraph = open + content
            } else {
                if let open = paragraph { out.append(open) }
                paragraph = prefix + content
                paragraphDepth = depth
            }
            if !soft {
                out.append(paragraph!)
                paragraph = nil
            }
        }
        if let open = paragraph { out.append(open) }
        return out.joined(separator: "\n")
    }
}
