import Foundation
import Tezgah

/// Everything the screen shows, as a value. `reduce` changes it; `AppView` draws it.
public struct AppState: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case browsing
        /// Typing in the `/` filter box.
        case filtering
        /// The `?` key list.
        case help
        /// A yes/no question before something that cannot be undone; `y` runs the effect.
        case confirming(Confirmation)
        /// The Mail pane's failures grouped by reply (`f`).
        case mailProblems
        /// Typing an answer in the status bar: a `:` command, a hold reason, a tracking number…
        case prompting(Prompt)
        /// One customer's details and timeline over the panes (`C`, `:customer`).
        case customer(CustomerView)
        /// The shop's figures over the panes (`I`, `:insight`).
        case insight(InsightView)
    }

    /// A question in the status bar and what a yes does.
    public struct Confirmation: Equatable, Sendable {
        public var question: String
        public var effect: Effect
        public init(question: String, effect: Effect) {
            self.question = question
            self.effect = effect
        }
    }

    public var pane: Pane = .orders
    public var panes: [Pane: PaneState] = Dictionary(uniqueKeysWithValues: Pane.allCases.map { ($0, PaneState()) })
    public var mode: Mode = .browsing
    /// The selected row's detail: closed until Enter, then beside the list or full screen.
    public var detailShown: DetailShown = .closed
    public var width: Int
    public var height: Int
    public var shopName: String
    /// The database file, named on the first-run screen.
    public var databasePath: String
    public var clock: ShopClock
    /// True when the database has no data yet: the first-run screen shows instead of the panes.
    public var isFirstRun: Bool
    /// Mail counts for `mailStatesShown`, for the Mail pane's status line.
    public var mailStates: [OutboxState: Int] = [:]
    /// The states the Mail pane's status line counts: the queue and what went wrong, not the sent
    /// mail that grows with the shop's history.
    public static let mailStatesShown: [OutboxState] = [.queued, .deferred, .failed, .held]
    public var mailProblems: [MailProblemGroup] = []
    /// When a parcel counts as late, slipped or stalled (the shop's config will set it).
    public var attentionRule = ShipmentAttentionRule()
    public var shipmentsNeedingAttention: Int?
    /// The Reviews pane's figures (invites sent, review rate, ratings, CSAT, NPS) for its status line.
    public var reviewFigures: ReviewFigures?
    /// The Loyalty pane's figures (members, tiers, points owed) for its status line.
    public var loyaltyFigures: LoyaltyFigures?
    /// The shop's tracking-link templates (config), for `y` and the shipment detail.
    public var trackingLinks = TrackingLinks()
    /// The hours the shop answers mail, for the Support pane's first-response clock; nil counts
    /// every hour.
    public var businessHours: BusinessHours?
    /// The saved replies `m` offers, by name.
    public var savedReplyNames: [String] = []
    /// Whether conversation threads show quoted text and signatures in full (`f`), not folded.
    public var showsQuotedText = false
    /// Which locale draws the screen and which language the owner asked for, at the foot of `?`
    /// (`Locale C.UTF-8 (tr_TR.UTF-8 from LANG is not installed) · language tr`); nil in tests.
    public var localeSummary: String?
    /// The long job running off the key path, if any, and how far it has got; the status bar says so.
    public var job: RunningJob?
    /// A one-line note in the status bar (an error, or a hint); cleared by the next key.
    public var message: String?
    public var isQuitting = false
    /// The shop is open read-only: the tab bar says so beside its name.
    public var isReadOnly = false
    /// Where Esc goes back to after a row was opened from the customer or Insight view.
    public var returnPoint: ReturnPoint?
    /// The owner's own keys (keys.toml), and the first of two keys while the second is awaited.
    public var userKeys: [UserKey] = []
    public var pendingKeys: [Key] = []
    /// The `:` commands typed before, oldest first (the runtime keeps them per user).
    public var commandHistory: [String] = []
    /// The Insight view a customer was opened from, which Esc in the customer view goes back to.
    public var customerOpenedFromInsight: InsightView?

    public init(width: Int, height: Int, shopName: String, databasePath: String, clock: ShopClock,
                isFirstRun: Bool = false) {
        self.width = width
        self.height = height
        self.shopName = shopName
        self.databasePath = databasePath
        self.clock = clock
        self.isFirstRun = isFirstRun
        for pane in Pane.allCases { panes[pane]?.filter = pane.defaultFilter }
    }

    /// The language the desk speaks (`--lang`, `[ui] language`, the environment); dates follow it.
    public var language: Language {
        get { clock.language }
        set { clock.language = newValue }
    }

    /// A phrase of the desk in its language (see `Language.say`).
    public func say(_ phrase: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        clock.language.say(phrase, values)
    }

    /// A sentence the domain or the store built (a refusal, a problem), in the desk's language.
    public func say(_ said: Said) -> String { clock.language.say(said) }

    public var current: PaneState {
        get { panes[pane]! }
        set { panes[pane] = newValue }
    }

    /// How many list rows fit on screen now.
    public var listRows: Int { layout.listRows }

    /// Where the list and the detail go now.
    public var layout: Layout { Layout(width: width, height: height, detail: detailShown) }

    /// Whether the detail has the screen below the tabs: zoomed, or open where the terminal has no
    /// room beside or under the list.
    public var isDetailFullScreen: Bool {
        detailShown == .fullScreen || (detailShown == .open && layout.detail == nil)
    }
}

/// A job the desk started, shown in the status bar until it ends.
public struct RunningJob: Equatable, Sendable {
    public var job: Job
    public var progress = ""
    public var isStopping = false

    public init(job: Job) {
        self.job = job
    }

    /// "Importing orders.csv: 1.2 of 3.4 MB · S stops".
    public var line: String {
        job.title + (progress.isEmpty ? "…" : ": \(progress)") + (isStopping ? " · stopping…" : " · S stops")
    }
}
