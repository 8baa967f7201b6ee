import Tezgah

/// The customer view: one customer's details and timeline over the panes, opened with `C` on any
/// pane's row or `:customer EMAIL|NAME`. Enter opens a timeline row in its own pane; Esc there
/// comes back here.
public struct CustomerView: Equatable, Sendable {
    public var profile: CustomerProfile
    public var cursor = 0
    /// The first timeline row on screen.
    public var top = 0
    /// The larger read asked for as the cursor neared the end of a cut timeline, until it comes.
    public var moreRequested: Int?

    public init(profile: CustomerProfile) {
        self.profile = profile
    }

    public var selected: CustomerEvent? {
        profile.timeline.indices.contains(cursor) ? profile.timeline[cursor] : nil
    }

    /// The header lines above the timeline: who, what they are worth, the timeline's title.
    static let headerLines = 4

    /// Moves the cursor by a key, keeping it within `rows` rows on screen; false when the key is
    /// not a movement key.
    mutating func move(_ key: Key, rows: Int) -> Bool {
        let last = max(0, profile.timeline.count - 1)
        switch key {
        case .down, .character("j"), .control("n"): cursor = min(cursor + 1, last)
        case .up, .character("k"), .control("p"): cursor = max(cursor - 1, 0)
        case .pageDown, .control("f"), .control("d"): cursor = min(cursor + max(1, rows - 1), last)
        case .pageUp, .control("b"), .control("u"): cursor = max(cursor - max(1, rows - 1), 0)
        case .home, .character("g"): cursor = 0
        case .end, .character("G"): cursor = last
        default: return false
        }
        if cursor < top { top = cursor }
        if cursor >= top + rows { top = cursor - rows + 1 }
        return true
    }
}

/// Where Esc goes back to after a row was opened from the customer or Insight view: that view as
/// it was, and the filter the pane had before it was narrowed to the row.
public struct ReturnPoint: Equatable, Sendable {
    public enum View: Equatable, Sendable {
        case customer(CustomerView)
        case insight(InsightView)
    }
    public var view: View
    public var pane: Pane
    public var paneFilter: String
    public var detailShown: DetailShown
}

extension CustomerSubject {
    /// The pane that lists this kind of row.
    var pane: Pane {
        switch self {
        case .order: .orders
        case .shipment: .shipments
        case .invite: .reviews
        case .conversation: .support
        case .member: .loyalty
        case .mail: .mail
        }
    }

    var id: Int64 {
        switch self {
        case .order(let id), .shipment(let id), .invite(let id), .conversation(let id), .member(let id), .mail(let id): id
        }
    }

    /// The row a pane's selected item is, for `C`.
    static func of(_ row: PaneRow) -> CustomerSubject {
        switch row {
        case .order(let order): .order(order.id)
        case .shipment(let shipment): .shipment(shipment.id)
        case .review(let invite): .invite(invite.id)
        case .conversation(let conversation): .conversation(conversation.id)
        case .loyalty(let member): .member(member.id)
        case .mail(let mail): .mail(mail.id)
        }
    }
}

extension AppState {
    /// `C`: the selected row's customer.
    mutating func openCustomerOfSelectedRow() -> [Effect] {
        customerOpenedFromInsight = nil
        guard let row = current.selected?.row else {
            message = say("Select a row first; its customer opens.")
            return []
        }
        return [.loadCustomer(CustomerSubject.of(row))]
    }

    mutating func customerLoaded(_ profile: CustomerProfile) -> [Effect] {
        // The same customer again (back from a row, or read afresh) keeps the place in the timeline.
        var view = CustomerView(profile: profile)
        if case .customer(let old) = mode, old.profile.customer.id == profile.customer.id {
            view.cursor = min(old.cursor, max(0, profile.timeline.count - 1))
            view.top = min(old.top, view.cursor)
        }
        mode = .customer(view)
        return []
    }

    /// `:customer` found these: one opens, several are named so the owner can type the address.
    mutating func customersFound(_ words: String, _ customers: [Customer]) -> [Effect] {
        customerOpenedFromInsight = nil
        let folded = SearchFolding.fold(words)
        let exact = customers.filter { SearchFolding.fold($0.name) == folded || $0.email.lowercased() == words.lowercased() }
        if customers.count == 1 || exact.count == 1 { return [.loadCustomerByID((exact.count == 1 ? exact : customers)[0].id)] }
        if customers.isEmpty {
            message = say("No customer has the e-mail or name “{words}”.", ["words": words])
        } else {
            let names = customers.prefix(3).map { "\($0.name) <\($0.email)>" }.joined(separator: ", ")
            message = say("{count} customers match “{words}”: {names}; type the e-mail.",
                          ["count": "\(customers.count)\(customers.count >= 10 ? "+" : "")", "words": words, "names": names])
        }
        return []
    }

    /// Rows of the timeline on screen now.
    var customerTimelineRows: Int { max(1, height - 2 - CustomerView.headerLines) }

    mutating func handleCustomerKey(_ key: Key, _ view: CustomerView) -> [Effect] {
        var view = view
        if view.move(key, rows: customerTimelineRows) {
            // Near the end of what was read, more is read, so scrolling never meets a false end.
            let profile = view.profile
            if profile.timelineIsCut, view.moreRequested == nil, view.cursor + customerTimelineRows >= profile.timeline.count {
                view.moreRequested = profile.perKind * 4
                mode = .customer(view)
                return [.loadCustomerByID(profile.customer.id, perKind: profile.perKind * 4)]
            }
            mode = .customer(view)
            return []
        }
        switch key {
        case .escape, .character("q"), .left, .character("h"), .character("C"):
            if let insight = customerOpenedFromInsight {
                customerOpenedFromInsight = nil
                mode = .insight(insight)
            } else {
                mode = .browsing
            }
            return []
        case .enter, .right, .character("l"):
            guard let event = view.selected else { return [] }
            guard let subject = event.opens else {
                message = say("A {kind} has no pane of its own to open.", ["kind": say(event.kind.title)])
                return []
            }
            return open(subject, returningTo: .customer(view))
        case .character("?"):
            message = say("j/k move · Enter opens the row in its pane (Esc comes back) · Esc closes")
            return []
        default:
            return []
        }
    }

    /// Shows one row in its own pane with its detail open; Esc there returns to `view`.
    mutating func open(_ subject: CustomerSubject, returningTo view: ReturnPoint.View) -> [Effect] {
        let target = subject.pane
        let point = ReturnPoint(view: view, pane: pane, paneFilter: panes[target]?.filter ?? "", detailShown: detailShown)
        mode = .browsing
        var effects = show(target).filter { if case .loadWindow = $0 { false } else { true } }
        returnPoint = point
        detailShown = detailShown == .closed ? .open : detailShown
        effects += setFilter("id:\(subject.id)")
        message = say("Esc goes back.")
        return effects
    }

    /// Esc after opening a row from the customer or Insight view: the pane's filter as it was, and
    /// that view again.
    mutating func goBack(to point: ReturnPoint) -> [Effect] {
        returnPoint = nil
        var effects: [Effect] = []
        if current.filter.hasPrefix("id:") { effects += setFilter(point.paneFilter) }
        detailShown = point.detailShown
        if point.pane != pane { effects += show(point.pane) }
        switch point.view {
        case .customer(let view): mode = .customer(view)
        case .insight(let view): mode = .insight(view)
        }
        return effects
    }
}
