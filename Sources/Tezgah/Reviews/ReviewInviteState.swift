/// Where a review invitation stands. One rule for every customer: an invite is deferred (never
/// dropped) while that customer has an open conversation, return or shipment exception.
public enum ReviewInviteState: String, CaseIterable, Sendable, Codable {
    case scheduled, deferred, held, sent, reminded, reviewed, skipped, expired

    public var title: String { rawValue }
}
