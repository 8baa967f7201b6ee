import Tezgah

extension PaneDefinition {
    /// Parcels in flight: opens on those that need attention (late, slipped, stalled).
    static let shipments = PaneDefinition(
        title: "Shipments", singular: "shipment", plural: "shipments", defaultFilter: "is:attention",
        columns: [
            Column(title: "Tracking", width: 22) { row, _ in (row.asShipment?.trackingNumber ?? "", .accent) },
            Column(title: "Carrier", width: 13, dropOrder: 2) { row, state in (row.asShipment?.carrier.title ?? "", .normal) },
            Column(title: "Status", width: 16) { row, state in row.asShipment.map { (state.say($0.status.title), $0.status.role) } ?? ("", .normal) },
            Column(title: "Needs", width: 8) { row, state in
                guard let shipment = row.asShipment, let first = state.attentionRule.reasons(shipment, now: state.clock.now).first
                else { return ("", .normal) }
                return (state.say(first.title), first.title == "slipped" ? .warning : .bad)
            },
            Column(title: "ETA", width: 6, dropOrder: 1) { row, state in (row.asShipment?.eta.map { state.clock.day($0) } ?? "", .dim) },
            Column(title: "Order", width: 8, dropOrder: 3) { row, _ in (row.asShipment?.orderNumber ?? "", .normal) },
            Column(title: "Customer", width: 10, flexible: true, dropOrder: 4) { row, _ in (row.asShipment?.customerName ?? "", .normal) },
        ],
        keys: [
            KeyBinding([.character("y")], "copy link (OSC 52)") { state, _ in
                guard let shipment = state.current.selected?.row.asShipment else { return [] }
                let link = state.trackingLinks.url(shipment.carrier, shipment.trackingNumber)
                state.message = state.say("Copied {link} (to your terminal's clipboard)", ["link": link])
                return [.copyToClipboard(link)]
            },
        ])
}
