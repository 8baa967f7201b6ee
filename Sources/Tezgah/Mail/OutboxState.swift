/// The life cycle of one queued mail.
public enum OutboxState: String, CaseIterable, Sendable, Codable {
    case queued, sending, sent, deferred, held, failed, cancelled, suppressed

    public var title: String { rawValue }
}

/// Transactional mail (order and shipping notices) is exempt from frequency caps; marketing is not.
public enum MailCategory: String, CaseIterable, Sendable, Codable {
    case transactional, marketing
}

/// What a mail is for; it decides the template, the category and the expiry.
public enum MailKind: String, CaseIterable, Sendable, Codable {
    case thankYou = "thank_you"
    case orderPreparing = "order_preparing"
    case shipped, delivered, cancelled, refunded
    case reviewInvite = "review_invite"
    case reviewReminder = "review_reminder"
    case csatSurvey = "csat_survey"
    case npsSurvey = "nps_survey"
    case birthday, anniversary
    case winBack = "win_back"
    case loyaltyWelcome = "loyalty_welcome"
    case loyaltyTierChange = "loyalty_tier_change"
    /// The last chance before unused points expire.
    case pointsExpiring = "points_expiring"
    /// Each step of a return: received, approved (with how to send it), parcel in, refunded, declined.
    case returnUpdate = "return_update"
    case supportReply = "support_reply"

    public var category: MailCategory {
        switch self {
        case .birthday, .anniversary, .winBack, .reviewInvite, .reviewReminder, .npsSurvey, .csatSurvey:
            .marketing
        default:
            .transactional
        }
    }

    public var title: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// Review invites and surveys obey the marketing caps and quiet hours but are never dropped by
    /// them: they wait for the next moment they may go (their expiry moves with them).
    public var waitsOutMarketingLimits: Bool {
        [.reviewInvite, .reviewReminder, .csatSurvey, .npsSurvey].contains(self)
    }
}
