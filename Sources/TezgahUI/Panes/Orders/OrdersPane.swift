import Tezgah

extension PaneDefinition {
    /// The order queue: opens on the orders that need action (paid, not shipped, oldest first).
    static let orders = PaneDefinition(
        title: "Orders", singular: "order", plural: "orders", defaultFilter: "is:needs-action",
        columns: [
            Column(title: "Order", width: 8) { row, _ in (row.asOrder?.number ?? "", .accent) },
            Column(title: "Placed", width: 12, dropOrder: 2) { row, state in (row.asOrder.map { state.clock.short($0.placedAt) } ?? "", .dim) },
            Column(title: "Customer", width: 12, flexible: true) { row, _ in (row.asOrder?.customerName ?? "", .normal) },
            Column(title: "Status", width: 9) { row, state in row.asOrder.map { (state.say($0.status.title), $0.status.role) } ?? ("", .normal) },
            // Narrow enough to stay beside the status on a side-by-side 120-column screen: each axis visible.
            Column(title: "Payment", width: 8, dropOrder: 3) { row, state in row.asOrder.map { (state.say($0.payment.shortTitle), $0.payment.role) } ?? ("", .normal) },
            Column(title: "Fulfilment", width: 11, dropOrder: 5) { row, state in (row.asOrder.map { state.say($0.fulfillment.title) } ?? "", .dim) },
            Column(title: "Items", width: 5, alignRight: true, dropOrder: 4) { row, _ in (row.asOrder.map { String($0.itemCount) } ?? "", .dim) },
            Column(title: "Total", width: 12, alignRight: true, dropOrder: 1) { row, state in (row.asOrder?.total.formatted(in: state.language) ?? "", .money) },
        ],
        keys: [
            KeyBinding([.character("p")], "preparing (mails)", commands: ["preparing", "prepare"]) { state, _ in
                state.applyToOrders(.markPreparing)
            },
            KeyBinding([.character("h")], "hold, with a reason", commands: ["hold"]) { state, _ in
                state.askAboutTargets(.holdReason, phrase("Hold {target} — reason: "))
            },
            KeyBinding([.character("H")], "release from hold", commands: ["release"]) { state, _ in state.applyToOrders(.release) },
            KeyBinding([.character("s")], "ship: tracking number", commands: ["ship"]) { state, _ in state.askToShip() },
            KeyBinding([.character("D")], "delivered (mails)", commands: ["delivered"]) { state, _ in state.applyToOrders(.markDelivered) },
            KeyBinding([.character("x")], "cancel (asks; mails)", commands: ["cancel"]) { state, _ in state.confirmCancellingOrders() },
            KeyBinding([.character("R")], "refund (asks; mails)", commands: ["refund"]) { state, _ in state.askForRefund() },
            KeyBinding([.character("n")], "add a private note", commands: ["note"]) { state, _ in
                state.askAboutTargets(.note, phrase("Note on {target}: "))
            },
            KeyBinding([.character("t"), .character("T")], "add / remove a tag", commands: ["tag", "untag"]) { state, key in
                key == .character("t") ? state.askAboutTargets(.addTag, phrase("Tag {target} with: "))
                    : state.askAboutTargets(.removeTag, phrase("Remove from {target} the tag: "))
            },
            KeyBinding([.character("e")], "return: what and why", commands: ["return"]) { state, _ in
                state.askAboutSelectedOrder(.returnRequest, phrase("Return from {target} — items and why (2 KUPA-01: kırık; | reason if late): "))
            },
            KeyBinding([.character("E")], "return: next step", commands: ["rma"]) { state, _ in
                state.askAboutSelectedOrder(.returnStep, phrase("Return on {target} — approve, receive, refund, or reject WHY: "))
            },
            KeyBinding([.character("F")], "referred by (code)", commands: ["referral"]) { state, _ in
                state.askAboutSelectedOrder(.referral, phrase("{target} was referred by — the member's code: "))
            },
            KeyBinding([.character("L")], "customer joins loyalty", commands: ["join"]) { state, _ in
                guard let (ids, _) = state.targets() else { return [] }
                return [.joinLoyalty(ids.map(CustomerSubject.order))]
            },
            KeyBinding([.character("u")], "undo my last change", commands: ["undo"]) { _, _ in [.findUndo(.order)] },
        ],
        hints: [StatusHint("p", "prepare"), StatusHint("s", "ship"), StatusHint("?", "help")])
}
