import Foundation

/// When a deferred mail is tried again, and how long each kind of mail is worth sending at all.
public enum MailRetryPolicy {
    public static let firstDelay: TimeInterval = 60
    public static let longestDelay: TimeInterval = 4 * 3600

    /// The wait after the `attempts`-th failed attempt: 1 min, 2, 4, 8 … doubling up to 4 h.
    public static func delay(afterAttempts attempts: Int) -> TimeInterval {
        let doublings = max(0, min(attempts - 1, 20))
        return min(firstDelay * Double(1 << doublings), longestDelay)
    }
}

extension MailKind {
    /// How long after queueing the mail still means something. A "shipped" notice three days late
    /// only confuses; a survey a week on is still fair. Birthday mail passes the birthday's end in
    /// explicitly, which is why callers may give a shorter expiry.
    public var lifetime: TimeInterval {
        let day: TimeInterval = 86_400
        return switch self {
        case .thankYou, .orderPreparing, .shipped, .delivered: 3 * day
        case .cancelled, .refunded, .supportReply, .returnUpdate: 7 * day
        case .reviewInvite, .reviewReminder: 14 * day
        case .csatSurvey, .npsSurvey, .winBack, .loyaltyWelcome, .loyaltyTierChange, .pointsExpiring: 7 * day
        case .birthday, .anniversary: 1 * day
        }
    }
}
