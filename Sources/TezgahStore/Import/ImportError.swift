import Tezgah

/// Why an import stopped, as one sentence naming the file, line and column. Nothing of the file
/// was written when this is thrown.
public struct ImportError: UserFacingError, Equatable {
    public var exitStatus: Int32 { 1 }

    public var file: String
    public var line: Int?
    public var column: String?
    public var reason: Said

    public init(file: String, line: Int? = nil, column: String? = nil, reason: Said) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { sentence(in: .english, withOutcome: false) }

    /// Two errors are the same when they say the same, however their sentences were put together.
    public static func == (a: ImportError, b: ImportError) -> Bool {
        (a.file, a.line, a.column, a.reason.english) == (b.file, b.line, b.column, b.reason.english)
    }

    /// The sentence the owner reads in `language`: where and what stopped the import, and (with
    /// the outcome) that nothing of the file was kept.
    public func sentence(in language: Language, withOutcome: Bool = true) -> String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += language.say("column \"{column}\": ", ["column": column]) }
        text += language.say(reason)
        return withOutcome ? text + " " + language.say("Nothing from this file was imported.") : text
    }
}
