import Tezgah

/// A message that cannot be written, said in one sentence.
public enum MailError: Error, Equatable, CustomStringConvertible {
    /// A header value from data held CR or LF: writing it would let that data add headers.
    case lineBreakInHeader(field: String)
    case invalidAddress(String)

    public var description: String {
        switch self {
        case .lineBreakInHeader(let field): "The \(field) header would contain a line break; refusing to write it (header injection)."
        case .invalidAddress(let text): KeptPhrase.english(KeptPhrase.notAnAddress, ["address": text]) + "."
        }
    }
}
