import Tezgah

/// The Orders pane's actions: keys open a prompt or a question where the action needs one, and
/// every action becomes one `applyOrderAction` effect for the marked orders (or the selected one).
/// The keys that run them are in `PaneDefinition.orders`.
extension AppState {
    /// `action` on the marked orders, else the selected one.
    mutating func applyToOrders(_ action: OrderAction) -> [Effect] {
        guard let (ids, _) = targets() else { return [] }
        return [.applyOrderAction(action, ids: ids)]
    }

    mutating func askToShip() -> [Effect] {
        guard let (ids, _) = targets() else { return [] }
        guard ids.count == 1 else {
            message = say("Ship one order at a time: each parcel has its own tracking number.")
            return []
        }
        return askAboutTargets(.ship, phrase("Ship {target} — tracking number, or CARRIER NUMBER: "))
    }

    mutating func confirmCancellingOrders() -> [Effect] {
        guard let (ids, label) = targets() else { return [] }
        mode = .confirming(Confirmation(question: say("Cancel {target}? The customer is told by mail. y/n", ["target": label]),
                                        effect: .applyOrderAction(.cancel, ids: ids)))
        return []
    }

    mutating func askForRefund() -> [Effect] {
        let currency = current.selected?.row.asOrder?.total.currency ?? .try_
        return askAboutTargets(.refund(currency: currency), phrase("Refund {target} — amount, or Enter for all: "))
    }

    /// Enter in an order prompt: the action the answer names, or a sentence and the prompt kept open.
    mutating func submitOrderPrompt(_ prompt: Prompt) -> [Effect] {
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        switch prompt.purpose {
        case .holdReason: return require(text, say("a reason"), prompt) { .hold(reason: $0) }
        case .note: return require(text, say("the note"), prompt) { .addNote($0) }
        case .addTag: return require(text, say("a tag"), prompt) { .addTag($0) }
        case .removeTag: return require(text, say("a tag"), prompt) { .removeTag($0) }
        case .ship:
            switch Self.parcel(text) {
            case .valid(let carrier, let number, _):
                mode = .browsing
                return [.applyOrderAction(.ship(carrier: carrier, trackingNumber: number), ids: prompt.ids)]
            case .invalid(let reason):
                message = reason
                return []
            }
        case .refund(let currency):
            var amount: Money?
            if !text.isEmpty {
                guard let money = Money(parsing: text, currency: currency) else {
                    message = say("“{text}” is not an amount; type it like 125,50 or 125.50.", ["text": text])
                    return []
                }
                amount = money
            }
            let question = amount.map {
                say("Refund {amount} on {target}? The customer is told by mail. y/n", ["amount": $0.formatted(in: language), "target": prompt.targets])
            } ?? say("Refund all that is left on {target}? The customer is told by mail. y/n", ["target": prompt.targets])
            mode = .confirming(Confirmation(question: question,
                                            effect: .applyOrderAction(.refund(amount), ids: prompt.ids)))
            return []
        case .referral:
            let code = prompt.text.trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty, let id = prompt.ids.first else { message = say("Type the member's referral code, or Esc."); return [] }
            mode = .browsing
            return [.setReferral(orderID: id, code: code)]
        case .returnRequest, .returnStep, .conversationReturn:
            let text = prompt.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, let id = prompt.ids.first else { message = say("Type it, or Esc to leave it as it is."); return [] }
            mode = .browsing
            switch prompt.purpose {
            case .returnRequest: return [.requestReturn(orderID: id, text: text)]
            case .conversationReturn: return [.requestReturnForConversation(conversationID: id, text: text)]
            default: return [.advanceReturn(orderID: id, text: text)]
            }
        case .adjustPoints, .birthday, .voucher:
            return submitLoyaltyPrompt(prompt)
        case .skipInvite, .recordReview:
            return submitReviewsPrompt(prompt)
        case .conversationNote, .snooze, .linkOrder, .savedReply:
            return submitSupportPrompt(prompt)
        case .command:
            return []
        }
    }

    private mutating func require(_ text: String, _ what: String, _ prompt: Prompt,
                                  _ action: (String) -> OrderAction) -> [Effect] {
        guard !text.isEmpty else {
            message = say("Type {what}, or Esc to leave {target} as it is.", ["what": what, "target": prompt.targets])
            return []
        }
        mode = .browsing
        return [.applyOrderAction(action(text), ids: prompt.ids)]
    }

    /// A typed parcel: a tracking number whose carrier is detected, or `CARRIER NUMBER` naming it.
    static func parcel(_ text: String) -> TrackingCheck {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2, let carrier = Carrier(named: words[0]) {
            return TrackingNumber.check(words[1], as: carrier)
        }
        return TrackingNumber.check(text)
    }

    /// An order action came back: say what happened, clear the marks, and reload what shows it —
    /// the window where it was (the filter and cursor stay), the detail, the counts.
    mutating func orderActionApplied(_ report: OrderActionReport) -> [Effect] {
        let done = report.changed.count
        let action = say(report.action.pastTense)
        var text: String
        if let problem = report.problems.first {
            text = andMore(say(problem), report.problems.count - 1)
            if done > 0 {
                text = (done == 1 ? say("1 order {action}", ["action": action])
                    : say("{count} orders {action}", ["count": done.grouped(in: language), "action": action])) + "; " + text
            }
        } else {
            text = done == 1 ? say("Order {order} {action}.", ["order": orderLabel(report.changed[0]), "action": action])
                : say("{count} orders {action}.", ["count": done.grouped(in: language), "action": action])
            if report.mailsQueued > 0 {
                text += " " + (report.mailsQueued == 1 ? say("Customer mail queued.")
                    : say("{count} customer mails queued.", ["count": report.mailsQueued.grouped(in: language)]))
            }
        }
        if let notice = report.mailNotice.map(say) {
            let others = report.ordersUnmailed - 1
            text += " (" + (others == 0 ? notice : others == 1 ? say("{notice}; and 1 more order without mail", ["notice": notice])
                : say("{notice}; and {count} more orders without mail", ["notice": notice, "count": others.grouped(in: language)])) + ")"
        }
        message = text
        guard done > 0 else { return [] }
        panes[.orders]?.marked = [:]
        return refreshAfterChange(to: .orders, alsoStale: [.shipments, .mail])
    }

    private func orderLabel(_ id: Int64) -> String {
        let orders = panes[.orders]
        return orders?.marked[id] ?? orders?.window.rows.first { $0.row.id == id }?.row.label ?? "\(id)"
    }

    /// After a change to `changed`'s rows: reload its window where it is (or on the next visit), its
    /// detail and counts; other panes showing the change reload when next shown.
    mutating func refreshAfterChange(to changed: Pane, alsoStale: [Pane]) -> [Effect] {
        for other in alsoStale { panes[other]?.isLoaded = false }
        panes[changed]?.detailID = nil
        panes[changed]?.detail = nil
        guard pane == changed else {
            panes[changed]?.isLoaded = false
            return []
        }
        var effects = [reloadWhereItIs(), .loadCount(pane, filter: "")]
        if !current.filter.isEmpty { effects.append(.loadCount(pane, filter: current.filter)) }
        return effects
    }
}
