import Foundation

/// A customer's mail as read from the shop's mailbox: who sent it, what it answers, what it says
/// (as readable text), what it carried, and what kind of mail it is. A value: the mail module reads
/// it from a file, the store threads it into a conversation.
public struct InboundMail: Equatable, Sendable {
    /// What the mail is, which decides what the store does with it.
    public enum Kind: Equatable, Sendable {
        /// A customer's own words: it opens or reopens a conversation.
        case message
        /// A vacation notice or other automatic answer: kept in the thread, but it neither reopens
        /// it nor counts as the customer's answer.
        case autoReply
        /// A delivery report about mail the shop sent.
        case bounce(Bounce)
        /// "unsubscribe" (or "abonelikten çık") in the subject or first line.
        case unsubscribe
    }

    /// What a delivery report says about one recipient.
    public struct Bounce: Equatable, Sendable {
        /// A permanent failure (status 5.x.x): the address takes no more mail.
        public var isPermanent: Bool
        /// The enhanced status code ("5.1.1"), or the reply code when only that is given.
        public var status: String
        public var recipient: String?
        /// The Message-ID of the shop's mail that bounced, from the returned headers.
        public var originalMessageID: String?
        /// The server's words ("550 5.1.1 <x@example.com>: Recipient address rejected").
        public var diagnostic: String

        public init(isPermanent: Bool, status: String, recipient: String?, originalMessageID: String?, diagnostic: String) {
            self.isPermanent = isPermanent
            self.status = status
            self.recipient = recipient
            self.originalMessageID = originalMessageID
            self.diagnostic = diagnostic
        }
    }

    public struct Attachment: Equatable, Sendable {
        public var name: String
        public var type: String
        public var size: Int

        public init(name: String, type: String, size: Int) {
            self.name = name
            self.type = type
            self.size = size
        }
    }

    /// `<id@host>`, angle brackets included; nil when the mail has none.
    public var messageID: String?
    public var inReplyTo: [String] = []
    public var references: [String] = []
    public var fromAddress = ""
    public var fromName = ""
    public var replyTo: String?
    public var subject = ""
    public var date: Date?
    /// The readable text: the plain part, or the HTML part made plain.
    public var text = ""
    public var attachments: [Attachment] = []
    public var kind = Kind.message
    /// What was wrong with the mail, each in a few words ("bad base64 in a part"); it was read as far
    /// as it could be.
    public var problems: [String] = []

    public init() {}

    /// The message IDs this mail answers, nearest first: In-Reply-To, then References from the end.
    public var answers: [String] {
        var seen = Set<String>()
        return (inReplyTo + references.reversed()).filter { seen.insert($0).inserted }
    }
}
