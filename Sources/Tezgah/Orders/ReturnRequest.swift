import Foundation

/// Where a return (RMA) stands: requested → approved → received → refunded, or rejected.
public enum ReturnState: String, CaseIterable, Sendable, Codable {
    case requested, approved, received, refunded, rejected

    public var title: String { rawValue }
    /// Still under way: the customer's review invite waits while one is.
    public var isOpen: Bool { [.requested, .approved, .received].contains(self) }

    /// The step that may follow this one.
    public func allows(_ next: ReturnState) -> Bool {
        switch (self, next) {
        case (.requested, .approved), (.requested, .rejected), (.approved, .received), (.approved, .rejected),
             (.received, .refunded), (.received, .rejected): true
        default: false
        }
    }
}

/// What comes back: "2 KUPA-01, 1 TABAK: kırık geldi" as the owner types it (no lines means all).
public struct ReturnRequest: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public var quantity: Int
        /// The order line's SKU or name, as typed.
        public var item: String
        public init(quantity: Int, item: String) { (self.quantity, self.item) = (quantity, item) }
    }

    public var lines: [Line]
    public var reason: String

    public init(lines: [Line], reason: String) {
        self.lines = lines
        self.reason = reason
    }

    /// Reads the prompt's text; nil when there is no reason (a return always says why).
    public static func parse(_ text: String) -> ReturnRequest? {
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let (linesText, reason) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts.first ?? "")
        guard !reason.isEmpty else { return nil }
        var lines: [Line] = []
        for item in linesText.split(separator: ",") {
            let words = item.split(separator: " ", maxSplits: 1).map(String.init)
            if words.count == 2, let quantity = Int(words[0].trimmingCharacters(in: CharacterSet(charactersIn: "x×"))), quantity > 0 {
                lines.append(Line(quantity: quantity, item: words[1].trimmingCharacters(in: .whitespaces)))
            } else if !item.trimmingCharacters(in: .whitespaces).isEmpty {
                lines.append(Line(quantity: 1, item: item.trimmingCharacters(in: .whitespaces)))
            }
        }
        return ReturnRequest(lines: lines, reason: reason)
    }
}

/// The return rules from config.toml's `[returns]`.
public struct ReturnSettings: Equatable, Sendable {
    /// A return may be requested this long after delivery; later it needs an override with a reason.
    public var window: TimeInterval = 14 * 86_400
    /// What the approval mail tells the customer (where to send the parcel, how to pack it).
    public var instructions = "Please pack the items well, put a note with your order number inside, and send the parcel to the address on our website."

    public init() {}
}
