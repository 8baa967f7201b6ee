import Foundation
import Tezgah

/// Turns "send this kind of mail to this customer" into an outbox row: renders the template in the
/// customer's language, writes the MIME message once, and fixes its Message-ID. The caller queues
/// the result (a `ComposedMail`) with the store's `enqueueMail` inside the transaction of the change that caused it, so
/// the change and its mail commit together — and what was queued is exactly what is sent.
public struct MailComposer: Sendable {
    public struct Recipient: Sendable {
        public var customerID: Int64?
        public var name: String
        public var address: String
        public var language: String

        public init(customerID: Int64?, name: String, address: String, language: String) {
            self.customerID = customerID
            self.name = name
            self.address = address
            self.language = language
        }
    }

    public var templates: MailTemplateLibrary
    public var sender: MailAddress

    public init(templates: MailTemplateLibrary, sender: MailAddress) {
        self.templates = templates
        self.sender = sender
    }

    /// The outbox row for one mail. `dedupeKey` names the event (`shipped:order:1042`) so queueing
    /// it twice is a no-op. Marketing mail carries List-Unsubscribe (RFC 2369) pointing back to the
    /// shop. A recipient address no mail can go to throws `UnmailableRecipient`.
    public func compose(_ kind: MailKind, to recipient: Recipient, values: [String: String], dedupeKey: String,
                        orderID: Int64? = nil, now: Date, expiresAt: Date? = nil, inReplyTo: String? = nil,
                        references: [String] = []) throws -> ComposedMail {
        // Marketing mail says in its text how to stop it: the List-Unsubscribe header's address,
        // unless the caller gives a page of its own.
        let unsubscribeURL = "mailto:\(sender.address)?subject=unsubscribe"
        var values = values
        if kind.category == .marketing && values["unsubscribe_url"] == nil { values["unsubscribe_url"] = unsubscribeURL }
        let rendered = try templates.render(kind, language: recipient.language, values: values)
        // The name is shown beside the address; a line break in it (from an export) is a space there.
        let name = recipient.name.onOneLine
        let to: MailAddress
        do {
            to = try MailAddress(recipient.address, displayName: name.isEmpty ? nil : name)
        } catch let error as MailError {
            throw UnmailableRecipient(address: recipient.address, reason: error.description)
        }
        let domain = String(sender.address.split(separator: "@").last ?? "localhost")
        let unsubscribe = kind.category == .marketing ? MailMessage.Unsubscribe(url: unsubscribeURL) : nil
        let message = MailMessage(from: sender, to: [to], subject: rendered.subject, date: now,
                                  messageID: MailMessage.makeMessageID(domain: domain), text: rendered.text,
                                  html: rendered.html, inReplyTo: inReplyTo, references: references, unsubscribe: unsubscribe)
        return ComposedMail(dedupeKey: dedupeKey, kind: kind, customerID: recipient.customerID, customerName: recipient.name,
                            orderID: orderID, toAddress: to.address, subject: rendered.subject,
                            messageID: message.messageID, message: Data(try message.rendered().utf8),
                            createdAt: now, expiresAt: expiresAt ?? now.addingTimeInterval(kind.lifetime))
    }
}
