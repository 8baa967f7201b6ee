import Tezgah

// Which statuses draw the eye: what needs the owner is coloured, what is done is dimmed.

extension ReviewInviteState {
    var role: StyleRole {
        switch self {
        case .scheduled: .accent
        case .deferred, .held: .warning
        case .reviewed: .good
        case .sent, .reminded, .skipped, .expired: .dim
        }
    }
}
