/// An ISO 4217 currency with the number of minor-unit digits it uses.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String
    public let minorDigits: Int
    public let symbol: String

    public init(code: String, minorDigits: Int = 2, symbol: String? = nil) {
        self.code = code
        self.minorDigits = minorDigits
        self.symbol = symbol ?? code
    }

    public static let try_ = Currency(code: "TRY", symbol: "₺")
    public static let eur = Currency(code: "EUR", symbol: "€")
    public static let usd = Currency(code: "USD", symbol: "$")
    public static let gbp = Currency(code: "GBP", symbol: "£")
    public static let jpy = Currency(code: "JPY", minorDigits: 0, symbol: "¥")

    /// Known currencies by code; an unknown code still works with two minor digits and its code as symbol.
    public static func code(_ code: String) -> Currency {
        switch code.uppercased() {
        case "TRY": .try_
        case "EUR": .eur
        case "USD": .usd
        case "GBP": .gbp
        case "JPY": .jpy
        default: Currency(code: code.uppercased())
        }
    }

    public var description: String { code }
}
