import Foundation
import Tezgah
import TezgahStore
import TezgahUI

extension DeskCore {
    func applyConversationAction(_ action: ConversationAction, ids: [Int64]) throws -> [Action] {
        let count = try database.apply(action, toConversations: ids, actor: actor, now: state.clock.now)
        return [.conversationActionApplied(action, count: count)]
    }

    /// Writes the reply's draft and asks the run loop to open the editor on it (the terminal has to
    /// be given to the editor, which only the run loop can do).
    func prepareReply(_ conversationID: Int64, savedReply: String? = nil) throws -> [Action] {
        let context = try database.replyContext(conversationID: conversationID)
        var inserted: String?
        if let savedReply {
            guard let text = savedReplies.render(savedReply, language: context.language, values: savedReplyValues(context)) else {
                return [.effectFailed(state.say("There is no saved reply named “{name}”; they are {names}.",
                                                ["name": savedReply, "names": savedReplies.names.joined(separator: ", ")]))]
            }
            inserted = text
        }
        editorRequest = try ReplyDraft.open(context, in: draftsFolder, inserting: inserted) { [clock = state.clock] in clock.short($0) }
        return []
    }

    /// A saved reply's variables for this conversation: the customer, the linked order and its
    /// newest parcel, with the ETA in the customer's language.
    func savedReplyValues(_ context: ReplyContext) -> [String: String] {
        var values = ["shop_name": state.shopName, "customer_name": context.customerName,
                      "first_name": context.customerName.split(separator: " ").first.map(String.init) ?? context.customerName]
        if let order = context.order {
            values["order_number"] = order.number
            values["order_status"] = order.status.title
            values["order_total"] = order.total.formatted
            if let carrier = order.carrier, let number = order.trackingNumber {
                values["carrier"] = carrier.title
                values["tracking_number"] = number
                values["tracking_url"] = state.trackingLinks.url(carrier, number)
            }
            values["eta"] = order.eta.map { CustomerDate.day($0, language: context.language, timeZone: state.clock.timeZone) }
        }
        return values
    }

    /// After the editor closes: sends what the owner wrote, through the outbox with threading
    /// headers, or says why nothing was sent. The draft is removed once the reply is queued, kept
    /// when it could not be.
    public func finishReply(_ draft: ReplyDraft) {
        let text = (try? String(contentsOfFile: draft.path, encoding: .utf8)) ?? ""
        let written = ReplyDraft.read(text)
        guard text != draft.original, !written.isEmpty else {
            try? FileManager.default.removeItem(atPath: draft.path)
            send(.replyFinished(state.say("Nothing sent: the reply was empty.")))
            return
        }
        guard let mails = orderMails else {
            send(.replyFinished(state.say("Not sent: there is no [mail] section in config.toml to send from. The draft is kept in {path}.",
                                          ["path": draft.path])))
            return
        }
        do {
            let mailID = try database.reply(conversationID: draft.conversationID, text: written.text, to: written.to,
                                            subject: written.subject, actor: actor, now: state.clock.now, composer: mails.replyComposer)
            try? FileManager.default.removeItem(atPath: draft.path)
            send(.replyFinished(state.say("Reply queued (mail {id}); the conversation waits on the customer.", ["id": String(mailID)])))
        } catch {
            let reason = (error as? any UserFacingError).map { state.language.say($0.said) } ?? "\(error)"
            send(.replyFinished(state.say("Not sent: {reason} The draft is kept in {path}.", ["reason": reason, "path": draft.path])))
        }
    }

    /// The draft the run loop should open in the editor now, taken once.
    public func takeEditorRequest() -> ReplyDraft? {
        defer { editorRequest = nil }
        return editorRequest
    }
}
