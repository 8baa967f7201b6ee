import Foundation
import Testing
@testable import Tezgah
@testable import TezgahUI

/// The Turkish catalogue against what the code asks for. Phrases come from two places: the panes'
/// tables and the domain's titles, read here at run time, and every `say("…")` in the sources,
/// read as text (as gettext's xgettext does), so a phrase added anywhere is checked.
@Suite struct LanguageCatalogueTests {
    /// The phrases the desk's tables and the domain's names hold.
    static var tablePhrases: Set<String> {
        var phrases = Set<String>()
        for pane in Pane.allCases {
            let definition = pane.definition
            phrases.formUnion([definition.title, definition.singular, definition.plural])
            phrases.formUnion(definition.columns.map(\.title))
            phrases.formUnion(pane.keyTable.map(\.text))
            phrases.formUnion(definition.hints.map(\.text))
        }
        phrases.formUnion((StatusHint.customerView + StatusHint.insightView + StatusHint.firstRun).map(\.text))
        phrases.formUnion(OrderStatus.allCases.map(\.title))
        phrases.formUnion(PaymentStatus.allCases.flatMap { [$0.title, $0.shortTitle] })
        phrases.formUnion(FulfillmentStatus.allCases.map(\.title))
        phrases.formUnion(ShipmentStatus.allCases.map(\.title))
        phrases.formUnion(ReviewInviteState.allCases.map(\.title))
        phrases.formUnion(ConversationStatus.allCases.map(\.title))
        phrases.formUnion(OutboxState.allCases.map(\.title))
        phrases.formUnion(MailKind.allCases.map(\.title))
        phrases.formUnion(MailCategory.allCases.map(\.rawValue))
        phrases.formUnion(CustomerEvent.Kind.allCases.map(\.title))
        phrases.formUnion(LoyaltyTier.allCases.map(\.title))
        phrases.formUnion(ReturnState.allCases.map(\.title))
        phrases.formUnion(LedgerKind.allCases.map(\.rawValue))
        phrases.formUnion([ShipmentAttention.late(since: Date()), .slipped(by: 0), .stalled(since: Date())].map(\.title))
        // What the status bar says was done, for every action.
        phrases.formUnion([OrderAction.markPreparing, .hold(reason: ""), .release, .ship(carrier: .ups, trackingNumber: ""), .cancel,
                           .markDelivered, .refund(nil), .addNote(""), .addTag(""), .removeTag("")].map(\.pastTense))
        phrases.formUnion(MailQueueAction.allCases.map(\.pastTense))
        phrases.formUnion([ReviewInviteAction.sendNow, .hold, .release, .skip(reason: ""), .recordReview(rating: 5, text: "")]
            .map(\.pastTensePhrase.phrase))
        phrases.formUnion([ConversationAction.close, .markPending, .reopen, .snooze(until: nil), .snooze(until: Date()), .note(""),
                           .linkOrder(nil), .linkOrder("#1")].map(\.pastTensePhrase.phrase))
        return phrases
    }

    /// Every `say("…")`, `phrase("…")` and `Said("…")` literal in the sources, with the file it is in.
    static var sourcePhrases: [(phrase: String, file: String)] {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let pattern = try! NSRegularExpression(pattern: #"(?:say|phrase|Said)\(\s*"((?:[^"\\]|\\.)*)""#)
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        for file in files {
            let text = try! String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let phrase = String(text[Range(match.range(at: 1), in: text)!])
                    .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
                found.append((phrase, file))
            }
        }
        return found
    }

    @Test func everyPhraseTheCodeAsksForIsInTurkish() {
        let asked = Self.tablePhrases.union(Self.sourcePhrases.map(\.phrase))
        let missing = asked.filter { Catalogue.turkish[$0] == nil }.sorted()
        let listed = missing.map { "        \"\($0)\": \"\"," }.joined(separator: "\n")
        #expect(missing.isEmpty, "missing from Catalogue.turkish:\n\(listed)")
    }

    /// A phrase chosen by a condition is marked on each branch (`say(cond ? phrase("a") : phrase("b"))`);
    /// bare literals there would pass unseen by the scan above.
    @Test func phrasesChosenByAConditionAreMarked() {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let pattern = try! NSRegularExpression(pattern: #"\b(?:say|Said)\([^"()\n]*\?\s*""#)
        var unmarked: [String] = []
        for file in FileManager.default.enumerator(atPath: sources.path)!.compactMap({ $0 as? String }) where file.hasSuffix(".swift") {
            let text = try! String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                unmarked.append("\(file): \(text[Range(match.range, in: text)!])")
            }
        }
        #expect(unmarked.isEmpty, "\(unmarked)")
    }

    @Test func everyTurkishEntryIsAskedFor() {
        let asked = Self.tablePhrases.union(Self.sourcePhrases.map(\.phrase))
        let unused = Catalogue.turkish.keys.filter { !asked.contains($0) }.sorted()
        #expect(unused.isEmpty, "in Catalogue.turkish but asked for nowhere: \(unused)")
    }

    @Test func translationsKeepTheirPlaceholders() {
        for (english, turkish) in Catalogue.turkish {
            #expect(Language.placeholders(in: english) == Language.placeholders(in: turkish), "\(english) → \(turkish)")
            #expect(!turkish.isEmpty, "\(english) has an empty translation")
        }
    }

    /// A phrase is looked up by its text, so it cannot be built at run time: values go in
    /// `{placeholders}`.
    @Test func noPhraseIsInterpolated() {
        for (phrase, file) in Self.sourcePhrases {
            #expect(!phrase.contains("\\("), "\(file): say(\"\(phrase)\") interpolates; use a {placeholder}")
        }
    }

    @Test func placeholdersAreFilledAndUnknownOnesKept() {
        #expect(Language.turkish.say("{count} need attention", ["count": "3"]) == "3 parsel ilgi bekliyor")
        #expect(Language.english.say("{count} need attention", ["count": "3"]) == "3 need attention")
        #expect(Language.fill("a {x} b {y}", ["x": "1"]) == "a 1 b {y}")
        #expect(Language.fill("{unclosed", ["unclosed": "1"]) == "{unclosed")
    }
}
