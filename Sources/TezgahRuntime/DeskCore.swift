import Foundation
import Tezgah
import TezgahMail
import TezgahStore
import TezgahUI

/// The desk without a terminal: the state, the reducer, and the effects carried out against the
/// store, synchronously. A key goes in with `send`; `frame()` draws the state into a buffer.
///
/// SQLite reads of one window take well under a millisecond, so effects run inline: the frame after
/// a key always shows that key's result, with no spinner and no race.
public final class DeskCore {
    public private(set) var state: AppState
    public let database: AppDatabase
    /// Text the user asked to copy, for the terminal to send after the next frame.
    public var clipboardRequests: [String] = []
    /// Who the activity log names for actions taken here: the Unix user running tezgah. Looked up
    /// when first needed, not before the first frame: the lookup reads the user database (NSS).
    public private(set) lazy var actor: String = ProcessInfo.processInfo.userName
    /// Writes the customer mail order actions cause; nil when the config has no `[mail]` section.
    public let orderMails: OrderMails?

    /// The desk with its settings resolved from `config` and what the database stores.
    /// `storedShopName` stands in for the name the database stores (nil inside: none).
    public convenience init(database: AppDatabase, width: Int, height: Int, now: Date = Date(),
                            actor: String? = nil, config: ShopConfig = .defaults,
                            orderMails: OrderMails? = nil, storedShopName: String?? = nil, localeSummary: String? = nil,
                            language: Language = .english) throws {
        var stored = try database.storedShopSettings()
        if let storedShopName { stored.values[.name] = storedShopName }
        try self.init(database: database, width: width, height: height, now: now, actor: actor,
                      settings: .resolve(config: config, stored: stored), orderMails: orderMails, localeSummary: localeSummary,
                      language: language)
    }

    public init(database: AppDatabase, width: Int, height: Int, now: Date = Date(), actor: String? = nil,
                settings: ShopSettings, orderMails: OrderMails? = nil, localeSummary: String? = nil,
                language: Language = .english) throws {
        self.database = database
        self.orderMails = orderMails
        state = AppState(width: width, height: height, shopName: settings.name, databasePath: database.path,
                         clock: ShopClock(timeZone: settings.timeZone, now: now, language: language), isFirstRun: try database.isEmpty())
        state.attentionRule = settings.attentionRule
        state.trackingLinks = settings.trackingLinks
        state.savedReplyNames = savedReplies.names
        state.businessHours = settings.businessHours
        automations = settings.automations
        returns = settings.returns
        churnDays = settings.churnDays
        state.localeSummary = localeSummary
        state.isReadOnly = database.isReadOnly
        seenChanges = try database.changesElsewhere()
        if let actor { self.actor = actor }
        run(state.start())
    }

    /// The user's `:` history file (0600), when the desk keeps one; read with `useHistory(at:)`.
    public private(set) var historyFile: String?

    /// The owner's own keys, which win over the shipped ones (see `Keymap`).
    public func useKeys(_ keys: [UserKey]) {
        state.userKeys = keys
    }

    /// Keeps the `:` history in `path` (per user: it lives in their data folder) and loads it.
    public func useHistory(at path: String) {
        historyFile = path
        state.commandHistory = CommandHistory.read(path, keeping: AppState.historyKept)
    }

    /// Where reply drafts are kept until sent (0700), in the data folder.
    public var draftsFolder = DataPaths().dataFolder + "/drafts"
    /// The after-sale journey's rules: the ETA a parcel gets when the owner ships it, and what the
    /// Reviews pane's keys send.
    public var automations = AutomationSettings()
    public var returns = ReturnSettings()
    /// Days without an order after which the Insight view counts a repeat customer as lapsing.
    public var churnDays = 90
    /// The owner's saved replies (`m`); the desk's start loads the owner's files over the shipped ones.
    public var savedReplies = SavedReplyLibrary.shipped {
        didSet { state.savedReplyNames = savedReplies.names }
    }
    /// A reply draft waiting for the run loop to open the editor on it.
    var editorRequest: ReplyDraft?

    /// The job started with `:import`, while it runs.
    private var runningJob: BackgroundJob?

    /// Whether a job is running: the run loop then looks for its progress more often.
    public var hasRunningJob: Bool { runningJob != nil }

    /// Brings the running job's progress, or its end, to the screen.
    public func pollJob() {
        switch runningJob?.poll() {
        case .progressed(let text)?: send(.jobProgressed(text))
        case .finished(let text)?:
            runningJob = nil
            send(.jobFinished(text))
            refreshIfChangedElsewhere()
        case nil: break
        }
    }

    private func startJob(_ job: Job) {
        switch job {
        case .importFile(let path):
            let shopPath = database.path
            let (actor, zone, mails, language) = (actor, state.clock.timeZone, orderMails, state.language)
            let enrol = automations.loyalty.enrolment(composer: orderMails?.datedComposer)
            let file = (path as NSString).expandingTildeInPath
            let name = (file as NSString).lastPathComponent
            runningJob = BackgroundJob { progress in
                // Its own connection: the desk's is not to be used from another thread, and the
                // import's commit then reaches the desk as another process's would.
                let shop = try AppDatabase(path: shopPath)
                defer { try? shop.close() }
                let now = Date()
                do {
                    let summary = try shop.importFile(file, actor: actor, mail: mails?.composer(now: now), now: now, timeZone: zone,
                                                      enrol: enrol) { read, size in
                        try progress(size > 0 ? "\(read * 100 / size)%" : "")
                    }
                    return "\(name): \(summary.sentence(in: language))"
                } catch let error as ImportError {
                    return error.sentence(in: language)
                } catch let error as any UserFacingError {
                    return language.say(error.said)
                } catch let error where StoreError.said(for: error) != nil {
                    // A full disk or a read-only shop: the transaction was rolled back whole.
                    return language.say(StoreError.said(for: error)!)
                } catch is JobStopped {
                    return language.say("Import of {file} stopped; nothing from it was imported.", ["file": name])
                }
            }
        }
    }

    /// The shop's change counter when the desk last looked (see `refreshIfChangedElsewhere`).
    private var seenChanges: Int64

    /// Reads again what the desk shows if another process (the mail worker, an import, an inbox
    /// sync) has committed since the last look. One pragma when nothing changed, so the run loop
    /// calls it every second while idle; the desk's own writes do not count.
    public func refreshIfChangedElsewhere() {
        guard let changes = try? database.changesElsewhere(), changes != seenChanges else { return }
        seenChanges = changes
        send(.shopChangedElsewhere(isEmpty: (try? database.isEmpty()) ?? false))
    }

    /// Applies an action and everything it causes.
    public func send(_ action: Action) {
        run(state.reduce(action))
    }

    public func frame() -> Buffer {
        AppView.render(state)
    }

    /// Moves the clock the views measure "ago" and "in" against.
    public func setNow(_ now: Date) {
        var clock = state.clock
        clock.now = now
        send(.clockTicked(clock))
    }

    private func run(_ effects: [Effect]) {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            for action in perform(effect) {
                queue.append(contentsOf: state.reduce(action))
            }
        }
    }

    private func perform(_ effect: Effect) -> [Action] {
        do {
            switch effect {
            case .completeCustomerEmail(let partial):
                return [.completionsFound(partial: partial, try database.customerEmails(startingWith: partial))]
            case .rememberCommand(let command):
                if let historyFile { CommandHistory.append(command, to: historyFile, keeping: AppState.historyKept) }
                return []
            case .loadCustomer(let subject):
                guard let id = try database.customerID(of: subject) else {
                    return [.effectFailed(self.state.say("This row has no customer the shop knows."))]
                }
                return [.customerLoaded(try database.customerProfile(id: id, now: state.clock.now))]
            case let .loadCustomerByID(id, perKind):
                return [.customerLoaded(try database.customerProfile(id: id, perKind: perKind, now: state.clock.now))]
            case .findCustomers(let words):
                return [.customersFound(words, try database.findCustomers(words))]
            case .loadInsight(let days):
                // First responses answered since the last automation pass are counted in now.
                if !database.isReadOnly { try database.settleFirstResponses(hours: state.businessHours) }
                return [.insightLoaded(try database.insightReport(days: days, now: state.clock.now, timeZone: state.clock.timeZone,
                                                                  churnDays: churnDays))]
            case let .loadWindow(pane, request, size, filter, cursor, generation):
                return [.windowLoaded(pane, try pane.reader.window(database, request, size, filter, filterContext), cursor: cursor,
                                      generation: generation)]
            case let .loadDetail(pane, id):
                return [.detailLoaded(pane, id: id, try pane.reader.detail(database, id))]
            case let .loadCount(pane, filter):
                return [.countLoaded(pane, filter: filter, try pane.reader.count(database, filter, filterContext))]
            case .countMailStates:
                return [.mailStatesCounted(try database.outboxCountsByState(AppState.mailStatesShown),
                                           problems: try database.outboxProblemGroups())]
            case let .applyMailAction(action, ids):
                let problems = try database.apply(action, to: ids, actor: actor, now: state.clock.now)
                return [.mailActionApplied(action, ids: ids, problems: problems)]
            case let .countShipmentsNeedingAttention(rule, now):
                return [.shipmentsNeedingAttentionCounted(try database.countShipmentsNeedingAttention(rule: rule, now: now))]
            case .copyToClipboard(let text):
                clipboardRequests.append(text)
                return []
            case let .applyOrderAction(action, ids):
                let now = state.clock.now
                let eta = automations.eta
                return [.orderActionApplied(try database.apply(action, to: ids, actor: actor, now: now,
                                                               mail: orderMails?.composer(now: now),
                                                               estimate: eta.enabled ? eta.transit.estimate(in: automations.timeZone) : nil))]
            case .findUndo(let subject):
                return [.undoFound(subject, try database.lastUndoableChange(actor: actor, subject: subject))]
            case let .undoChange(subject, batch):
                return [.changeUndone(try database.undoChange(subject, batch: batch, actor: actor, now: state.clock.now))]
            case let .applyInviteAction(action, ids):
                let result = try database.apply(action, toInvites: ids, actor: actor, now: state.clock.now,
                                                composer: orderMails?.datedComposer, reviewLink: automations.reviewInvite.links)
                return [.inviteActionApplied(action, changed: result.changed, problems: result.problems)]
            case .joinLoyalty(let subjects):
                let customers = try subjects.compactMap { try database.customerID(of: $0) }
                let joined = try database.joinLoyalty(customers: customers, settings: automations.loyalty, actor: actor, now: state.clock.now,
                                                      composer: orderMails?.datedComposer)
                return [.loyaltyChanged(joined == 0 ? self.state.say("Already a member.") : joined == 1 ? self.state.say("Joined loyalty; welcome mail queued.")
                    : self.state.say("{count} customers joined loyalty.", ["count": joined.grouped(in: self.state.language)]))]
            case let .adjustPoints(points, reason, ids):
                let count = try database.adjustPoints(accounts: ids, by: points, reason: reason, actor: actor, now: state.clock.now)
                let values: KeyValuePairs = ["points": (points > 0 ? "+" : "") + Int(points).grouped(in: self.state.language), "count": count.grouped(in: self.state.language),
                                              "reason": reason]
                return [.loyaltyChanged(count == 1 ? self.state.say("{points} points for 1 member: {reason}.", values)
                                        : self.state.say("{points} points for {count} members: {reason}.", values))]
            case .redeemReward(let id):
                let code = try database.redeemReward(account: id, settings: automations.loyalty, actor: actor, now: state.clock.now)
                return [.loyaltyChanged(self.state.say("Coupon {code} issued for {points} points.",
                                                       ["code": code, "points": Int(automations.loyalty.rewardPoints).grouped(in: self.state.language)]))]
            case let .setBirthday(text, ids):
                try database.setBirthday(accounts: ids, to: text, actor: actor, now: state.clock.now)
                return [.loyaltyChanged(self.state.say("Birthday set."))]
            case let .setReferral(orderID, code):
                let state = try database.recordReferral(orderID: orderID, code: code, now: self.state.clock.now)
                return [.returnChanged(self.state.say("Referral recorded ({state}).", ["state": state]))]
            case let .requestReturnForConversation(conversationID, text):
                guard let orderID = try database.linkedOrder(conversationID: conversationID) else {
                    return [.returnChanged(self.state.say("Link the conversation to its order first (l)."))]
                }
                return perform(.requestReturn(orderID: orderID, text: text))
            case let .requestReturn(orderID, text):
                let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let request = ReturnRequest.parse(parts[0]) else {
                    return [.returnChanged(self.state.say("Say what comes back and why: “2 KUPA-01: kırık geldi” (no items: all of it)."))]
                }
                let id = try database.requestReturn(orderID: orderID, request, override: parts.count == 2 ? parts[1] : nil, settings: returns,
                                                    actor: actor, now: state.clock.now, composer: orderMails?.datedComposer)
                return [.returnChanged(self.state.say("Return #R{id} requested; the customer is told by mail.", ["id": String(id)]))]
            case let .advanceReturn(orderID, text):
                guard let open = try database.openReturn(orderID: orderID) else { return [.returnChanged(self.state.say("This order has no return under way."))] }
                let words = text.split(separator: " ", maxSplits: 1).map(String.init)
                let steps: [String: ReturnState] = ["approve": .approved, "receive": .received, "refund": .refunded, "reject": .rejected,
                                                    "onayla": .approved, "teslim": .received, "iade": .refunded, "reddet": .rejected]
                guard let next = words.first.flatMap({ steps[SearchFolding.fold($0)] }) else {
                    return [.returnChanged(self.state.say("Type approve, receive, refund or reject (with why) for return #R{id}.", ["id": String(open.id)]))]
                }
                let now = state.clock.now
                try database.advanceReturn(open.id, to: next, reason: words.count == 2 ? words[1] : "", settings: returns, actor: actor, now: now,
                                           composer: orderMails?.datedComposer, orderMail: orderMails?.composer(now: now))
                let values: [String: String] = ["id": String(open.id), "state": self.state.say(next.title)]
                return [.returnChanged(next == .refunded ? self.state.language.say(Said("Return #R{id} {state}; the refund mail is queued.", values))
                    : self.state.language.say(Said("Return #R{id} {state}; the customer is told by mail.", values)))]
            case let .issueVoucher(value, email):
                let code = try database.issueVoucher(value, validity: nil, customerEmail: email, note: "", actor: actor, now: state.clock.now)
                return [.loyaltyChanged(self.state.say("Voucher {code} issued for {amount}.", ["code": code, "amount": value.formatted(in: self.state.language)]))]
            case let .redeemVoucher(code, amount, reference):
                let balance = try database.redeemVoucher(code: code, amount: amount, reference: reference, actor: actor, now: state.clock.now)
                return [.loyaltyChanged(self.state.language.say(Said("{code}: {left} left of {issued}.", ["code": balance.code],
                                                                     amounts: ["left": balance.left, "issued": balance.issued])))]
            case .loadLoyaltyFigures:
                return [.loyaltyFiguresLoaded(try database.loyaltyFigures(now: state.clock.now, settings: automations.loyalty))]
            case .loadReviewFigures:
                return [.reviewFiguresLoaded(try database.reviewFigures(now: state.clock.now))]
            case .loadSavedFilters(let pane):
                return [.savedFiltersLoaded(pane, try database.savedFilters(pane: pane.storageName), message: nil)]
            case let .saveFilter(pane, name, query):
                try database.saveFilter(pane: pane.storageName, name: name, query: query, now: state.clock.now)
                let saved = try database.savedFilters(pane: pane.storageName)
                let number = (saved.firstIndex { $0.name == name } ?? 0) + 1
                let message = number <= 9
                    ? self.state.say("Saved filter “{name}” (key {number}): {query}", ["name": name, "number": String(number), "query": query])
                    : self.state.say("Saved filter “{name}”: {query}", ["name": name, "query": query])
                return [.savedFiltersLoaded(pane, saved, message: message)]
            case let .deleteFilter(pane, name):
                let deleted = try database.deleteFilter(pane: pane.storageName, name: name)
                return [.savedFiltersLoaded(pane, try database.savedFilters(pane: pane.storageName),
                                            message: deleted ? self.state.say("Deleted saved filter “{name}”.", ["name": name])
                                                : self.state.say("There is no saved filter “{name}” here.", ["name": name]))]
            case let .applyConversationAction(action, ids):
                return try applyConversationAction(action, ids: ids)
            case .editReply where database.isReadOnly, .startJob where database.isReadOnly:
                // Refused before an editor opens or a file is read: either would end in a write.
                return [.effectFailed(state.language.say(StoreError.readOnly))]
            case let .editReply(id, savedReply):
                return try prepareReply(id, savedReply: savedReply)
            case .startJob(let job):
                startJob(job)
                return []
            case .stopJob:
                runningJob?.stop()
                return []
            case .quit:
                return []
            }
        } catch let problem as FilterError {
            switch effect {
            case let .loadWindow(pane, _, _, filter, _, _), let .loadCount(pane, filter):
                return [.filterFailed(pane, filter: filter, state.language.say(problem.said))]
            default:
                return [.effectFailed(state.language.say(problem.said))]
            }
        } catch {
            let said = StoreError.said(for: error) ?? (error as? any UserFacingError)?.said
            return [.effectFailed(said.map(state.language.say) ?? "\(error)")]
        }
    }

    /// What a filter's terms are read against: now, the shop's days, the late-parcel rule.
    private var filterContext: FilterContext {
        FilterContext(now: state.clock.now, timeZone: state.clock.timeZone, attentionRule: state.attentionRule)
    }
}
