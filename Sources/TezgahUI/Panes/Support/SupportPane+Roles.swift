import Tezgah

// Which statuses draw the eye: what needs the owner is coloured, what is done is dimmed.

extension ConversationStatus {
    var role: StyleRole {
        switch self {
        case .open: .accent
        case .pending: .normal
        case .snoozed, .closed: .dim
        }
    }
}
