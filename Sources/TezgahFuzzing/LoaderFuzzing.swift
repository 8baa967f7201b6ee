import Tezgah
import TezgahRuntime
import TezgahUI

/// The config and theme files are the owner's own, but a mistake in them must still end in one
/// sentence that names the file (and a line where there is one), on one line, never in a trap or
/// an abort deep inside the TOML reader. (Printing cleans what the sentence quotes.)
enum ConfigFuzzing {
    static func run(_ bytes: [UInt8]) throws {
        do { _ = try ShopConfig.parse(String(decoding: bytes, as: UTF8.self), file: "config.toml") } catch let error as ConfigError {
            try requireSentence(error.description, file: "config.toml")
        }
    }
}

enum ThemeFuzzing {
    static func run(_ bytes: [UInt8]) throws {
        do { _ = try Theme.parse(String(decoding: bytes, as: UTF8.self), file: "mine.toml") } catch let error as ThemeError {
            try requireSentence(error.description, file: "mine.toml")
        }
    }
}

func requireSentence(_ sentence: String, file: String) throws {
    guard sentence.hasPrefix(file) else { throw FuzzFinding("the error \(sentence.debugDescription) does not name \(file)") }
    guard !sentence.contains(where: \.isNewline) else { throw FuzzFinding("the error \(sentence.debugDescription) is not one line") }
}
