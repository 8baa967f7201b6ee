import Tezgah

extension PaneDefinition {
    /// Loyalty members with their tier and points, available and pending.
    static let loyalty = PaneDefinition(
        title: "Loyalty", singular: "member", plural: "members",
        columns: [
            Column(title: "Member", width: 14, flexible: true) { row, _ in (row.asLoyalty?.customerName ?? "", .normal) },
            Column(title: "Tier", width: 6) { row, state in row.asLoyalty.map { (state.say($0.tier.title), $0.tier.role) } ?? ("", .normal) },
            Column(title: "Points", width: 8, alignRight: true) { row, state in (row.asLoyalty.map { Int($0.balance).grouped(in: state.language) } ?? "", .money) },
            Column(title: "Pending", width: 7, alignRight: true, dropOrder: 3) { row, state in
                (row.asLoyalty.map { $0.pending == 0 ? "" : Int($0.pending).grouped(in: state.language) } ?? "", .dim)
            },
            Column(title: "12-mo spend", width: 12, alignRight: true, dropOrder: 4) { row, state in
                (row.asLoyalty?.yearlySpend.map { $0.formatted(in: state.language) } ?? "", .money)
            },
            Column(title: "Last order", width: 10, dropOrder: 5) { row, state in
                (row.asLoyalty?.lastOrderAt.map { state.clock.day($0) } ?? "", .dim)
            },
            Column(title: "Joined", width: 10, dropOrder: 1) { row, state in (row.asLoyalty.map { state.clock.day($0.joinedAt) } ?? "", .dim) },
            Column(title: "Referral", width: 11, dropOrder: 2) { row, _ in (row.asLoyalty?.referralCode ?? "", .dim) },
        ],
        keys: [
            KeyBinding([.character("a")], "adjust points (+50 or -20, then why)", commands: ["adjust"]) { state, _ in
                state.askAboutTargets(.adjustPoints, phrase("Adjust the points of {target} — e.g. +50 goodwill for the late parcel: "))
            },
            KeyBinding([.character("b")], "set the birthday", commands: ["birthday"]) { state, _ in
                state.askAboutTargets(.birthday, phrase("Birthday of {target} (1990-02-28): "))
            },
            KeyBinding([.character("V")], "gift voucher: issue or redeem", commands: ["voucher"]) { state, _ in
                state.mode = .prompting(Prompt(purpose: .voucher, label: state.say("Gift voucher — 500 TRY (and the e-mail it is for), or redeem CODE 120 TRY: "),
                                               ids: [], targets: state.say("a voucher")))
                return []
            },
            KeyBinding([.character("r")], "redeem points for a reward coupon", commands: ["redeem"]) { state, _ in
                state.askToRedeem()
            },
        ],
        hints: [StatusHint("a", "verb|adjust"), StatusHint("r", "verb|redeem"), StatusHint("?", "help")])
}

extension AppState {
    mutating func askToRedeem() -> [Effect] {
        guard let member = current.selected?.row.asLoyalty else { return [] }
        mode = .confirming(Confirmation(question: say("Spend {name}'s points on a reward coupon? y/n", ["name": member.customerName]),
                                        effect: .redeemReward(accountID: member.id)))
        return []
    }

    /// Enter in the voucher prompt: "500 TRY", "issue 500 TRY ela@example.com" (as `:voucher issue …`
    /// reads), or "redeem CODE 120 TRY" with what it paid for after it; the Turkish desk's words
    /// ("ver", "kullan") as well, as the return steps take theirs.
    mutating func submitVoucherPrompt(_ text: String) -> [Effect] {
        var words = text.split(separator: " ").map(String.init)
        let verb = words.first.map(SearchFolding.fold)
        if verb == "redeem" || verb == "kullan" {
            words.removeFirst()
            guard words.count >= 3, let amount = Money(typed: words[1], currencyCode: words[2]) else {
                message = say("Type the voucher's code, the amount and the currency, such as redeem K7QM2-WX9PA 120 TRY, or Esc.")
                return []
            }
            mode = .browsing
            return [.redeemVoucher(code: words[0], amount, reference: words.dropFirst(3).joined(separator: " "))]
        }
        if verb == "issue" || verb == "ver" { words.removeFirst() }
        guard words.count >= 2, words.count <= 3, let value = Money(typed: words[0], currencyCode: words[1]) else {
            message = say("Type the value and currency, such as 500 TRY (and an e-mail if it is for someone), or Esc.")
            return []
        }
        mode = .browsing
        return [.issueVoucher(value, forEmail: words.count == 3 ? words[2] : nil)]
    }

    /// Enter in the adjust prompt: "+50 goodwill" or "-20 typo in the last order".
    mutating func submitLoyaltyPrompt(_ prompt: Prompt) -> [Effect] {
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        if prompt.purpose == .voucher { return submitVoucherPrompt(text) }
        if prompt.purpose == .birthday {
            guard !text.isEmpty else { message = say("Type the birthday as 1990-02-28, or Esc."); return [] }
            mode = .browsing
            return [.setBirthday(text, accountIDs: prompt.ids)]
        }
        let number = text.prefix { $0 == "+" || $0 == "-" || $0.isNumber }
        let reason = text.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        guard let points = Int64(number.hasPrefix("+") ? String(number.dropFirst()) : String(number)), points != 0, !reason.isEmpty else {
            message = say("Type the points and why, such as “+50 goodwill for the late parcel” or “-20 double entry”.")
            return []
        }
        mode = .browsing
        return [.adjustPoints(points, reason: reason, accountIDs: prompt.ids)]
    }
}

extension LoyaltyFigures {
    /// "6,021 members · 5,800 Member, 190 Silver, 31 Gold · 1,204,330 points (₺120.433,00 owed) · 9,110 pending".
    func summary(in language: Language) -> String {
        let split = LoyaltyTier.allCases.map { "\((tiers[$0] ?? 0).grouped(in: language)) \(language.say($0.title))" }.joined(separator: ", ")
        var text = language.say("{members} members · {tiers} · {points} points", [
            "members": members.grouped(in: language), "tiers": split, "points": Int(availablePoints).grouped(in: language)])
        if let liability { text += " " + language.say("({amount} owed)", ["amount": liability.formatted(in: language)]) }
        if pendingPoints > 0 { text += " · " + language.say("{points} pending", ["points": Int(pendingPoints).grouped(in: language)]) }
        return text
    }
}
