import Synchronization

/// Phrases whose English text the shop database keeps: why an automation did what it did, a
/// ledger entry's reason, a coupon's description. The rows hold English (the activity log and the
/// command line read it as it is, and a row written today reads the same after an upgrade); the
/// desk reads it back through these shapes (`Language.sayKept`) and says it in its language.
///
/// Writers build the text from the same constant (`KeptPhrase.english(KeptPhrase.placed, …)`), so
/// what is written always has a shape the desk knows.
public enum KeptPhrase {
    /// The English text the database keeps for a kept phrase and its values.
    public static func english(_ phrase: String, _ values: [String: String]) -> String { Said(phrase, values).english }

    // The automation engine's reasons.
    public static let arrivedCancelled = phrase("it arrived cancelled")
    public static let arrivedRefunded = phrase("it arrived refunded")
    public static let placed = phrase("placed {ago}")
    public static let minutesAgo = phrase("{minutes} min ago")
    public static let hoursAgo = phrase("{hours} h ago")
    public static let daysAgo = phrase("{days} days ago")
    public static let orderCancelled = phrase("the order was cancelled")
    public static let orderReturned = phrase("the order was returned")
    public static let orderRefunded = phrase("the order was refunded")
    public static let notSentInTime = phrase("not sent within {days} days of being due")
    public static let conversationWaiting = phrase("{status} conversation #{id}")
    public static let returnUnderWay = phrase("return #R{id} under way")
    public static let parcelException = phrase("parcel {tracking} has a delivery exception")
    public static let invitedLately = phrase("the customer was invited for {number} {ago} (one invite per {days} days)")
    public static let surveyedLately = phrase("the customer was surveyed {ago} (one survey per {days} days)")
    public static let delivered = phrase("delivered {ago}")
    public static let shippedNotDelivered = phrase("shipped {ago}, no delivery recorded")
    public static let due = phrase("due")
    public static let noReviewYet = phrase("invited {days} days ago, no review yet")
    public static let noMailWritten = phrase("no mail could be written")
    public static let mailQueuedTo = phrase("mail {id} to {address}; {why}")
    public static let noAddress = phrase("the customer has no e-mail address")
    /// Why mail cannot go to an address, as a clause (a sentence adds its full stop).
    public static let notAnAddress = phrase("“{address}” is not an e-mail address like name@example.com")
    public static let heldBy = phrase("held by {user}")
    /// What the activity log calls an automation's decision ("review invite deferred").
    public static func decision(_ outcome: AutomationReport.Decision.Outcome) -> String {
        switch outcome {
        case .queued: phrase("{kind} queued")
        case .deferred: phrase("{kind} deferred")
        case .skipped: phrase("{kind} skipped")
        case .expired: phrase("{kind} expired")
        case .planned: phrase("{kind} planned")
        }
    }

    // What was wrong with a customer's mail, kept beside the message as notes.
    public static let latin5Headers = phrase("8-bit header bytes that are not UTF-8, read as Latin-5")
    public static let headerWithoutColon = phrase("a header line without a colon ({line})")
    public static let multipartNeverClosed = phrase("a multipart body that is never closed")
    public static let badBase64 = phrase("bad base64 in a part, read as far as it goes")
    public static let partWithoutBoundary = phrase("a multipart part without a boundary, read as text")
    public static let mislabelledNotUTF8 = phrase("text labelled {charset} that is not, read as Latin-5")
    public static let mislabelledUTF8 = phrase("text labelled {charset} that is UTF-8, read as UTF-8")
    public static let unknownCharsetUTF8 = phrase("unknown charset {charset}, read as UTF-8")
    public static let unknownCharsetLatin5 = phrase("unknown charset {charset}, read as Latin-5")
    // Why the inbox skipped a file.
    public static let fileGone = phrase("gone before it could be read")
    public static let emptyFile = phrase("empty file")
    public static let noSender = phrase("no sender address to answer (From: {from})")

    // Loyalty.
    public static let tierChange = phrase("{from} → {to}")
    public static let tierChangeThisYear = phrase("{from} → {to}, {points} points this year")
    public static let tierUnderReview = phrase("{points} points this year; {tier} after {days} days unless they earn more")
    public static let points = phrase("{points} points")
    public static let unusedPoints = phrase("{points} points unused since {day}")
    public static let referralRewarded = phrase("order {number}, {points} points")
    public static let birthday = phrase("birthday")
    public static let oneYearAMember = phrase("1 year a member")
    public static let yearsAMember = phrase("{years} years a member")
    public static let noOrderFor = phrase("no order for {days} days")
    public static let earnedOnOrder = phrase("order {number}")
    public static let refundOfOrder = phrase("refund of order {number}")
    public static let unusedSince = phrase("unused since {day}")
    public static let review = phrase("review")
    public static let referral = phrase("referral: order {number}")
    public static let birthdayOf = phrase("birthday {year}")
    public static let welcome = phrase("welcome")
    public static let redeemedFor = phrase("coupon {code}")
    public static let percentOff = phrase("{percent}% off")
    public static let amountOff = phrase("{amount} off")

    /// The shapes with values, which the desk matches kept text against; a phrase without values
    /// is found in the catalogue as it is. The shape with the most fixed text is tried first, so
    /// "delivered 5 days ago" is "delivered {ago}", not "{days} days ago" with odd days.
    static let shapes: [KeptShape] = ([
        placed, minutesAgo, hoursAgo, daysAgo, notSentInTime, conversationWaiting, returnUnderWay, parcelException, invitedLately,
        surveyedLately, delivered, shippedNotDelivered, noReviewYet, mailQueuedTo, heldBy, tierChange, tierChangeThisYear,
        tierUnderReview, points, unusedPoints, referralRewarded, yearsAMember, noOrderFor, earnedOnOrder, refundOfOrder, unusedSince,
        referral, birthdayOf, redeemedFor, percentOff, amountOff, notAnAddress, headerWithoutColon, mislabelledNotUTF8, mislabelledUTF8,
        unknownCharsetUTF8, unknownCharsetLatin5, noSender,
    ].map(KeptShape.init) + AutomationReport.Decision.Outcome.allCases.map { KeptShape(decision($0)) })
        .sorted { $0.fixedLength > $1.fixedLength }

    /// Values that are phrases themselves (a status, a tier, another reason): said in the language
    /// too, and a match whose such value the desk cannot say is not taken.
    static let phraseValues: Set<Substring> = ["ago", "status", "kind", "from", "to", "tier", "why"]
    /// Values that are counts and ids: digits only.
    static let numberValues: Set<Substring> = ["days", "hours", "minutes", "points", "years", "year", "percent", "id"]
}

/// Kept text already said, per language.
private let keptSaid = Mutex<[Language: [String: String]]>([:])

/// A kept phrase cut at its placeholders, to match text against.
struct KeptShape {
    enum Piece { case text(String), value(Substring) }

    let phrase: String
    let pieces: [Piece]

    init(_ phrase: String) {
        self.phrase = phrase
        var pieces: [Piece] = []
        var rest = Substring(phrase)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            pieces.append(.value(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    /// How many characters of the phrase are fixed text.
    var fixedLength: Int {
        pieces.reduce(0) { sum, piece in if case .text(let text) = piece { sum + text.count } else { sum } }
    }
}

extension Language {
    /// Text the shop database kept in English (see `KeptPhrase`), said in this language: a phrase
    /// of the catalogue as it is, else the kept shape it fits with its values, else the text as it
    /// is (an owner's own words, a row older than its phrase).
    public func sayKept(_ text: String) -> String {
        guard self != .english, !text.isEmpty else { return Self.english(text) }
        if let known = keptSaid.withLock({ $0[self]?[text] }) { return known }
        let said = kept(Substring(text)) ?? text
        keptSaid.withLock { cache in
            // A list frame asks for the same few reasons again and again; the cache stays small.
            if cache[self, default: [:]].count >= 4_096 { cache[self] = [:] }
            cache[self, default: [:]][text] = said
        }
        return said
    }

    /// The text in this language, or nil when it is no phrase or kept shape the desk knows.
    private func kept(_ text: Substring) -> String? {
        let whole = String(text)
        if Catalogue.turkish[whole] != nil { return say(whole) }
        for shape in KeptPhrase.shapes {
            var values: [Substring: String] = [:]
            if match(shape.pieces[...], text, &values) {
                return Self.fill(say(shape.phrase)) { values[$0] }
            }
        }
        return nil
    }

    /// Whether `text` has the shape of `pieces`, gathering each value (said in this language when
    /// it is a phrase). A value takes at least one character; where the text after it could begin
    /// at several places, each is tried in turn.
    private func match(_ pieces: ArraySlice<KeptShape.Piece>, _ text: Substring, _ values: inout [Substring: String]) -> Bool {
        guard let first = pieces.first else { return text.isEmpty }
        switch first {
        case .text(let literal):
            guard text.hasPrefix(literal) else { return false }
            return match(pieces.dropFirst(), text.dropFirst(literal.count), &values)
        case .value(let name):
            let rest = pieces.dropFirst()
            guard case .text(let next)? = rest.first else {
                // The last piece takes the rest of the text.
                guard !text.isEmpty, let value = said(text, as: name) else { return false }
                values[name] = value
                return true
            }
            guard !text.isEmpty else { return false }
            var from = text.index(after: text.startIndex)
            while from < text.endIndex, let found = text[from...].range(of: next) {
                if let value = said(text[..<found.lowerBound], as: name), match(rest, text[found.lowerBound...], &values) {
                    values[name] = value
                    return true
                }
                from = text.index(after: found.lowerBound)
            }
            return false
        }
    }

    /// A value as the sentence says it: a phrase in this language, anything else as it is.
    private func said(_ value: Substring, as name: Substring) -> String? {
        if KeptPhrase.numberValues.contains(name) { return value.allSatisfy(\.isASCII) && value.allSatisfy(\.isNumber) ? String(value) : nil }
        return KeptPhrase.phraseValues.contains(name) ? kept(value) : String(value)
    }
}
