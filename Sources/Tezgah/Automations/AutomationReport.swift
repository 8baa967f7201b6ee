import Foundation

/// What one pass of the automation engine did (or, dry, would do): every decision with whom it is
/// for and why, in the order it was taken.
public struct AutomationReport: Equatable, Sendable {
    public struct Decision: Equatable, Sendable {
        public enum Outcome: String, Sendable, CaseIterable {
            /// A mail was queued (or would be).
            case queued
            case deferred, skipped, expired, planned
        }

        public var outcome: Outcome
        public var kind: MailKind
        public var orderNumber: String
        public var recipient: String
        /// "delivered 7 days ago", "open conversation #88".
        public var why: String

        public init(outcome: Outcome, kind: MailKind, orderNumber: String, recipient: String, why: String) {
            self.outcome = outcome
            self.kind = kind
            self.orderNumber = orderNumber
            self.recipient = recipient
            self.why = why
        }

        /// "queued review invite for #1042 to ayse@example.com: delivered 7 days ago".
        public var sentence: String { sentence(in: .english) }

        /// The decision in `language`; `wouldQueue` for a dry run's "would queue …".
        public func sentence(in language: Language, wouldQueue: Bool = false) -> String {
            let head: String = switch outcome {
            case .queued: wouldQueue ? phrase("would queue {kind}") : phrase("queued {kind}")
            case .deferred: phrase("deferred {kind}")
            case .skipped: phrase("skipped {kind}")
            case .expired: phrase("expired {kind}")
            case .planned: phrase("planned {kind}")
            }
            var text = language.say(Said(head, phrases: ["kind": kind.title]))
            if !orderNumber.isEmpty { text += " " + language.say("for {order}", ["order": orderNumber]) }
            if !recipient.isEmpty { text += " " + language.say("to {recipient}", ["recipient": recipient]) }
            return text + ": " + language.sayKept(why)
        }
    }

    public var decisions: [Decision] = []
    /// Shipments that got their first ETA.
    public var etasSet = 0

    public init() {}

    public var queued: Int { decisions.filter { $0.outcome == .queued }.count }

    /// "3 mails queued, 1 deferred, 4 ETAs set".
    public var summary: String { summary(in: .english) }

    public func summary(in language: Language) -> String {
        func count(_ phrase: String, _ value: Int) -> String { language.say(phrase, ["count": String(value)]) }
        var parts = [queued == 1 ? language.say("1 mail queued") : count(phrase("{count} mails queued"), queued)]
        for outcome in [Decision.Outcome.planned, .deferred, .skipped, .expired] {
            let number = decisions.filter { $0.outcome == outcome }.count
            guard number > 0 else { continue }
            let counted: String = switch outcome {
            case .planned: phrase("{count} planned")
            case .deferred: phrase("{count} deferred")
            case .skipped: phrase("{count} skipped")
            default: phrase("{count} expired")
            }
            parts.append(count(counted, number))
        }
        if etasSet > 0 { parts.append(etasSet == 1 ? language.say("1 ETA set") : count(phrase("{count} ETAs set"), etasSet)) }
        return parts.joined(separator: ", ")
    }
}
