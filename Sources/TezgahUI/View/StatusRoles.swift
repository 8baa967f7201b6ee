import Tezgah

// Which statuses draw the eye: what needs the owner is coloured, what is done is dimmed.

extension OrderStatus {
    var role: StyleRole {
        switch self {
        case .received: .accent
        case .preparing: .normal
        case .onHold, .returned: .warning
        case .shipped: .good
        case .delivered, .cancelled: .dim
        }
    }
}

extension PaymentStatus {
    var role: StyleRole {
        switch self {
        case .pending: .warning
        case .paid: .normal
        case .partiallyRefunded, .refunded: .dim
        }
    }
}

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

extension ReviewInviteState {
    var role: StyleRole {
        switch self {
        case .scheduled: .accent
        case .deferred, .held: .warning
        case .reviewed: .good
        case .sent, .reminded, .skipped: .dim
        }
    }
}

extension ConversationStatus {
    var role: StyleRole {
        switch self {
        case .open: .accent
        case .pending: .normal
        case .snoozed, .closed: .dim
        }
    }
}

extension LoyaltyTier {
    var role: StyleRole {
        switch self {
        case .gold: .warning
        case .silver: .accent
        case .member: .normal
        }
    }
}

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
