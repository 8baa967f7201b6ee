import Tezgah

extension PaneDefinition {
    /// Loyalty members with their tier and points.
    static let loyalty = PaneDefinition(
        title: "Loyalty", singular: "member", plural: "members",
        columns: [
            Column(title: "Member", width: 14, flexible: true) { row, _ in (row.asLoyalty?.customerName ?? "", .normal) },
            Column(title: "Tier", width: 6) { row, _ in row.asLoyalty.map { ($0.tier.title, $0.tier.role) } ?? ("", .normal) },
            Column(title: "Points", width: 8, alignRight: true) { row, _ in (row.asLoyalty.map { Int($0.balance).grouped } ?? "", .money) },
            Column(title: "Joined", width: 10, dropOrder: 1) { row, state in (row.asLoyalty.map { state.clock.day($0.joinedAt) } ?? "", .dim) },
            Column(title: "Referral", width: 10, dropOrder: 2) { row, _ in (row.asLoyalty?.referralCode ?? "", .dim) },
        ])
}
