import Tezgah

// Which statuses draw the eye: what needs the owner is coloured, what is done is dimmed.

extension LoyaltyTier {
    var role: StyleRole {
        switch self {
        case .gold: .warning
        case .silver: .accent
        case .member: .normal
        }
    }
}
