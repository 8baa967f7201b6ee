import Foundation
import GRDB
import Tezgah

/// Builds a realistic, deterministic demo shop: the same seed, size and clock give the same shop.
///
/// Orders spread over the last 18 months with line items in TRY, EUR and USD; shipments across every
/// carrier and status with tracking timelines; review invites in every state (deferred while the
/// customer has an open conversation, as the one rule for everybody says); conversations; loyalty
/// members with a points ledger, tiers and coupons; and an outbox in every state, its mail written
/// by `mail` (the shop's composer, as real mail is) or, without one, none.
public struct DemoShop: Sendable {
    public var orders: Int
    public var seed: UInt64
    public var now: Date
    /// Writes the demo's customer mail; the runtime passes the shop's (`DemoShop.mailed`).
    public var mail: DatedOrderMailComposer?

    /// The demo shop's name, in its settings and its mail.
    public static let shopName = "Ayşe'nin Dükkanı"

    public init(orders: Int = 3_000, seed: UInt64 = 42, now: Date = Date(), mail: DatedOrderMailComposer? = nil) {
        self.orders = orders
        self.seed = seed
        self.now = now
        self.mail = mail
    }

    /// Writes the shop to a new file at `path`: built beside it under a temporary name and renamed
    /// into place when complete, so an interrupted build never leaves a half-made shop behind.
    /// `progress` is called with the number of orders written so far.
    public func build(at path: String, progress: (Int) -> Void = { _ in }) throws {
        let temporary = path + ".building"
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        let database = try AppDatabase.forBuildingNewFile(path: temporary)
        var generator = Generator(shop: self)
        let chunk = 10_000
        var written = 0
        try database.write { writer in try generator.begin(writer) }
        while written < orders {
            let end = min(written + chunk, orders)
            try database.write { writer in
                for index in written..<end { try generator.order(index, writer) }
            }
            written = end
            progress(written)
        }
        try database.write { writer in try generator.finish(writer) }
        try database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "ANALYZE")
        }
        try database.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        if rename(temporary, path) != 0 {
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// The order a demo mail is about.
struct DemoOrderMail {
    let id: Int64
    let number: String
    let total: Money
}

private let day: Int64 = 86_400
private let hour: Int64 = 3_600

/// The state of one build: who has ordered, who is a loyalty member, counters for unique numbers.
private struct Generator {
    struct DemoCustomer {
        let id: Int64
        let name: String
        let email: String
        let place: DemoCatalog.Place
        var loyaltyAccount: Int64?
        var referralCode = ""
        var yearlyPoints: Int64 = 0
        var hasOpenConversation = false
    }

    let shop: DemoShop
    var random: SplitMix64
    let now: Int64
    let start: Int64
    var customers: [Int: DemoCustomer] = [:]
    let customerPool: Int
    var mailCounter = 0

    init(shop: DemoShop) {
        self.shop = shop
        random = SplitMix64(seed: shop.seed)
        now = shop.now.unixSeconds
        start = now - 548 * day
        customerPool = max(40, shop.orders / 5)
    }

    mutating func begin(_ writer: ShopWriter) throws {
        try writer.setSetting(.name, DemoShop.shopName)
        try writer.setSetting(.timeZone, "Europe/Istanbul")
        try writer.setSetting(.currency, "TRY")
        try writer.setSetting("demo.seed", String(shop.seed))
        try writer.setSetting("demo.orders", String(shop.orders))
    }

    /// A customer for the next order: returning customers are common (a small core orders often).
    mutating func customer(_ writer: ShopWriter, at time: Int64) throws -> Int {
        let index = random.chance(0.35) ? random.int(0...max(0, customerPool / 20)) : random.int(0...(customerPool - 1))
        if customers[index] != nil { return index }
        let place = index % 3 == 0 ? random.pick(Array(DemoCatalog.places.suffix(5))) : random.pick(Array(DemoCatalog.places.prefix(10)))
        let name: String
        // Every unusual name appears among the first customers (so small demos have them all), then
        // they recur rarely, as such names do.
        let unusualCount = DemoCatalog.unusualNames.count
        if index < 17 * unusualCount ? index % 17 == 7 : index % 211 == 7 {
            name = DemoCatalog.unusualNames[(index < 17 * unusualCount ? index / 17 : index / 211) % unusualCount]
        } else if place.language == "tr" {
            name = "\(random.pick(DemoCatalog.turkishFirstNames)) \(random.pick(DemoCatalog.turkishLastNames))"
        } else {
            name = "\(random.pick(DemoCatalog.englishFirstNames)) \(random.pick(DemoCatalog.englishLastNames))"
        }
        let local = SearchFolding.terms(name).joined(separator: ".")
        let email = "\(local.isEmpty ? "customer" : local).\(index)@example.\(place.country == "TR" ? "com.tr" : "com")"
        let birthday = random.chance(0.6)
            ? DateComponents(year: random.int(1960...2004), month: random.int(1...12), day: random.int(1...28)) : nil
        let id = try writer.insertCustomer(name: name, email: email, language: place.language, city: place.city,
                                           country: place.country, birthday: birthday, createdAt: Date(unixSeconds: time))
        customers[index] = DemoCustomer(id: id, name: name, email: email, place: place)
        return index
    }

    mutating func order(_ index: Int, _ writer: ShopWriter) throws {
        // Orders run oldest to newest so ids follow time, with the shop growing over the 18 months.
        let fraction = (Double(index) + 0.5) / Double(shop.orders)
        let placed = start + Int64(Double(now - start) * fraction.squareRoot()) - random.int64(0...(hour / 2))
        let customerIndex = try customer(writer, at: placed)
        let who = customers[customerIndex]!
        let age = now - placed

        let status: OrderStatus
        let roll = random.int(0...99)
        switch age {
        case ..<day: status = roll < 65 ? .received : roll < 85 ? .preparing : roll < 93 ? .onHold : .cancelled
        case ..<(3 * day): status = roll < 40 ? .preparing : roll < 88 ? .shipped : roll < 95 ? .onHold : .cancelled
        case ..<(10 * day): status = roll < 50 ? .shipped : roll < 95 ? .delivered : roll < 98 ? .cancelled : .onHold
        default: status = roll < 92 ? .delivered : roll < 95 ? .returned : .cancelled
        }
        var payment: PaymentStatus = .paid
        if (status == .received || status == .onHold) && random.chance(0.3) { payment = .pending }
        if status == .cancelled || status == .returned { payment = .refunded }
        if status == .delivered && random.chance(0.02) { payment = .partiallyRefunded }
        let shipped = [.shipped, .delivered, .returned].contains(status)

        var lines: [OrderLine] = []
        var chosen = Set<Int>()
        for _ in 0..<random.int(1...4) {
            let pick = random.int(0...(DemoCatalog.products.count - 1))
            guard chosen.insert(pick).inserted else { continue } // one line per product
            let product = DemoCatalog.products[pick]
            let unit: Int64 = switch who.place.currency.code {
            case "EUR": (product.priceTRY / 3_700) * 100 + 90
            case "USD": (product.priceTRY / 3_400) * 100 + 99
            default: product.priceTRY
            }
            lines.append(OrderLine(sku: product.sku, name: product.name, quantity: random.chance(0.8) ? 1 : random.int(2...3),
                                   unitPrice: Money(minorUnits: unit, currency: who.place.currency)))
        }
        let number = "#\(1001 + index)"
        let tags = random.chance(0.15) ? [random.pick(DemoCatalog.tags)] : []
        let note = random.chance(0.05) ? (who.place.language == "tr" ? "Kapıya bırakabilirsiniz." : "Please leave at the door.") : ""
        let total = lines.amountMinorUnits
        var newOrder = ShopWriter.NewOrder(
            number: number, platform: "demo", platformRef: nil, customerID: who.id, customerName: who.name, customerEmail: who.email,
            city: who.place.city, status: status, payment: payment, fulfillment: shipped ? .fulfilled : .unfulfilled,
            lines: lines, currency: who.place.currency, total: nil,
            shippingAddress: "\(random.int(1...180)). Sokak No \(random.int(1...60)), \(who.place.city) \(who.place.country)",
            tags: tags, note: note, placedAt: Date(unixSeconds: placed))
        // A partial refund is one item of the cheapest line sent back, or half of it when that item
        // is the whole order (a refunded order is refunded whole by the writer).
        if payment == .partiallyRefunded, let cheapest = lines.map(\.unitPrice.minorUnits).min() {
            newOrder.refunded = Money(minorUnits: cheapest < total ? cheapest : cheapest / 2, currency: who.place.currency)
        }
        let orderID = try writer.insertOrder(newOrder)

        let recent = age < 30 * day
        if recent {
            try writer.logActivity(at: Date(unixSeconds: placed), actor: "demo-import", subjectType: "order",
                                   subjectID: orderID, action: "order placed", detail: "from the storefront")
            if status != .received {
                try writer.logActivity(at: Date(unixSeconds: min(now, placed + 3 * hour)), actor: "ayse", subjectType: "order",
                                       subjectID: orderID, action: "marked \(status.title)")
            }
        }

        // A conversation for about one order in twelve; recent ones may still be open.
        var conversationOpen: (id: Int64, status: ConversationStatus)?
        if random.chance(0.08) {
            conversationOpen = try conversation(for: who, orderID: orderID, number: number, placed: placed, writer)
        }

        let mailed = DemoOrderMail(id: orderID, number: number, total: Money(minorUnits: total, currency: who.place.currency))
        var deliveredAt: Int64?
        var exception = false
        var parcel: (carrier: Carrier, number: String)?
        if shipped {
            (deliveredAt, exception, parcel) = try shipment(mailed, who: who, status: status, placed: placed, writer)
        }

        if let deliveredAt, status == .delivered {
            try reviewInvite(mailed, who: who, deliveredAt: deliveredAt,
                             blocker: Self.blocker(conversation: conversationOpen, exception: exception ? parcel?.number : nil), writer)
        }
        try loyalty(customerIndex, orderID: orderID, number: number, total: total, currency: who.place.currency,
                    placed: placed, writer)
        if recent {
            try mail(.thankYou, key: "thank_you:order:\(orderID)", who: who, order: mailed, at: placed + 60, writer)
            if let parcel {
                try mail(.shipped, key: "shipped:order:\(orderID)", who: who, order: mailed, parcel: parcel,
                         at: placed + day + 2 * hour, writer)
            }
        }
        if status == .delivered && random.chance(0.05), let deliveredAt {
            let kind = random.chance(0.5) ? "csat" : "nps"
            let answered = random.chance(0.4)
            try writer.insertSurvey(customerID: who.id, orderID: orderID, kind: kind, sentAt: Date(unixSeconds: min(now, deliveredAt + 2 * day)),
                                    score: answered ? (kind == "csat" ? random.int(1...5) : random.int(0...10)) : nil,
                                    answeredAt: answered ? Date(unixSeconds: min(now, deliveredAt + 3 * day)) : nil,
                                    comment: "")
        }
    }

    mutating func conversation(for who: DemoCustomer, orderID: Int64, number: String, placed: Int64,
                               _ writer: ShopWriter) throws -> (id: Int64, status: ConversationStatus)? {
        let subjects = DemoCatalog.conversationSubjects
        let pair = random.pick(subjects)
        let subject = orderID % 499 == 7 ? DemoCatalog.hostileSubject : (who.place.language == "tr" ? pair.tr : pair.en)
        // Customers write after ordering, but never in the future: recent orders' threads start sooner.
        var at = placed + random.int64((10 * 60)...max(11 * 60, min(4 * day, (now - placed) * 3 / 4)))
        var messages: [SupportMessage] = []
        for turn in 0..<random.int(2...5) where at < now {
            let inbound = turn % 2 == 0
            let body = inbound
                ? (who.place.language == "tr" ? "Merhaba, \(number) numaralı siparişim hakkında yazıyorum." :
                    "Hello, I am writing about my order \(number).")
                : (who.place.language == "tr" ? "Merhaba, hemen kontrol ediyorum. Teşekkürler!" :
                    "Hi, I am looking into it right away. Thank you!")
            messages.append(SupportMessage(at: Date(unixSeconds: at), direction: inbound ? .inbound : .outbound,
                                           from: inbound ? who.email : "destek@aysenin-dukkani.example", body: body))
            at += random.int64((hour / 2)...(30 * hour))
        }
        if messages.isEmpty { // an order placed minutes ago: the customer has just written
            messages.append(SupportMessage(at: Date(unixSeconds: min(now - 30, placed + 60)), direction: .inbound,
                                           from: who.email, body: who.place.language == "tr" ? "Merhaba?" : "Hello?"))
        }
        let last = messages.last!.at.unixSeconds
        let status: ConversationStatus
        if now - last > 21 * day {
            status = .closed
        } else if messages.last!.direction == .inbound {
            status = .open
        } else {
            status = random.chance(0.6) ? .pending : .snoozed
        }
        let id = try writer.insertConversation(customerID: who.id, customerName: who.name, customerEmail: who.email, orderID: orderID,
                                               orderNumber: number, subject: subject, status: status, messages: messages)
        return status == .closed ? nil : (id, status)
    }

    mutating func shipment(_ order: DemoOrderMail, who: DemoCustomer, status: OrderStatus, placed: Int64,
                           _ writer: ShopWriter) throws -> (deliveredAt: Int64?, exception: Bool, parcel: (carrier: Carrier, number: String)) {
        let (orderID, number) = (order.id, order.number)
        let carrier: Carrier = switch who.place.country {
        case "TR": random.pick([.yurtici, .aras, .mng, .ptt, .surat])
        case "US": random.pick([.ups, .usps, .fedex])
        default: random.pick([.dhl, .ups])
        }
        let tracking = DemoShop.trackingNumber(for: carrier, orderID: orderID, using: &random)
        let shippedAt = min(now - hour, placed + random.int64((6 * hour)...(2 * day)))
        let firstEta = shippedAt + random.int64(2...5) * day
        let slipped = random.chance(0.06)
        let eta = slipped ? firstEta + random.int64(1...3) * day : firstEta
        let location = { (random: inout SplitMix64) in random.pick(DemoCatalog.trackingLocations) }
        var events = [TrackingEvent(at: Date(unixSeconds: shippedAt), status: .infoReceived, location: who.place.city,
                                    description: "Shipment information received")]
        var at = shippedAt + random.int64((2 * hour)...(20 * hour))
        var deliveredAt: Int64?
        var exception = false
        func add(_ status: ShipmentStatus, _ text: String, _ place: String) {
            events.append(TrackingEvent(at: Date(unixSeconds: min(at, now - 60)), status: status, location: place, description: text))
        }
        if at < now { add(.inTransit, "In transit", location(&random)) }
        switch status {
        case .delivered:
            at = max(at + hour, eta - random.int64(0...day))
            add(.outForDelivery, "Out for delivery", who.place.city)
            at += random.int64(hour...(8 * hour))
            if random.chance(0.05) {
                add(.failedAttempt, "Recipient not at home", who.place.city)
                at += day
            }
            add(.delivered, "Delivered", who.place.city)
            deliveredAt = min(at, now - 60)
        case .returned:
            at += 2 * day
            add(.exception, "Address not found", who.place.city)
            at += 4 * day
            if random.chance(0.2) {
                add(.expired, "No updates from the carrier for 30 days", "")
            } else {
                add(.returnedToSender, "Returned to sender", "İstanbul")
            }
        default:
            // Still travelling: spread the in-flight statuses, including the ones that need attention.
            at += random.int64(hour...day)
            if at < now {
                switch random.int(0...9) {
                case 0: add(.exception, "Customs inspection", location(&random)); exception = true
                case 1: add(.failedAttempt, "Recipient not at home", who.place.city)
                case 2: add(.availableForPickup, "Waiting at the branch", who.place.city)
                case 3, 4: add(.outForDelivery, "Out for delivery", who.place.city)
                case 5: events.removeAll() // label printed, carrier has not scanned it yet: pending
                default: break
                }
            }
        }
        _ = try writer.insertShipment(.init(orderID: orderID, orderNumber: number, customerName: who.name, carrier: carrier,
                                            trackingNumber: tracking, shippedAt: Date(unixSeconds: shippedAt),
                                            firstEta: Date(unixSeconds: firstEta), eta: Date(unixSeconds: eta), events: events))
        if now - placed < 30 * day, let deliveredAt {
            try mail(.delivered, key: "delivered:order:\(orderID)", who: who, order: order, at: deliveredAt + 600, writer)
        }
        return (deliveredAt, exception, (carrier, tracking))
    }

    /// The invite goes out a week after delivery; while something is open for the customer it waits.
    /// What holds a demo invite back, as the automation engine words it.
    static func blocker(conversation: (id: Int64, status: ConversationStatus)?, exception tracking: String?) -> String? {
        if let conversation {
            return KeptPhrase.english(KeptPhrase.conversationWaiting, ["status": conversation.status.rawValue, "id": String(conversation.id)])
        }
        return tracking.map { KeptPhrase.english(KeptPhrase.parcelException, ["tracking": $0]) }
    }

    mutating func reviewInvite(_ order: DemoOrderMail, who: DemoCustomer, deliveredAt: Int64, blocker: String?,
                               _ writer: ShopWriter) throws {
        let (orderID, number) = (order.id, order.number)
        let due = deliveredAt + 7 * day
        var state: ReviewInviteState
        var sentAt: Int64?
        var reminderAt: Int64?
        var reason = ""
        if let blocker, now - due < 14 * day {
            state = .deferred
            reason = blocker
        } else if due > now {
            state = random.chance(0.05) ? .held : .scheduled
            if state == .held { reason = KeptPhrase.english(KeptPhrase.heldBy, ["user": "ayse"]) }
        } else {
            sentAt = due
            let roll = random.int(0...99)
            if roll < 3 && (blocker != nil || roll == 0) {
                state = .expired; sentAt = nil; reason = KeptPhrase.english(KeptPhrase.notSentInTime, ["days": "60"])
            } else if roll < 3 {
                state = .skipped; sentAt = nil; reason = "skipped by ayse"
            } else if roll < 30 {
                state = .reviewed
            } else if now - due > 7 * day && roll < 70 {
                state = .reminded; reminderAt = due + 7 * day
            } else {
                state = .sent
            }
        }
        _ = try writer.insertReviewInvite(orderID: orderID, orderNumber: number, customerID: who.id, customerName: who.name,
                                          state: state, dueAt: Date(unixSeconds: due), sentAt: sentAt.map(Date.init(unixSeconds:)),
                                          reminderAt: reminderAt.map(Date.init(unixSeconds:)), reason: reason,
                                          now: Date(unixSeconds: now))
        if let sentAt, now - sentAt < 30 * day {
            try mail(.reviewInvite, key: "review_invite:order:\(orderID)", who: who, order: order, at: sentAt, writer)
        }
    }

    /// Two in five customers join the loyalty programme with their first order; every later order earns
    /// one point per whole currency unit, recorded in the ledger.
    mutating func loyalty(_ customerIndex: Int, orderID: Int64, number: String, total: Int64, currency: Currency,
                          placed: Int64, _ writer: ShopWriter) throws {
        var who = customers[customerIndex]!
        if who.loyaltyAccount == nil {
            guard customerIndex % 5 < 2 else { return }
            who.referralCode = "REF-\(String(customerIndex, radix: 36).uppercased())\(random.digits(2))"
            who.loyaltyAccount = try writer.insertLoyaltyAccount(customerID: who.id, customerName: who.name,
                                                                 customerEmail: who.email, joinedAt: Date(unixSeconds: placed),
                                                                 referralCode: who.referralCode)
            try writer.addPoints(accountID: who.loyaltyAccount!, points: 100, reason: KeptPhrase.welcome, orderID: nil,
                                 at: Date(unixSeconds: placed))
        }
        let perUnit: Int64 = currency.code == "TRY" ? 1 : 30 // foreign currencies earn at a TRY-equivalent rate
        let points = max(1, total / 100 * perUnit)
        try writer.addPoints(accountID: who.loyaltyAccount!, points: points, reason: KeptPhrase.english(KeptPhrase.earnedOnOrder, ["number": number]), orderID: orderID,
                             at: Date(unixSeconds: placed))
        if now - placed < 365 * day { who.yearlyPoints += points }
        customers[customerIndex] = who
    }

    /// A customer mail about `order`, written by the shop's composer as real mail is (none without
    /// one, or for an address no mail can go to), then left in the state a worker mid-run would.
    mutating func mail(_ kind: MailKind, key: String, who: DemoCustomer, order: DemoOrderMail,
                       parcel: (carrier: Carrier, number: String)? = nil, at: Int64, _ writer: ShopWriter) throws {
        guard let compose = shop.mail else { return }
        mailCounter += 1
        let created = min(at, now - 30)
        let customer = Customer(id: who.id, name: who.name, email: who.email, language: who.place.language, city: who.place.city,
                                country: who.place.country, createdAt: Date(unixSeconds: start))
        let request = OrderMailRequest(kind: kind, dedupeKey: key, orderID: order.id, orderNumber: order.number, customer: customer,
                                       total: order.total, carrier: parcel?.carrier, trackingNumber: parcel?.number,
                                       values: ["review_url": "https://aysenin-dukkani.example/review/\(order.number.dropFirst())"])
        let composed: ComposedMail
        do {
            composed = try compose(request, Date(unixSeconds: created))
        } catch is UnmailableRecipient {
            return
        }
        // Older mail has gone; the newest still waits, and a few show every other state.
        var state: OutboxState = now - created > 2 * hour ? .sent : .queued
        var reply = state == .sent ? "250 2.0.0 Ok: queued" : ""
        var attempts = state == .sent ? 1 : 0
        var next: Int64?
        switch mailCounter % 53 {
        case 3: state = .deferred; reply = "451 4.7.1 Greylisted, try again later"; attempts = 2; next = now + 15 * 60
        case 11: state = .failed; reply = "550 5.1.1 <\(who.email)>: Recipient address rejected: User unknown"; attempts = 1
        case 19: state = .held; reply = ""; attempts = 0
        case 29 where kind.category == .marketing: state = .suppressed; reply = "address unsubscribed"; attempts = 0
        case 37: state = .cancelled; reply = "cancelled by ayse"; attempts = 0
        default: break
        }
        var mail = composed
        mail.expiresAt = Date(unixSeconds: created + 3 * day)
        try writer.enqueueMail(mail, state: state, attempts: attempts, nextAttemptAt: next.map(Date.init(unixSeconds:)),
                               lastReply: reply, sentAt: state == .sent ? Date(unixSeconds: created + 5) : nil,
                               leaseUntil: state == .sending ? Date(unixSeconds: now + 120) : nil)
    }

    /// Tiers from the rolling year's points; birthday coupons for members born this month; the head
    /// of the mail queue in every in-flight state, as a worker mid-run would leave it.
    mutating func finish(_ writer: ShopWriter) throws {
        // The demo writes its own journey (invites, surveys, thank-you mail): the automation engine
        // starts after it, as on a shop whose history it has already walked.
        try writer.db.execute(sql: """
            INSERT INTO automation_cursors(rule, last_id) VALUES ('orders', (SELECT coalesce(max(id), 0) FROM orders)),
                ('shipments', (SELECT coalesce(max(id), 0) FROM shipments));
            DELETE FROM journey_changes;
            """)
        let newest = try Row.fetchAll(writer.db, sql: "SELECT id, category FROM outbox ORDER BY created_at DESC, id DESC LIMIT 10")
        let head: [(OutboxState, String)] = [
            (.sending, ""), (.queued, ""), (.deferred, "451 4.7.1 Greylisted, try again later"), (.queued, ""),
            (.failed, "550 5.1.1 Recipient address rejected: User unknown"), (.held, ""), (.queued, ""),
            (.cancelled, "cancelled by ayse"), (.suppressed, "address unsubscribed"), (.queued, ""),
        ]
        for (row, (state, reply)) in zip(newest, head) {
            let marketing = (row[1] as String) == MailCategory.marketing.rawValue
            let staged: OutboxState = state == .suppressed && !marketing ? .queued : state
            try writer.setMailState(id: row[0], state: staged, reply: staged == .queued ? "" : reply,
                                    attempts: [.sending, .deferred, .failed].contains(staged) ? 1 : 0,
                                    nextAttemptAt: staged == .deferred ? Date(unixSeconds: now + 15 * 60)
                                        : [.queued, .held].contains(staged) ? Date(unixSeconds: now - 30) : nil,
                                    leaseUntil: staged == .sending ? Date(unixSeconds: now + 120) : nil)
        }
        let month = Calendar(identifier: .gregorian).component(.month, from: shop.now)
        for (index, who) in customers.sorted(by: { $0.key < $1.key }) {
            guard let account = who.loyaltyAccount else { continue }
            let tier = LoyaltyTier.forYearlyPoints(who.yearlyPoints)
            if tier != .member {
                try writer.setTier(accountID: account, tier: tier, name: who.name, email: who.email,
                                   referralCode: who.referralCode)
            }
            if index % 12 == month % 12 {
                try writer.insertCoupon(code: "DOGUMGUNU-\(String(index, radix: 36).uppercased())", customerID: who.id,
                                        kind: "birthday", description: "Birthday: 15% off", percentOff: 15,
                                        createdAt: shop.now, expiresAt: shop.now.addingTimeInterval(30 * 86_400),
                                        redeemedAt: nil)
            }
        }
    }
}
