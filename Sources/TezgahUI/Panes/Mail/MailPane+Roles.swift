import Tezgah

// Which statuses draw the eye: what needs the owner is coloured, what is done is dimmed.

extension OutboxState {
    var role: StyleRole {
        switch self {
        case .failed: .bad
        case .deferred, .held: .warning
        case .queued, .sending: .accent
        case .sent: .dim
        case .cancelled, .suppressed: .dim
        }
    }
}
