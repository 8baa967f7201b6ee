import Tezgah

/// Why an import stopped, as one sentence naming the file, line and column. Nothing of the file
/// was written when this is thrown.
public struct ImportError: UserFacingError, Equatable {
    public var exitStatus: Int32 { 1 }

    public var file: String
    public var line: Int?
    public var column: String?
    public var reason: String

    public init(file: String, line: Int? = nil, column: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += "column \"\(column)\": " }
        return text + reason
    }

    /// The sentence the owner reads: what stopped the import, and that nothing of the file was kept.
    public var sentence: String { "\(description) Nothing from this file was imported." }
}
