import Tezgah

/// Draws the whole screen from the state: `AppView.render(state)` is a pure function to a buffer.
public enum AppView {
    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(width: state.width, height: state.height)
        let layout = state.layout
        if layout.arrangement == .tooSmall {
            drawTooSmall(&buffer, state)
            return buffer
        }
        drawTabs(&buffer, state)
        if state.isFirstRun {
            drawFirstRun(&buffer, state)
        } else if case .customer(let view) = state.mode {
            drawCustomer(&buffer, state, view)
        } else if case .insight(let view) = state.mode {
            drawInsight(&buffer, state, view)
        } else if state.isDetailFullScreen {
            drawDetail(&buffer, state, Rect(x: 0, y: 1, width: state.width, height: state.height - 2))
        } else {
            drawList(&buffer, state, layout.list)
            if let detail = layout.detail {
                drawDivider(&buffer, layout)
                drawDetail(&buffer, state, detail)
            }
        }
        drawStatus(&buffer, state)
        if state.mode == .help { drawHelp(&buffer, state) }
        if state.mode == .mailProblems { drawMailProblems(&buffer, state) }
        return buffer
    }

    // MARK: - Tabs and status

    /// Each tab's label and the columns it takes: every name where they all fit, else the
    /// current pane's alone beside the others' F-keys. A click finds its tab here too.
    static func tabs(_ state: AppState) -> [(pane: Pane, label: String, columns: Range<Int>)] {
        let full = Pane.allCases.reduce(0) { $0 + DisplayWidth.of(state.say($1.title)) + 5 }
        var x = 0
        return Pane.allCases.map { pane in
            let label = full <= state.width || pane == state.pane ? " F\(pane.rawValue + 1) \(state.say(pane.title)) " : " F\(pane.rawValue + 1) "
            let width = DisplayWidth.of(label)
            defer { x += width + 1 }
            return (pane, label, x..<(x + width))
        }
    }

    static func drawTabs(_ buffer: inout Buffer, _ state: AppState) {
        buffer.fill(x: 0, y: 0, width: state.width, height: 1, role: .tabInactive)
        var x = 0
        for tab in tabs(state) {
            x = tab.columns.lowerBound
            x += buffer.put(tab.label, x: x, y: 0, role: tab.pane == state.pane ? .tabActive : .tabInactive)
            x += 1
        }
        let name = state.shopName + (state.isReadOnly ? " · " + state.say("read-only") : "")
        let nameWidth = DisplayWidth.of(name)
        if x + nameWidth + 1 < state.width {
            buffer.put(name, x: state.width - nameWidth - 1, y: 0, role: .dim)
        }
    }

    static func drawStatus(_ buffer: inout Buffer, _ state: AppState) {
        let y = state.height - 1
        buffer.fill(x: 0, y: y, width: state.width, height: 1, role: .statusBar)
        if state.mode == .filtering {
            var x = buffer.put(" / ", x: 0, y: y, role: .statusKey)
            x += buffer.put(state.current.filter, x: x, y: y, maxWidth: state.width / 2, role: .statusBar)
            x += buffer.put("▏", x: x, y: y, role: .statusKey)
            if let problem = state.current.filterProblem {
                buffer.put("  " + problem, x: x, y: y, maxWidth: state.width - x, role: .message)
            } else {
                let hint = "  \(countText(state))  " + state.say("Enter keep · Esc clear")
                buffer.put(hint, x: x, y: y, maxWidth: state.width - x, role: .statusBar)
            }
            return
        }
        if case .prompting(let prompt) = state.mode {
            // The question whole where it fits, leaving room to type.
            var x = buffer.put(" " + prompt.label, x: 0, y: y, maxWidth: max(state.width * 2 / 3, state.width - 24), role: .statusKey)
            // The end of a long answer stays in view, as in a shell.
            let room = max(1, state.width - x - 2)
            var shown = prompt.text
            while DisplayWidth.of(shown) > room { shown.removeFirst() }
            x += buffer.put(shown, x: x, y: y, maxWidth: room, role: .statusBar)
            buffer.put("▏", x: x, y: y, role: .statusKey)
            if let message = state.message, x + 3 < state.width {
                buffer.put("  " + message, x: x + 1, y: y, maxWidth: state.width - x - 1, role: .message)
            }
            return
        }
        if case .confirming(let confirmation) = state.mode {
            buffer.put(" " + confirmation.question, x: 0, y: y, maxWidth: state.width, role: .message)
            return
        }
        var hints: [StatusHint]
        switch state.mode {
        case .customer: hints = StatusHint.customerView
        case .insight: hints = StatusHint.insightView
        default: hints = state.isFirstRun ? StatusHint.firstRun : state.pane.definition.hints
        }
        hints = hints.map { StatusHint($0.key, state.say($0.text)) }
        let hintWidth = hints.reduce(0) { $0 + DisplayWidth.of($1.key) + DisplayWidth.of($1.text) + 3 }
        let left: String
        if let message = state.message {
            left = " " + message
        } else if state.isFirstRun {
            left = " " + state.say("No shop data yet")
        } else if case .customer(let view) = state.mode {
            left = " " + view.profile.customer.name
        } else if case .insight(let view) = state.mode {
            left = " " + state.say("Insight · {days} days", ["days": String(view.days)])
        } else if let job = state.job {
            left = " " + job.line + " · " + countText(state)
        } else {
            left = " " + countText(state)
        }
        let leftRole: StyleRole = state.message == nil && state.current.filterProblem == nil ? .statusBar : .message
        // The hints give way to a message that needs the room: it says what just happened.
        let showHints = hintWidth < state.width / 2 && DisplayWidth.of(left) + hintWidth <= state.width
        let leftWidth = state.width - (showHints ? hintWidth : 0)
        buffer.put(left, x: 0, y: y, maxWidth: leftWidth, role: leftRole)
        if showHints {
            var x = state.width - hintWidth
            for hint in hints {
                x += buffer.put(hint.key, x: x, y: y, role: .statusKey)
                x += buffer.put(" \(hint.text)  ", x: x, y: y, role: .statusBar)
            }
        }
    }

    /// "1,204 orders", "12 of 1,204 orders match", "10,000+ match", plus the mail states on Mail.
    static func countText(_ state: AppState) -> String {
        let pane = state.current
        // The sentence names the filter already, and no count can be trusted until it changes.
        if !pane.filter.isEmpty, let problem = pane.filterProblem { return problem }
        var text: String
        let language = state.language
        let marks = pane.marked.isEmpty ? "" : state.say("{count} marked", ["count": pane.marked.count.grouped(in: language)]) + " · "
        if let total = pane.total {
            text = "\(total.value.grouped(in: language)) \(state.say(state.pane.noun(total.value)))"
        } else {
            text = state.say(state.pane.title)
        }
        if !pane.filter.isEmpty {
            if let matches = pane.matches {
                text = state.say("{matches} of {total} match", ["matches": matches.value.grouped(in: language) + (matches.isCapped ? "+" : ""),
                                                                  "total": text])
            } else {
                text = state.say("filtering {total}…", ["total": text])
            }
            // While browsing, say which filter is on (the box shows it while typing).
            if state.mode != .filtering {
                // Trimmed here rather than by Foundation, whose first trim (through NSString) cost
                // about 0.2 ms of the first frame, which always shows the default filter.
                var filter = Substring(pane.filter)
                while filter.first?.isWhitespace == true { filter.removeFirst() }
                while filter.last?.isWhitespace == true { filter.removeLast() }
                text = "\(filter) · " + text
            }
        }
        if state.pane == .shipments, let attention = state.shipmentsNeedingAttention, attention > 0 {
            text += " · " + state.say("{count} need attention", ["count": attention.grouped(in: language)])
        }
        if state.pane == .reviews, let figures = state.reviewFigures { text += " · " + figures.summary(in: language) }
        if state.pane == .loyalty, let figures = state.loyaltyFigures { text += " · " + figures.summary(in: language) }
        if state.pane == .mail && !state.mailStates.isEmpty {
            let parts = AppState.mailStatesShown.compactMap { s in state.mailStates[s].map { "\($0.grouped(in: language)) \(state.say(s.title))" } }
            if !parts.isEmpty { text += " · " + parts.joined(separator: " · ") }
        }
        return marks + text
    }

    // MARK: - List

    static func drawList(_ buffer: inout Buffer, _ state: AppState, _ area: Rect) {
        let pane = state.current
        // Column 0 holds the cursor mark, the last column the ↑/↓ scroll hints.
        let columns = Column.fit(state.pane.columns, into: area.width - 2)
        var x = area.x + 1
        buffer.fill(x: area.x, y: area.y, width: area.width, height: 1, role: .header)
        for (column, width) in columns {
            buffer.put(TextFitting.pad(state.say(column.title), to: width, alignRight: column.alignRight), x: x, y: area.y, role: .header)
            x += width + 1
        }
        if pane.window.rows.isEmpty {
            let note = !pane.isLoaded ? state.say("Loading…")
                : pane.filter.isEmpty ? state.say("No {rows} yet.", ["rows": state.say(state.pane.noun(2))])
                : state.say("Nothing matches “{filter}”. Esc clears the filter.", ["filter": pane.filter])
            buffer.put(note, x: area.x + 1, y: area.y + 2, maxWidth: area.width - 2, role: .dim)
            return
        }
        let rows = min(pane.window.rows.count, area.height - 1)
        for index in 0..<rows {
            let y = area.y + 1 + index
            let item = pane.window.rows[index]
            let selected = index == pane.cursor
            if pane.marked[item.row.id] != nil {
                buffer.put("•", x: area.x, y: y, role: selected ? .selected : .accent)
            } else if selected {
                buffer.put("▸", x: area.x, y: y, role: .selected)
            }
            var x = area.x + 1
            for (columnIndex, (column, width)) in columns.enumerated() {
                let (value, role) = column.value(item.row, state)
                // The cursor is the mark and the row's first column, not the whole row: a whole-row
                // highlight makes the terminal resend both rows' every character on each move
                // (about 290 bytes at 120 columns against 56), which a slow link feels.
                buffer.put(TextFitting.pad(value, to: width, alignRight: column.alignRight), x: x, y: y,
                           role: selected && columnIndex == 0 ? .selected : role)
                x += width + 1
            }
        }
        // Scroll hints: more rows above or below the window.
        if pane.window.hasBefore { buffer.put("↑", x: area.x + area.width - 1, y: area.y + 1, role: .dim) }
        if pane.window.hasAfter && rows > 0 { buffer.put("↓", x: area.x + area.width - 1, y: area.y + rows, role: .dim) }
    }

    static func drawDivider(_ buffer: inout Buffer, _ layout: Layout) {
        guard let detail = layout.detail else { return }
        if layout.arrangement == .sideBySide {
            for y in detail.y..<(detail.y + detail.height) { buffer.put("│", x: detail.x - 1, y: y, role: .border) }
        } else {
            buffer.put(String(repeating: "─", count: layout.width), x: 0, y: detail.y - 1, role: .border)
        }
    }

    // MARK: - Detail

    static func drawDetail(_ buffer: inout Buffer, _ state: AppState, _ area: Rect) {
        let pane = state.current
        guard let selected = pane.selected else {
            buffer.put(state.say("Nothing selected."), x: area.x + 1, y: area.y, role: .dim)
            return
        }
        guard let detail = pane.detail, pane.detailID == selected.row.id else {
            buffer.put(state.say("Loading…"), x: area.x + 1, y: area.y, role: .dim)
            return
        }
        let width = area.width - 2
        let lines = detail.lines(DetailContext(clock: state.clock, attentionRule: state.attentionRule,
                                                  trackingLinks: state.trackingLinks, width: width,
                                                  businessHours: state.businessHours, showsQuotedText: state.showsQuotedText))
        for (index, line) in lines.prefix(area.height).enumerated() {
            buffer.put(line, x: area.x + 1, y: area.y + index, width: width)
        }
        if lines.count > area.height, area.height > 0 {
            let more = "… " + state.say("{count} more lines", ["count": (lines.count - area.height + 1).grouped(in: state.language)])
                + (state.isDetailFullScreen ? "" : " (Enter)")
            buffer.fill(x: area.x, y: area.y + area.height - 1, width: area.width, height: 1, role: .normal)
            buffer.put(more, x: area.x + 1, y: area.y + area.height - 1, maxWidth: width, role: .dim)
        }
    }

    // MARK: - Overlays and special screens

    static func drawHelp(_ buffer: inout Buffer, _ state: AppState) {
        let table = state.pane.keyTable
        // The owner's own keys (keys.toml) first, as the desk takes them first.
        let mine = state.userKeys.filter { $0.pane == nil || $0.pane == state.pane }.compactMap { userKey in
            AppState.command(userKey.command, in: state.pane).map { (label: userKey.label, text: state.say($0.0.text) + " " + state.say("(yours)")) }
        }
        var entries = mine + table.map { (label: $0.label, text: state.say($0.text)) }
        entries += state.current.savedFilters.prefix(9).enumerated().map { index, filter in
            (label: String(index + 1), text: "\(filter.name): \(filter.query)")
        }
        // Two columns, each with its own key width, when one column does not fit the height.
        let columns = entries.count + 2 > state.height - 2 ? 2 : 1
        let perColumn = (entries.count + columns - 1) / columns
        let groups = stride(from: 0, to: entries.count, by: perColumn).map { Array(entries[$0..<min($0 + perColumn, entries.count)]) }
        let keyWidths = groups.map { group in group.map { DisplayWidth.of($0.label) }.max() ?? 0 }
        let needed = zip(groups, keyWidths).map { group, keys in keys + 1 + (group.map { DisplayWidth.of($0.text) }.max() ?? 0) }
        let columnWidth = min((state.width - 6) / columns, needed.max() ?? 0)
        let footerWidth = state.localeSummary.map { DisplayWidth.of($0) + 4 } ?? 0
        let width = min(state.width - 2, max(columnWidth * columns + 2 * columns + 1, footerWidth))
        // The keys other tools have taught, handled alike, in one line under the table.
        let alternatives = table.filter { !$0.alternatives.isEmpty }
            .map { state.say("{keys} as {key}", ["keys": $0.alternatives.map(\.label).joined(separator: " "), "key": $0.keys[0].label]) }
        let footer = ([alternatives.isEmpty ? nil : state.say("Also {keys}", ["keys": alternatives.joined(separator: ", ")]), state.localeSummary])
            .compactMap { $0 }.flatMap { TextFitting.wrap($0, to: max(1, width - 4)) }
        // Borders, the table, the footer; "? or Esc closes" sits in the bottom border.
        let height = min(state.height - 2, perColumn + 2 + footer.count)
        let x = (state.width - width) / 2
        let y = max(1, (state.height - height) / 2)
        buffer.fill(x: x, y: y, width: width, height: height, role: .helpText)
        drawBox(&buffer, Rect(x: x, y: y, width: width, height: height), title: " " + state.say("Keys · {pane}", ["pane": state.say(state.pane.title)]) + " ")
        for (column, group) in groups.enumerated() {
            let cx = x + 2 + column * (columnWidth + 2)
            for (row, entry) in group.prefix(height - 2 - footer.count).enumerated() {
                buffer.put(TextFitting.pad(entry.label, to: keyWidths[column]), x: cx, y: y + 1 + row, role: .helpKey)
                buffer.put(entry.text, x: cx + 1 + keyWidths[column], y: y + 1 + row,
                           maxWidth: columnWidth - keyWidths[column] - 1, role: .helpText)
            }
        }
        buffer.put(" " + state.say("? or Esc closes") + " ", x: x + 2, y: y + height - 1, maxWidth: width - 4, role: .dim)
        for (index, line) in footer.enumerated() {
            buffer.put(line, x: x + 2, y: y + height - 1 - footer.count + index, maxWidth: width - 4, role: .dim)
        }
    }

    /// Failed and deferred mail grouped by reply code: what is going wrong, and how much.
    static func drawMailProblems(_ buffer: inout Buffer, _ state: AppState) {
        let width = min(state.width - 2, 96)
        let rows = state.mailProblems
        let height = min(state.height - 2, max(rows.count, 1) + 4)
        let x = (state.width - width) / 2
        let y = max(1, (state.height - height) / 2)
        buffer.fill(x: x, y: y, width: width, height: height, role: .helpText)
        drawBox(&buffer, Rect(x: x, y: y, width: width, height: height), title: " " + state.say("Failures by reply") + " ")
        if rows.isEmpty {
            buffer.put(state.say("No failed or deferred mail."), x: x + 2, y: y + 1, maxWidth: width - 4, role: .good)
        }
        let codeWidth = min(18, rows.map { DisplayWidth.of($0.code) }.max() ?? 0)
        for (index, group) in rows.prefix(height - 3).enumerated() {
            let row = y + 1 + index
            var cx = x + 2
            cx += buffer.put(TextFitting.pad(state.say(group.state.title), to: 9), x: cx, y: row, role: group.state.role)
            cx += buffer.put(TextFitting.pad(group.count.grouped(in: state.language), to: 7, alignRight: true) + "  ", x: cx, y: row, role: .money)
            cx += buffer.put(TextFitting.pad(group.code, to: codeWidth) + "  ", x: cx, y: row, role: .helpKey)
            buffer.put(group.example, x: cx, y: row, maxWidth: x + width - 2 - cx, role: .helpText)
        }
        buffer.put(state.say("f or Esc closes"), x: x + 2, y: y + height - 2, maxWidth: width - 4, role: .dim)
    }

    static func drawBox(_ buffer: inout Buffer, _ rect: Rect, title: String) {
        let horizontal = String(repeating: "─", count: max(0, rect.width - 2))
        buffer.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, role: .border)
        buffer.put("└" + horizontal + "┘", x: rect.x, y: rect.y + rect.height - 1, role: .border)
        for y in (rect.y + 1)..<(rect.y + rect.height - 1) {
            buffer.put("│", x: rect.x, y: y, role: .border)
            buffer.put("│", x: rect.x + rect.width - 1, y: y, role: .border)
        }
        buffer.put(title, x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, role: .title)
    }

    static func drawFirstRun(_ buffer: inout Buffer, _ state: AppState) {
        let lines: [StyledLine] = [
            StyledLine(state.say("Welcome to tezgah, your shop's after-sale desk."), .title),
            StyledLine(""),
            StyledLine(state.say("This shop database is empty:"), .normal),
            StyledLine("  " + state.databasePath, .accent),
            StyledLine(""),
            StyledLine(state.say("Try it on a demo shop first:"), .normal),
            StyledLine([("  tezgah --demo", .helpKey), ("   " + state.say("(a realistic shop, in its own file)"), .dim)]),
            StyledLine(""),
            StyledLine(state.say("Bring your own shop in from its orders export (CSV):"), .normal),
            StyledLine([("  tezgah import orders_export.csv", .helpKey), ("   " + state.say("(WooCommerce and Etsy too)"), .dim)]),
            StyledLine(""),
            StyledLine([("q", .helpKey), (" " + state.say("quits."), .normal)]),
        ]
        let width = state.width - 4
        let top = max(2, (state.height - lines.count) / 2 - 1)
        for (index, line) in lines.enumerated() where top + index < state.height - 1 {
            buffer.put(line, x: 2, y: top + index, width: width)
        }
    }

    static func drawTooSmall(_ buffer: inout Buffer, _ state: AppState) {
        let text = state.say("Terminal too small ({size}); tezgah needs {needed}. q quits.",
                             ["size": "\(state.width)×\(state.height)", "needed": "\(Layout.minimumWidth)×\(Layout.minimumHeight)"])
        let lines = TextFitting.wrap(text, to: max(1, state.width))
        for (index, line) in lines.prefix(state.height).enumerated() {
            buffer.put(line, x: 0, y: index, role: .warning)
        }
    }
}
