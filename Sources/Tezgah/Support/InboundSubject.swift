import Foundation

/// What a subject says under its reply and forward prefixes, and the order number it names.
public enum InboundSubject {
    /// `Re: Fwd: YNT: Siparişim` → `Siparişim`: the prefixes clients put before a reply or a
    /// forward, in English, Turkish (YNT, İLT) and German (AW, WG).
    public static func stripped(_ subject: String) -> String {
        var text = subject.trimmingCharacters(in: .whitespaces)
        let prefixes = ["re", "fw", "fwd", "ynt", "ilt", "aw", "wg", "sv", "vs", "tr"]
        while true {
            guard let colon = text.firstIndex(of: ":") else { return text }
            let head = SearchFolding.fold(String(text[..<colon])).filter { !$0.isNumber && $0 != "[" && $0 != "]" }
                .trimmingCharacters(in: .whitespaces)
            guard prefixes.contains(head) else { return text }
            text = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    /// The order number a subject names: `#1042`, `Sipariş 1042`, `Siparişim #1042 hakkında`,
    /// `Order 1042`, `order no: 1042`; nil when it names none.
    public static func orderNumber(in subject: String) -> String? {
        let text = stripped(subject)
        if let match = text.range(of: #"#\s?(\d{3,10})\b"#, options: .regularExpression) {
            return String(text[match].filter(\.isNumber))
        }
        let folded = SearchFolding.fold(text)
        if let match = folded.range(of: #"\b(siparis\w*|order|bestellung)\s*(no|nr|numara\w*|number)?[.:]?\s*(\d{3,10})\b"#,
                                    options: .regularExpression) {
            return String(folded[match].reversed().prefix { $0.isNumber }.reversed())
        }
        return nil
    }
}
