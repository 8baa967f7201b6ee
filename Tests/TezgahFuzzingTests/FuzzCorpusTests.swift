import Foundation
import Testing
@testable import TezgahFuzzing

/// Every input the fuzzers kept (seeds, inputs that reached new code, and past findings) still
/// holds each target's properties, so a fixed finding stays fixed without running libFuzzer.
@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func inputs(_ target: FuzzTarget) -> [String] {
        let folder = corpus.appendingPathComponent(target.rawValue).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }

    @Test(arguments: FuzzTarget.allCases)
    func keptInputsStillHold(_ target: FuzzTarget) throws {
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "no corpus for \(target.rawValue)")
        for path in inputs {
            let data = try #require(FileManager.default.contents(atPath: path))
            do { try target.run(Array(data)) } catch {
                Issue.record("\((path as NSString).lastPathComponent): \(error)")
            }
        }
    }

    /// The shared checks fail on what they look for, so a green replay means something.
    @Test func theChecksCatchWhatTheyLookFor() {
        for text in ["Eve\u{1B}[31m", "\u{9B}31m", "a\u{202E}b", "bell\u{07}"] {
            #expect(throws: FuzzFinding.self) { try requireDrawable(text, "text") }
        }
        #expect(throws: FuzzFinding.self) { try requireSentence("line 3: unknown key", file: "config.toml") }
        #expect(throws: FuzzFinding.self) { try requireSentence("config.toml:3: unknown\nkey", file: "config.toml") }
        #expect(throws: Never.self) { try requireSentence("config.toml:3: unknown key \"x\".", file: "config.toml") }
    }
}
