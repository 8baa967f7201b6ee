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
        public var sentence: String {
            "\(outcome.rawValue) \(kind.title) for \(orderNumber)\(recipient.isEmpty ? "" : " to \(recipient)"): \(why)"
        }
    }

    public var decisions: [Decision] = []
    /// Shipments that got their first ETA.
    public var etasSet = 0

    public init() {}

    public var queued: Int { decisions.filter { $0.outcome == .queued }.count }

    /// "3 mails queued (2 review invites, 1 thank-you), 1 deferred, 4 ETAs set".
    public var summary: String {
        var parts = ["\(queued) mail\(queued == 1 ? "" : "s") queued"]
        for outcome in [Decision.Outcome.planned, .deferred, .skipped, .expired] {
            let count = decisions.filter { $0.outcome == outcome }.count
            if count > 0 { parts.append("\(count) \(outcome.rawValue)") }
        }
        if etasSet > 0 { parts.append("\(etasSet) ETA\(etasSet == 1 ? "" : "s") set") }
        return parts.joined(separator: ", ")
    }
}
