import Foundation
import ArgumentParser
import Tezgah

/// The language the command line's sentences are in (errors, summaries, notices): the one the
/// environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`), as other command-line programs choose
/// theirs. `--json` and the tab-separated lists stay in English, for scripts.
enum CommandLanguage {
    static let current: Language = {
        let environment = ProcessInfo.processInfo.environment
        let setting = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return Language.resolve(flag: nil, config: nil, environment: setting)
    }()

    /// A sentence in the command line's language.
    static func say(_ said: Said) -> String { current.say(said) }
    static func say(_ phrase: String, _ values: KeyValuePairs<String, String> = [:]) -> String { current.say(phrase, values) }
}

extension ArgumentHelp {
    /// An option's help in the command line's language (`--help`, the man page, completions).
    static func phrase(_ english: String) -> ArgumentHelp { ArgumentHelp(CommandLanguage.say(english)) }
}
