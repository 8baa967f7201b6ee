/// A customer's address that no mail can be written to ("ayse.example.com", a name in the e-mail
/// column of an export). Thrown by the mail composer; the change that wanted to tell the customer
/// (an order shipped, refunded, delivered by a tracking import) goes ahead without the mail and
/// says so, rather than being refused for a typo in data the shop did not write.
public struct UnmailableRecipient: Error, Equatable, Sendable, CustomStringConvertible {
    public var address: String
    /// One sentence: why nothing can be sent to `address`.
    public var reason: String

    public init(address: String, reason: String) {
        self.address = address
        self.reason = reason
    }

    public var description: String { reason }
}
