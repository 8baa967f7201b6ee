import Foundation

/// What the `/` box and saved filters hold, split into free words and `field:value` terms:
/// `status:preparing carrier:ups tag:gift placed:<7d ayşe` is four terms and one word. Words are
/// searched in the pane's full-text index; terms narrow by a column. Quotes keep spaces in a value
/// (`tag:"gift wrap"`).
public struct FilterQuery: Equatable, Sendable {
    public struct Term: Equatable, Sendable {
        /// The field's name, folded (`status`, `payment`, `is`).
        public var field: String
        public var value: String
    }

    public var words: [String] = []
    public var terms: [Term] = []

    public init(_ text: String) {
        for token in Self.tokens(text) {
            // A field name is letters only, so "10:30" or an address with a colon stays a word.
            if let colon = token.firstIndex(of: ":"), colon != token.startIndex,
               token[..<colon].allSatisfy({ $0.isLetter }) {
                let value = String(token[token.index(after: colon)...])
                // "status:" alone is a term still being typed: it narrows nothing yet.
                if !value.isEmpty { terms.append(Term(field: SearchFolding.fold(String(token[..<colon])), value: value)) }
            } else {
                words.append(token)
            }
        }
    }

    /// The free words, as the full-text search reads them.
    public var searchText: String { words.joined(separator: " ") }

    public var isEmpty: Bool { words.isEmpty && terms.isEmpty }

    private static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" {
                quoted.toggle()
            } else if character.isWhitespace && !quoted {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}

/// A filter that cannot be read, said in one sentence naming the term and what would work.
public struct FilterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The sentence, said in the desk's language.
    public var said: Said
    public init(_ said: Said) { self.said = said }
    public var description: String { said.english }
}

/// What a filter needs to know besides its text: the time "placed:<7d" counts back from, the
/// shop's day boundaries, and the rule for parcels that need attention.
public struct FilterContext: Equatable, Sendable {
    public var now: Date
    public var timeZone: TimeZone
    public var attentionRule: ShipmentAttentionRule

    public init(now: Date, timeZone: TimeZone = .current, attentionRule: ShipmentAttentionRule = ShipmentAttentionRule()) {
        self.now = now
        self.timeZone = timeZone
        self.attentionRule = attentionRule
    }
}

/// A time range term: `<7d` (within the last 7 days), `>30d` (longer ago), `2026-11-01` (that day in
/// the shop's time zone), `>2026-11-01` / `<2026-11-01` (after / before that day). Units h, d, w.
public enum FilterTimeRange {
    /// The half-open range [from, to) the value names; nil bounds are open.
    public static func parse(_ value: String, context: FilterContext) -> (from: Date?, to: Date?)? {
        var text = Substring(value)
        var comparison: Character?
        if let first = text.first, first == "<" || first == ">" {
            comparison = first
            text = text.dropFirst()
        }
        if let unit = text.last, let amount = Int(text.dropLast()), amount >= 0 {
            let seconds: Double
            switch unit {
            case "h": seconds = 3_600
            case "d": seconds = 86_400
            case "w": seconds = 7 * 86_400
            default: return nil
            }
            let boundary = context.now.addingTimeInterval(-Double(amount) * seconds)
            switch comparison {
            case ">": return (nil, boundary)
            default: return (boundary, nil)
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10,
              let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              let next = calendar.date(byAdding: .day, value: 1, to: day) else { return nil }
        switch comparison {
        case ">": return (next, nil)
        case "<": return (nil, day)
        default: return (day, next)
        }
    }
}
