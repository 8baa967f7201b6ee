public enum ConversationStatus: String, CaseIterable, Sendable, Codable {
    case open, pending, snoozed, closed

    public var title: String { rawValue }
}
