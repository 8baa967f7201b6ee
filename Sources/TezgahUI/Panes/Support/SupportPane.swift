import Foundation
import Tezgah

extension PaneDefinition {
    /// Customer conversations: opens on those waiting for a reply, the longest waiting first.
    static let support = PaneDefinition(
        title: "Support", singular: "conversation", plural: "conversations", defaultFilter: "is:needs-reply",
        columns: [
            Column(title: "Status", width: 8) { row, state in row.asConversation.map { (state.say($0.status.title), $0.status.role) } ?? ("", .normal) },
            Column(title: "Subject", width: 16, flexible: true, maxWidth: 60) { row, _ in (row.asConversation?.subject ?? "", .normal) },
            Column(title: "Customer", width: 18, dropOrder: 2) { row, _ in (row.asConversation?.customerName ?? "", .normal) },
            Column(title: "Msgs", width: 4, alignRight: true, dropOrder: 3) { row, _ in (row.asConversation.map { String($0.messageCount) } ?? "", .dim) },
            Column(title: "Waiting", width: 9, alignRight: true, dropOrder: 4) { row, state in
                guard let conversation = row.asConversation, conversation.status == .open, let since = conversation.waitingSince else { return ("", .dim) }
                return (BusinessHours.duration(state.waitClock.seconds(from: since, to: state.clock.now)), .warning)
            },
            Column(title: "Last", width: 12, dropOrder: 1) { row, state in (row.asConversation.map { state.clock.short($0.lastMessageAt) } ?? "", .dim) },
        ],
        keys: [
            KeyBinding([.character("r")], "reply in $EDITOR", commands: ["reply"]) { state, _ in
                guard let conversation = state.current.selected?.row.asConversation else { return [] }
                return [.editReply(conversationID: conversation.id)]
            },
            KeyBinding([.character("n")], "add a private note", commands: ["note"]) { state, _ in
                state.askAboutTargets(.conversationNote, phrase("Note on {target}: "))
            },
            KeyBinding([.character("c")], "close", commands: ["close"]) { state, _ in state.applyToConversations(.close) },
            KeyBinding([.character("p")], "pending (waits on them)", commands: ["pending"]) { state, _ in
                state.applyToConversations(.markPending)
            },
            KeyBinding([.character("z")], "snooze", commands: ["snooze"]) { state, _ in
                state.askAboutTargets(.snooze, phrase("Snooze {target} until (1h, tomorrow, monday, reply): "))
            },
            KeyBinding([.character("m")], "reply with a saved reply", commands: ["saved"]) { state, _ in
                guard let conversation = state.current.selected?.row.asConversation else { return [] }
                state.mode = .prompting(Prompt(purpose: .savedReply,
                                               label: state.say("Saved reply ({names}): ", ["names": state.savedReplyNames.joined(separator: ", ")]),
                                               ids: [conversation.id], targets: "\(state.say("conversation")) #\(conversation.id)"))
                return []
            },
            KeyBinding([.character("l")], "link to an order (or change it)", commands: ["link"]) { state, _ in
                state.askAboutTargets(.linkOrder, phrase("Link {target} to order number (empty unlinks): "))
            },
            KeyBinding([.character("e")], "return for the linked order", commands: ["return"]) { state, _ in
                guard let conversation = state.current.selected?.row.asConversation else { return [] }
                guard let number = conversation.orderNumber else {
                    state.message = state.say("Link the conversation to its order first (l).")
                    return []
                }
                state.mode = .prompting(Prompt(purpose: .conversationReturn,
                                               label: state.say("Return from {target} — items and why (2 KUPA-01: kırık; | reason if late): ",
                                                                ["target": number]),
                                               ids: [conversation.id], targets: number))
                return []
            },
            KeyBinding([.character("L")], "customer joins loyalty", commands: ["join"]) { state, _ in
                guard let (ids, _) = state.targets() else { return [] }
                return [.joinLoyalty(ids.map(CustomerSubject.conversation))]
            },
            KeyBinding([.character("f")], "unfold / fold quoted text", commands: ["quotes"]) { state, _ in
                state.showsQuotedText.toggle()
                state.message = state.showsQuotedText ? state.say("Quoted text and signatures shown in full.")
                    : state.say("Quoted text and signatures folded.")
                return []
            },
            KeyBinding([.character("u")], "undo my last change", commands: ["undo"]) { _, _ in [.findUndo(.conversation)] },
            KeyBinding([.character("o")], "open the order", commands: ["order"]) { state, _ in
                guard let conversation = state.current.selected?.row.asConversation else { return [] }
                guard let number = conversation.orderNumber else {
                    state.message = state.say("This conversation is not about an order.")
                    return []
                }
                return state.openOrder(number: number)
            },
        ],
        hints: [StatusHint("r", "reply"), StatusHint("m", "saved"), StatusHint("c", "close"), StatusHint("z", "snooze"), StatusHint("?", "help")])
}

extension AppState {
    /// The first-response clock: the shop's business hours, else every hour.
    var waitClock: BusinessHours { businessHours ?? .always(in: clock.timeZone) }

    mutating func applyToConversations(_ action: ConversationAction) -> [Effect] {
        guard let (ids, _) = targets() else { return [] }
        return [.applyConversationAction(action, ids: ids)]
    }

    /// Enter in a Support prompt: the note, or the snooze's end read from a preset.
    mutating func submitSupportPrompt(_ prompt: Prompt) -> [Effect] {
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        switch prompt.purpose {
        case .conversationNote:
            guard !text.isEmpty else {
                message = say("Type the note, or Esc to leave {target} as it is.", ["target": prompt.targets])
                return []
            }
            mode = .browsing
            return [.applyConversationAction(.note(text), ids: prompt.ids)]
        case .linkOrder:
            mode = .browsing
            return [.applyConversationAction(.linkOrder(text.isEmpty ? nil : text), ids: prompt.ids)]
        case .savedReply:
            let folded = SearchFolding.fold(text).replacingOccurrences(of: " ", with: "")
            let matches = savedReplyNames.filter { SearchFolding.fold($0).replacingOccurrences(of: " ", with: "").hasPrefix(folded) }
            guard let name = matches.first(where: { $0 == text }) ?? (matches.count == 1 ? matches.first : nil) else {
                message = matches.isEmpty
                    ? say("There is no saved reply “{name}”; type one of {names}.", ["name": text, "names": savedReplyNames.joined(separator: ", ")])
                    : say("“{name}” could be {names}; type more of the name.", ["name": text, "names": matches.joined(separator: " / ")])
                return []
            }
            mode = .browsing
            return [.editReply(conversationID: prompt.ids[0], savedReply: name)]
        default:
            guard let until = SnoozePreset.until(text, now: clock.now, timeZone: clock.timeZone) else {
                message = say("“{text}” is not a snooze; type 1h, 3h, tomorrow, monday, or reply.", ["text": text])
                return []
            }
            mode = .browsing
            return [.applyConversationAction(.snooze(until: until.date), ids: prompt.ids)]
        }
    }
}

/// When a snooze ends: after some hours, tomorrow or next Monday at 09:00 in the shop's zone, or
/// (`reply`) when the customer writes.
enum SnoozePreset {
    struct End: Equatable { var date: Date? }

    static func until(_ text: String, now: Date, timeZone: TimeZone) -> End? {
        let word = SearchFolding.fold(text)
        if word == "reply" || word == "yanit" || word.isEmpty { return End(date: nil) }
        if word.hasSuffix("h"), let hours = Int(word.dropLast()), hours > 0, hours <= 24 * 14 {
            return End(date: now.addingTimeInterval(Double(hours) * 3_600))
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let nine = DateComponents(hour: 9, minute: 0)
        switch word {
        case "tomorrow", "yarin":
            let tomorrow = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now))!
            return End(date: calendar.date(byAdding: nine, to: tomorrow))
        case "monday", "pazartesi":
            let next = calendar.nextDate(after: now, matching: DateComponents(hour: 9, minute: 0, weekday: 2), matchingPolicy: .nextTime)
            return End(date: next)
        default:
            return nil
        }
    }
}
