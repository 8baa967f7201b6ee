import Foundation

/// What the owner does to a review invite from the Reviews pane; each is logged under their Unix
/// user and undone with `u`.
public enum ReviewInviteAction: Equatable, Sendable {
    /// Queue the invite now, whatever held it back.
    case sendNow
    case hold
    case release
    case skip(reason: String)
    /// A review the customer left somewhere tezgah cannot read (a phone call, a marketplace).
    case recordReview(rating: Int, text: String)

    public var pastTense: String { pastTensePhrase.english }

    /// What the desk says was done, in its language.
    public var pastTensePhrase: Said {
        switch self {
        case .sendNow: Said("sent now")
        case .hold: Said("held")
        case .release: Said("released")
        case .skip: Said("skipped")
        case .recordReview(let rating, _): Said("reviewed ({rating}★)", ["rating": String(rating)])
        }
    }

    /// Reads "5 Harika bir kupa" (a rating, then the text) as typed at the prompt.
    public static func review(from typed: String) -> ReviewInviteAction? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard let first = text.first, let rating = first.wholeNumberValue, (1...5).contains(rating),
              text.count == 1 || text.dropFirst().first == " " else { return nil }
        return .recordReview(rating: rating, text: text.dropFirst().trimmingCharacters(in: .whitespaces))
    }
}

/// What an invite action changes, and what undo puts back.
public struct ReviewInviteFacts: Codable, Equatable, Sendable {
    public var state: ReviewInviteState
    public var reason: String
    public var heldFrom: ReviewInviteState?
    public var sentAt: Int64?

    public init(state: ReviewInviteState, reason: String, heldFrom: ReviewInviteState?, sentAt: Int64?) {
        self.state = state
        self.reason = reason
        self.heldFrom = heldFrom
        self.sentAt = sentAt
    }

    /// The facts after `action`, or why it does not fit this invite (a sentence to follow "Invite for #1042 ").
    public func applying(_ action: ReviewInviteAction, by actor: String, now: Date) -> Result<ReviewInviteFacts, OrderActionRefusal> {
        var next = self
        let waiting: Set<ReviewInviteState> = [.scheduled, .deferred, .held]
        switch action {
        case .sendNow:
            guard waiting.contains(state) else { return .failure(OrderActionRefusal(Said("is {state}; only a waiting invite can be sent.", phrases: ["state": state.title]))) }
            (next.state, next.reason, next.heldFrom, next.sentAt) = (.sent, "", nil, Int64(now.timeIntervalSince1970))
        case .hold:
            guard state == .scheduled || state == .deferred else {
                return .failure(OrderActionRefusal(state == .held ? Said("is already held.")
                                                   : Said("is {state}; only a waiting invite can be held.", phrases: ["state": state.title])))
            }
            (next.state, next.heldFrom, next.reason) = (.held, state, KeptPhrase.english(KeptPhrase.heldBy, ["user": actor]))
        case .release:
            guard state == .held else { return .failure(OrderActionRefusal(Said("is not held."))) }
            // Back to waiting; the next automation pass decides again whether it goes or waits.
            (next.state, next.heldFrom, next.reason) = (.scheduled, nil, "")
        case .skip(let reason):
            guard waiting.contains(state) else { return .failure(OrderActionRefusal(Said("is {state}; only a waiting invite can be skipped.", phrases: ["state": state.title]))) }
            (next.state, next.heldFrom, next.reason) = (.skipped, nil, reason)
        case .recordReview:
            guard state != .reviewed else { return .failure(OrderActionRefusal(Said("has a review already."))) }
            (next.state, next.heldFrom, next.reason) = (.reviewed, nil, "")
        }
        return .success(next)
    }
}

/// The Reviews pane's status line: how the invites of the last 30 days did, and what customers
/// said in the last 90.
public struct ReviewFigures: Equatable, Sendable {
    public var invitesSent = 0
    public var invitesReviewed = 0
    public var averageRating: Double?
    public var csatAverage: Double?
    public var csatAnswers = 0
    /// Promoters' share minus detractors', in percentage points (−100…100).
    public var nps: Int?
    public var npsAnswers = 0

    public init() {}

    /// "42 sent in 30 days · 31% reviewed · ★4.6 · CSAT 4.3 · NPS +32".
    public var summary: String { summary(in: .english) }

    /// The summary as the desk's language writes it ("30 günde 42 davet · %31 yorumlandı · ★4,6 …").
    public func summary(in language: Language) -> String {
        var parts = [language.say("{count} sent in 30 days", ["count": String(invitesSent)])]
        if invitesSent > 0 { parts.append(language.say("{percent}% reviewed", ["percent": String(invitesReviewed * 100 / invitesSent)])) }
        if let averageRating { parts.append("★" + language.decimal(averageRating)) }
        if let csatAverage { parts.append("CSAT " + language.decimal(csatAverage)) }
        if let nps { parts.append("NPS \(nps >= 0 ? "+" : "")\(nps)") }
        return parts.joined(separator: " · ")
    }

    /// Net promoter score of 0–10 answers: the share of 9s and 10s minus the share of 0–6s.
    public static func nps(_ scores: [Int]) -> Int? {
        guard !scores.isEmpty else { return nil }
        let promoters = scores.filter { $0 >= 9 }.count, detractors = scores.filter { $0 <= 6 }.count
        return Int((Double(promoters - detractors) * 100 / Double(scores.count)).rounded())
    }
}
