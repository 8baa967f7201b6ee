import Tezgah

extension PaneDefinition {
    /// Customer conversations, newest message first.
    static let support = PaneDefinition(
        title: "Support", singular: "conversation", plural: "conversations",
        columns: [
            Column(title: "Status", width: 8) { row, _ in row.asConversation.map { ($0.status.title, $0.status.role) } ?? ("", .normal) },
            Column(title: "Subject", width: 16, flexible: true, maxWidth: 60) { row, _ in (row.asConversation?.subject ?? "", .normal) },
            Column(title: "Customer", width: 18, dropOrder: 2) { row, _ in (row.asConversation?.customerName ?? "", .normal) },
            Column(title: "Msgs", width: 4, alignRight: true, dropOrder: 3) { row, _ in (row.asConversation.map { String($0.messageCount) } ?? "", .dim) },
            Column(title: "Last", width: 12, dropOrder: 1) { row, state in (row.asConversation.map { state.clock.short($0.lastMessageAt) } ?? "", .dim) },
        ])
}
