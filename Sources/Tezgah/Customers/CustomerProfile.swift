import Foundation

/// One customer on one screen: who they are, what they are worth to the shop, and everything that
/// happened between them and the shop, newest first.
public struct CustomerProfile: Hashable, Sendable {
    public var customer: Customer
    /// When they said no to marketing mail (a customers export, an unsubscribe link or reply).
    public var unsubscribedAt: Date?
    /// Why their address gets no mail at all (a hard bounce, a complaint), when it is suppressed.
    public var suppression: String?
    public var orderCount = 0
    /// Lifetime spend per currency, net of refunds, largest first.
    public var spend: [Money] = []
    public var loyaltyTier: LoyaltyTier?
    /// Points they can spend now, and points still waiting out an order's return window.
    public var points: Int64 = 0
    public var pendingPoints: Int64 = 0
    public var timeline: [CustomerEvent] = []
    /// How many events of each kind were read (the newest of each), and whether older ones were
    /// left out: the timeline then holds only what is certainly the newest whole stretch, and
    /// more is read as the owner scrolls towards its end.
    public var perKind: Int
    public var timelineIsCut = false

    /// What the view reads first: more than a screen of each kind, so the first screen is exact,
    /// and few enough that a customer with years of history opens within a frame.
    public static let firstRead = 40

    public init(customer: Customer, perKind: Int = CustomerProfile.firstRead) {
        self.customer = customer
        self.perKind = perKind
    }
}

/// One row of a customer's timeline, and what opening it shows.
public struct CustomerEvent: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case order, orderChange, parcel, tracking, mail, conversation, message, invite, review, survey, points, coupon,
             voucher, returned
        /// The short word in the timeline's second column.
        public var title: String {
            switch self {
            case .order: "order"
            case .orderChange: "status"
            case .parcel: "parcel"
            case .tracking: "tracking"
            case .mail: "mail"
            case .conversation: "support"
            case .message: "message"
            case .invite: "invite"
            case .review: "review"
            case .survey: "survey"
            case .points: "points"
            case .coupon: "coupon"
            case .voucher: "voucher"
            case .returned: "return"
            }
        }
    }

    public var at: Date
    public var kind: Kind
    /// What happened, as a phrase whose values hold the untrusted text (subjects, bodies) that the
    /// view makes safe; said in the desk's language.
    public var said: Said
    /// What happened, in English.
    public var text: String { said.english }
    /// Whether it went wrong or waits on someone (a failed mail, an exception, a rejected return).
    public var isProblem = false
    public var opens: CustomerSubject?

    public init(at: Date, kind: Kind, said: Said, isProblem: Bool = false, opens: CustomerSubject? = nil) {
        (self.at, self.kind, self.said, self.isProblem, self.opens) = (at, kind, said, isProblem, opens)
    }

    /// A row whose words are all data (a fixture's, or a review's stars and text).
    public init(at: Date, kind: Kind, text: String, isProblem: Bool = false, opens: CustomerSubject? = nil) {
        self.init(at: at, kind: kind, said: Said("{text}", ["text": text]), isProblem: isProblem, opens: opens)
    }
}

/// A row of some pane that belongs to a customer: what the customer view is opened from, and what
/// each of its timeline rows opens.
public enum CustomerSubject: Hashable, Sendable {
    case order(Int64)
    case shipment(Int64)
    case invite(Int64)
    case conversation(Int64)
    case member(Int64)
    case mail(Int64)
}
