import Tezgah

// Which statuses draw the eye: what needs the owner is coloured, what is done is dimmed.

extension ShipmentStatus {
    var role: StyleRole {
        switch self {
        case .exception, .returnedToSender, .expired: .bad
        case .failedAttempt, .availableForPickup: .warning
        case .outForDelivery: .good
        case .delivered: .dim
        default: .normal
        }
    }
}
