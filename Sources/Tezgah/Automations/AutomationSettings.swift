import Foundation

/// Which survey the shop sends after delivery.
public enum SurveyKind: String, CaseIterable, Sendable, Codable {
    /// Customer satisfaction, 1 to 5.
    case csat
    /// Net promoter score, 0 to 10.
    case nps

    public var scores: ClosedRange<Int> { self == .csat ? 1...5 : 0...10 }
    public var mailKind: MailKind { self == .csat ? .csatSurvey : .npsSurvey }
}

/// The after-sale journey's rules, each on or off and tunable in config.toml's `[automations.*]`.
public struct AutomationSettings: Equatable, Sendable {
    public struct ThankYou: Equatable, Sendable {
        public var enabled = true
        /// Only orders placed this recently are thanked: the first import of a shop's history mails nobody.
        public var maxAge: TimeInterval = 48 * 3_600
    }

    public struct ReviewInvite: Equatable, Sendable {
        /// On by default once the shop names where reviews are written (`url`).
        public var enabled = false
        public var afterDelivery: TimeInterval = 7 * 86_400
        /// When no delivery is ever recorded: this long after shipping.
        public var afterShipping: TimeInterval = 14 * 86_400
        /// One reminder this long after the invite, when no review came.
        public var reminderAfter: TimeInterval = 5 * 86_400
        /// A deferred invite not sent this long after it was due is dropped as expired.
        public var expiresAfter: TimeInterval = 60 * 86_400
        /// At most one invite per customer in this long.
        public var customerGap: TimeInterval = 30 * 86_400
        /// Where the customer writes the review; `{order}` becomes the order number without `#`.
        public var url: String?

        /// Makes each invite's link; nil while no review page is set (then no invite can be sent).
        public var links: (@Sendable (String) -> String)? {
            guard url != nil else { return nil }
            return { [self] number in link(orderNumber: number) }
        }

        public func link(orderNumber: String) -> String {
            let number = orderNumber.hasPrefix("#") ? String(orderNumber.dropFirst()) : orderNumber
            let encoded = number.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=?#"))) ?? number
            return (url ?? "").replacingOccurrences(of: "{order}", with: encoded)
        }
    }

    public struct Survey: Equatable, Sendable {
        public var enabled = true
        public var kind = SurveyKind.csat
        public var afterDelivery: TimeInterval = 3 * 86_400
        /// At most one survey per customer in this long.
        public var customerGap: TimeInterval = 90 * 86_400
    }

    public struct Eta: Equatable, Sendable {
        public var enabled = true
        public var transit = TransitTimes()
    }

    public var thankYou = ThankYou()
    public var reviewInvite = ReviewInvite()
    public var survey = Survey()
    public var eta = Eta()
    public var loyalty = LoyaltySettings()
    /// The shop's zone: ETAs end at midnight there.
    public var timeZone: TimeZone = .current

    public init() {}
}
