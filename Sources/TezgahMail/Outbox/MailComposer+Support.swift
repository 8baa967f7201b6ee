import Foundation
import Tezgah

extension MailComposer {
    /// The owner's reply as a mail: in the customer's language, signed by the shop, and threaded
    /// (In-Reply-To and References) to the customer's message so their client shows it in place.
    public func compose(_ reply: SupportReplyRequest, shopName: String, now: Date) throws -> ComposedMail {
        let customer = reply.customer
        let values = [
            "shop_name": shopName, "customer_name": customer.name, "support_email": sender.address,
            "conversation_subject": InboundSubject.stripped(reply.subject), "reply_text": reply.text,
        ]
        return try compose(.supportReply,
                           to: .init(customerID: customer.id, name: customer.name, address: customer.email, language: customer.language),
                           values: values, dedupeKey: reply.dedupeKey, now: now, inReplyTo: reply.inReplyTo, references: reply.references)
    }
}
