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
