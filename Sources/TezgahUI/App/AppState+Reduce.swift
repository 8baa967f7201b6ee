import Tezgah

extension AppState {
    /// What to load when the app starts: the first pane's rows and count.
    public mutating func start() -> [Effect] {
        isFirstRun ? [] : show(pane)
    }

    /// Applies one action; returns the effects the runtime should carry out. Pure: no I/O here.
    public mutating func reduce(_ action: Action) -> [Effect] {
        switch action {
        case .keyPressed(let key):
            message = nil
            return handle(key)
        case let .terminalResized(width, height):
            let oldRows = listRows
            self.width = width
            self.height = height
            return reloadIfRowsChanged(from: oldRows)
        case let .windowLoaded(pane, window, cursor, generation):
            guard var state = panes[pane], generation == state.generation else { return [] }
            state.window = window
            state.isLoaded = true
            state.filterProblem = nil
            let lastIndex = max(0, window.rows.count - 1)
            switch cursor {
            case .index(let index): state.cursor = min(max(index, 0), lastIndex)
            case .last: state.cursor = lastIndex
            case let .row(id, fallback):
                state.cursor = window.rows.firstIndex { $0.row.id == id } ?? min(max(fallback, 0), lastIndex)
            }
            panes[pane] = state
            return detailEffect(for: pane)
        case let .detailLoaded(pane, id, detail):
            guard panes[pane]?.selected?.row.id == id else { return [] }
            panes[pane]?.detail = detail
            panes[pane]?.detailID = id
            return []
        case let .countLoaded(pane, filter, count):
            guard var state = panes[pane] else { return [] }
            if filter.isEmpty { state.total = count }
            if filter == state.filter { state.matches = filter.isEmpty ? nil : count }
            panes[pane] = state
            return []
        case let .mailStatesCounted(counts, problems):
            mailStates = counts
            mailProblems = problems
            return []
        case let .mailActionApplied(action, ids, problems):
            let done = ids.count - problems.count
            if let problem = problems.first {
                message = andMore(say(problem), problems.count - 1)
            } else {
                message = done == 1 ? say("Mail {id} {action}.", ["id": String(ids[0]), "action": say(action.pastTense)])
                    : say("{count} mails {action}.", ["count": done.grouped(in: language), "action": say(action.pastTense)])
            }
            guard done > 0 else { return [] }
            panes[.mail]?.marked = [:]
            return refreshAfterChange(to: .mail, alsoStale: []) + [.countMailStates]
        case .orderActionApplied(let report):
            return orderActionApplied(report)
        case .undoFound(let subject, let change):
            return undoFound(subject, change)
        case .changeUndone(let report):
            return changeUndone(report)
        case let .savedFiltersLoaded(pane, filters, text):
            panes[pane]?.savedFilters = filters
            panes[pane]?.savedFiltersLoaded = true
            if let text { message = text }
            return []
        case let .inviteActionApplied(action, changed, problems):
            let done = language.say(action.pastTensePhrase)
            var text = changed == 0 ? "" : changed == 1 ? say("Invite {action}.", ["action": done])
                : say("{count} invites {action}.", ["count": changed.grouped(in: language), "action": done])
            if let problem = problems.first { text += (text.isEmpty ? "" : " ") + say(problem) }
            message = text.isEmpty ? say("Nothing changed.") : text
            guard changed > 0 else { return [] }
            panes[.reviews]?.marked = [:]
            return refreshAfterChange(to: .reviews, alsoStale: [.mail]) + [.loadReviewFigures]
        case .loyaltyChanged(let text):
            message = text
            return refreshAfterChange(to: .loyalty, alsoStale: [.mail]) + [.loadLoyaltyFigures]
        case .returnChanged(let text):
            message = text
            return refreshAfterChange(to: .orders, alsoStale: [.mail, .reviews, .loyalty])
        case .loyaltyFiguresLoaded(let figures):
            loyaltyFigures = figures
            return []
        case .reviewFiguresLoaded(let figures):
            reviewFigures = figures
            return []
        case .shipmentsNeedingAttentionCounted(let count):
            shipmentsNeedingAttention = count
            return []
        case let .filterFailed(pane, filter, text):
            guard panes[pane]?.filter == filter else { return [] } // typed on since
            panes[pane]?.filterProblem = text
            return []
        case .effectFailed(let text):
            message = text
            return []
        case let .conversationActionApplied(action, count):
            let done = language.say(action.pastTensePhrase)
            message = count == 1 ? say("Conversation {action}.", ["action": done])
                : say("{count} conversations {action}.", ["count": count.grouped(in: language), "action": done])
            guard count > 0 else { message = say("Nothing changed."); return [] }
            panes[.support]?.marked = [:]
            return refreshAfterChange(to: .support, alsoStale: [])
        case .replyFinished(let text):
            message = text
            return refreshAfterChange(to: .support, alsoStale: [.mail])
        case .jobProgressed(let text):
            job?.progress = text
            return []
        case .jobFinished(let text):
            job = nil
            message = text
            return []
        case .shopChangedElsewhere(let isEmpty):
            return shopChangedElsewhere(isEmpty: isEmpty)
        case .clockTicked(let clock):
            self.clock = clock
            return []
        case .customerLoaded(let profile):
            return customerLoaded(profile)
        case .customersFound(let query, let customers):
            return customersFound(query, customers)
        case .insightLoaded(let report):
            return insightLoaded(report)
        case let .completionsFound(partial, options):
            return completionsFound(for: partial, options)
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        // Ctrl-C quits from anywhere: in raw mode it is a key, not a signal.
        if key == .control("c") { return quit() }
        if isFirstRun {
            if key == .character("q") || key == .escape { return quit() }
            return []
        }
        if case .mouse(let event) = key { return handleMouse(event) }
        switch mode {
        case .help:
            if [.character("?"), .escape, .character("q"), .enter].contains(key) { mode = .browsing }
            return []
        case .filtering:
            return handleFilterKey(key)
        case .confirming(let confirmation):
            mode = .browsing
            if key == .character("y") || key == .character("Y") { return [confirmation.effect] }
            message = say("Nothing changed.")
            return []
        case .mailProblems:
            if [.character("f"), .escape, .character("q"), .enter].contains(key) { mode = .browsing }
            return []
        case .prompting(let prompt):
            return handlePromptKey(key, prompt)
        case .customer(let view):
            return handleCustomerKey(key, view)
        case .insight(let view):
            return handleInsightKey(key, view)
        case .browsing:
            // Esc on a row opened from the customer or Insight view goes back there.
            if key == .escape, let point = returnPoint { return goBack(to: point) }
            return handleBrowsingKey(key)
        }
    }

    /// Opens, zooms or closes the detail. Opening it under the list leaves fewer list rows, so the
    /// window is reloaded around the selected row.
    mutating func showDetail(_ shown: DetailShown) -> [Effect] {
        let oldRows = listRows
        detailShown = shown
        return reloadIfRowsChanged(from: oldRows) + detailEffect(for: pane)
    }

    /// After the screen or the layout changed size: the window reloaded to fill the new list height.
    private mutating func reloadIfRowsChanged(from oldRows: Int) -> [Effect] {
        // While too small nothing is shown: keep the window so the selection survives the squeeze.
        guard !isFirstRun, listRows != oldRows, layout.arrangement != .tooSmall,
              let first = current.window.rows.first else { return [] }
        // Keep the top row where it was, unless the selected row would fall below the new bottom.
        let start = current.cursor < listRows ? first.key : current.selected?.key ?? first.key
        return [load(.startingAt(start), cursor: keepSelection())]
    }

    /// A key on the list (or beside an open detail): the first binding of the pane's key table that
    /// takes it, so what `?` lists is exactly what is handled.
    mutating func handleBrowsingKey(_ key: Key) -> [Effect] {
        if let effects = handleUserKey(key) { return effects }
        return handleTableKey(key)
    }

    /// The pane's own key table alone (the owner's keys aside).
    mutating func handleTableKey(_ key: Key) -> [Effect] {
        guard let binding = pane.keyTable.first(where: { $0.handles(key, in: self) }) else { return [] }
        return binding.run(&self, key)
    }

    private mutating func handleFilterKey(_ key: Key) -> [Effect] {
        switch key {
        case .enter:
            mode = .browsing
            return []
        case .escape:
            mode = .browsing
            return setFilter("")
        case .backspace, .delete:
            guard !current.filter.isEmpty else { mode = .browsing; return [] }
            return setFilter(String(current.filter.dropLast()))
        case .control("u"):
            return setFilter("")
        case .character(let c):
            return setFilter(current.filter + String(c))
        case .function:
            // F-keys are never text: keep the filter and go where the key says.
            mode = .browsing
            return handleBrowsingKey(key)
        default:
            return move(key) ?? []
        }
    }

    /// Cursor and paging keys, shared by browsing, filtering (arrows only) and the full-screen detail.
    /// Returns nil when the key is not a movement key.
    mutating func move(_ key: Key) -> [Effect]? {
        let rows = current.window.rows
        let visible = rows.count
        switch key {
        case .down, .control("n"),
             .character("j") where mode != .filtering: // while filtering, j is a letter
            if current.cursor < visible - 1 {
                current.cursor += 1
                return detailEffect(for: pane)
            }
            guard current.window.hasAfter, visible > 1 else { return [] }
            return [load(.startingAt(rows[1].key), cursor: .index(current.cursor))]
        case .up, .control("p"),
             .character("k") where mode != .filtering:
            if current.cursor > 0 {
                current.cursor -= 1
                return detailEffect(for: pane)
            }
            guard current.window.hasBefore, let first = rows.first else { return [] }
            return [load(.startingAbove(first.key), cursor: .index(0))]
        case .pageDown, .control("f"), .control("d"):
            guard current.window.hasAfter, let last = rows.last else {
                current.cursor = max(0, visible - 1)
                return detailEffect(for: pane)
            }
            return [load(.startingAt(last.key), cursor: .index(current.cursor))]
        case .pageUp, .control("b"),
             .control("u") where mode != .filtering: // while filtering, Ctrl-U clears the box
            guard current.window.hasBefore, let first = rows.first else {
                current.cursor = 0
                return detailEffect(for: pane)
            }
            return [load(.endingBefore(first.key), cursor: .index(current.cursor))]
        case .home,
             .character("g") where mode != .filtering:
            return [load(.top, cursor: .index(0))]
        case .end,
             .character("G") where mode != .filtering:
            return [load(.bottom, cursor: .last)]
        default:
            return nil
        }
    }

    mutating func setFilter(_ text: String) -> [Effect] {
        current.filter = text
        current.matches = nil
        current.filterProblem = nil
        var effects = [load(.top, cursor: .index(0))]
        if !text.isEmpty { effects.append(.loadCount(pane, filter: text)) }
        return effects
    }

    mutating func show(_ target: Pane) -> [Effect] {
        // Going elsewhere than the opened row's pane leaves the way back behind.
        if target != pane { returnPoint = nil }
        pane = target
        // An open detail stays open on the next pane, showing that pane's selected row.
        var effects = detailEffect(for: target)
        if !current.isLoaded || current.window.rows.count < listRows {
            if let first = current.window.rows.first {
                effects.append(load(.startingAt(first.key), cursor: keepSelection()))
            } else {
                effects.append(load(.top, cursor: .index(0)))
            }
        }
        // Counts are refreshed on each visit: cheap, and the shop may have changed meanwhile.
        effects.append(.loadCount(pane, filter: ""))
        if !current.filter.isEmpty { effects.append(.loadCount(pane, filter: current.filter)) }
        if !current.savedFiltersLoaded { effects.append(.loadSavedFilters(target)) }
        return effects + figureEffects(for: target)
    }

    /// What a pane's status line adds to its counts, read again on each visit and change.
    func figureEffects(for pane: Pane) -> [Effect] {
        switch pane {
        case .mail: [.countMailStates]
        case .shipments: [.countShipmentsNeedingAttention(attentionRule, now: clock.now)]
        case .reviews: [.loadReviewFigures]
        case .loyalty: [.loadLoyaltyFigures]
        default: []
        }
    }

    /// Starts `job` unless one is running (one at a time: two imports would only wait on each other).
    mutating func start(_ job: Job) -> [Effect] {
        guard self.job == nil else {
            message = say("{job} is still running; S stops it.", ["job": self.job!.job.title])
            return []
        }
        self.job = RunningJob(job: job)
        return [.startJob(job)]
    }

    mutating func stopJob() -> [Effect] {
        guard job != nil else {
            message = say("Nothing is running.")
            return []
        }
        job?.isStopping = true
        return [.stopJob]
    }

    /// Another process changed the shop: the pane on screen reads its window, counts and open
    /// detail again where they are (the cursor stays on its row, a prompt or the filter box stays
    /// open); the other panes read theirs when next shown.
    mutating func shopChangedElsewhere(isEmpty: Bool) -> [Effect] {
        if isFirstRun {
            guard !isEmpty else { return [] }
            isFirstRun = false
            return start()
        }
        for other in Pane.allCases where other != pane { panes[other]?.isLoaded = false }
        guard current.isLoaded else { return [] }
        current.detailID = nil
        // At the top of the list, rows that arrived above it come into view; elsewhere the window
        // keeps its first row so what the owner is reading does not scroll away.
        var effects = [current.window.hasBefore ? reloadWhereItIs() : load(.top, cursor: keepSelection())]
        effects += detailEffect(for: pane)
        effects.append(.loadCount(pane, filter: ""))
        if !current.filter.isEmpty { effects.append(.loadCount(pane, filter: current.filter)) }
        return effects + figureEffects(for: pane)
    }

    /// The window reloaded from its first row, keeping the selected row (or its place, if it left
    /// the list), so an action or a resize never moves the view.
    mutating func reloadWhereItIs() -> Effect {
        guard let first = current.window.rows.first else { return load(.top, cursor: .index(0)) }
        return load(.startingAt(first.key), cursor: keepSelection())
    }

    private func keepSelection() -> CursorTarget {
        guard let selected = current.selected else { return .index(0) }
        return .row(id: selected.row.id, fallbackIndex: current.cursor)
    }

    private mutating func load(_ request: WindowRequest, cursor: CursorTarget) -> Effect {
        current.generation += 1
        return .loadWindow(pane, request, size: listRows, filter: current.filter, cursor: cursor,
                           generation: current.generation)
    }

    private func detailEffect(for pane: Pane) -> [Effect] {
        // A closed detail loads nothing: moving through the list costs no detail queries.
        guard detailShown != .closed, let state = panes[pane], let selected = state.selected else { return [] }
        if state.detailID == selected.row.id && state.detail != nil { return [] }
        return [.loadDetail(pane, id: selected.row.id)]
    }

    mutating func quit() -> [Effect] {
        isQuitting = true
        return [.quit]
    }
}

extension AppState {
    /// "the first problem (and 3 more)": one sentence for several rows that could not change.
    func andMore(_ first: String, _ others: Int) -> String {
        others == 0 ? first : first + " " + say("(and {count} more)", ["count": others.grouped(in: language)])
    }
}
