import Foundation
import Tezgah
import TezgahMail
import TezgahStore
import TOMLKit

/// A config file that cannot be used, in one sentence naming the file, line and key.
public struct ConfigError: UserFacingError, Equatable {
    public var exitStatus: Int32 { 2 }

    /// The sentence, said in the command line's or the desk's language.
    public var said: Said
    public var description: String { said.english }

    /// On one line whatever it quotes: a value read from the file may hold a line break.
    public init(_ said: Said) {
        self.said = said.onOneLine
    }

    /// A sentence no catalogue knows (a TOML reader's own), said as it is.
    public init(description: String) {
        self.init(Said(description))
    }
}

/// `config.toml`: the shop's settings. Every key is known; an unknown key or a value of the wrong
/// type is an error naming the file, line and key, so a typo never silently changes behaviour.
///
/// ```toml
/// [shop]
/// name = "Ayşe'nin Dükkanı"
/// time_zone = "Europe/Istanbul"
/// return_policy = "Returns are free within 14 days."
/// [inbox]
/// maildir = "~/Maildir"                    # the shop's mailbox (Postfix/Dovecot, or synced)
/// sync_command = ["mbsync", "shop"]        # run before each read; an argument vector
/// [automations.thank_you]
/// max_age_hours = 48                       # only orders this fresh are thanked (also: enabled)
/// [automations.review_invite]
/// url = "https://shop.example/review/{order}"  # turns invites on; after_days, after_shipping_days,
///                                          # reminder_after_days, expire_days, customer_gap_days
/// [automations.survey]
/// kind = "csat"                            # or "nps"; after_days, customer_gap_days, enabled
/// [automations.eta]
/// holidays = ["2026-10-29"]                # no deliveries; Sundays never count
/// [automations.eta.transit_days]
/// yurtici = 2                              # working days per carrier
/// [loyalty]
/// enabled = true                           # points for delivered orders; also auto_join,
///                                          # welcome_points, return_window_days, expiry_months,
///                                          # demotion_grace_days, reward_points, reward_value
///                                          # ("50 TRY") or reward_percent, coupon_days
/// [loyalty.points_per_unit]
/// TRY = 1
/// [loyalty.tiers]                          # yearly points for silver and gold
/// [loyalty.multipliers]                    # each tier's rate, replacing the base
/// [returns]
/// window_days = 14                         # after delivery; later needs a stated exception
/// instructions = "Send it to …"            # in the approval mail
/// [support]
/// hours = "Mon-Fri 09:00-18:00"            # the first-response clock counts these; default: all
/// [ui]
/// ascii = true                             # ASCII stand-ins (TL for ₺); default: by TERM
/// mouse = true                             # clicks select tabs and rows, the wheel scrolls
/// [shipments]
/// stalled_days = 3                         # no tracking event for this long: stalled
/// [tracking.urls]
/// yurtici = "https://kargo.example/track?no={n}"
/// [mail]
/// from = "Ayşe'nin Dükkanı <destek@example.com>"
/// transport = "smtp"                       # or "sendmail"
/// [mail.smtp]
/// host = "smtp.example.com"
/// port = 587
/// security = "starttls"                    # "tls", or "none" (loopback only)
/// username = "destek@example.com"
/// password_env = "TEZGAH_SMTP_PASSWORD"    # or password_file = "…" (must be 0600)
/// [mail.sendmail]
/// command = ["/usr/sbin/sendmail", "-t", "-oi"]
/// [mail.queue]
/// marketing_per_day = 1
/// marketing_per_30_days = 4
/// quiet_hours = "21:00-09:00"
/// ```
public struct ShopConfig: Sendable {
    /// The file it came from, or nil for the built-in defaults (no file).
    public var file: String?
    public var timeZone: TimeZone
    /// `[shop] time_zone` when the file names one (`timeZone` is then the same); nil leaves the zone
    /// to the database's setting, else this machine's (see `ShopSettings`).
    public var configuredTimeZone: TimeZone?
    /// The shop's name in mail and the title bar (else the database's own setting; see `shopName(stored:)`).
    public var shopName: String?
    /// A sentence for the shipped mail about returns.
    public var returnPolicy = ""
    public var attentionRule = ShipmentAttentionRule()
    public var trackingLinks = TrackingLinks()
    /// `[inbox] maildir`: the shop's mailbox, read into the Support pane.
    public var inboxMaildir: String?
    /// `[inbox] sync_command`: run before each read (`["mbsync", "shop"]`), never through a shell.
    public var inboxSyncCommand: [String]?
    /// `[ui] ascii`: true draws ASCII stand-ins (₺ as TL, ş as s), false draws UTF-8 even where the
    /// terminal's name suggests an ASCII-only console; nil leaves it to the terminal.
    public var ascii: Bool?
    /// `[ui] mouse`: clicks select tabs and rows, the wheel scrolls. Off by default, so the
    /// terminal's own text selection works without Shift.
    public var mouse = false
    /// `[ui] language`: the desk's language (`"tr"`, `"en"`); nil leaves it to `LANG`/`LC_MESSAGES`.
    public var language: Language?
    /// `[automations.*]`: the after-sale journey's rules (the zone is filled in by `ShopSettings`).
    public var automations = AutomationSettings()
    /// `[returns]`: the return window and the approval mail's instructions.
    public var returns = ReturnSettings()
    /// `[support] hours`, checked at load; read in the shop's zone (see `ShopSettings`).
    public var supportHours: String?
    /// `[insight] churn_days`: a customer who bought twice or more and not for this many days is
    /// lapsing (the Insight view lists them).
    public var churnDays = 90
    /// `[access] readonly_users`: Unix users who may look at the shop but change nothing.
    public var readonlyUsers: [String] = []

    /// Whether `user` may only look (see `readonlyUsers`).
    public func isReadOnly(user: @autoclosure () -> String) -> Bool {
        !readonlyUsers.isEmpty && readonlyUsers.contains(user())
    }
    /// The `[mail]` section as read; turned into `MailSettings` (with the password) only by what sends.
    var mail: TOMLSection?
    var text: String

    public static let defaults = ShopConfig(file: nil, timeZone: .current, mail: nil, text: "")

    /// The shop's name as the desk's title bar and its mail both show it: the config's, else the one
    /// the database stores (`stored`), else "tezgah".
    public func shopName(stored: String?) -> String {
        ShopSettings.resolve(config: self, stored: StoredShopSettings(name: stored)).name
    }

    init(file: String?, timeZone: TimeZone, mail: TOMLSection?, text: String) {
        self.file = file
        self.timeZone = timeZone
        self.mail = mail
        self.text = text
    }

    /// Loads `path`. A missing file is fine when it is the default location (`required` false): the
    /// defaults apply. A file named by `--config` or `TEZGAH_CONFIG` must exist.
    public static func load(path: String, required: Bool) throws -> ShopConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            if required || FileManager.default.fileExists(atPath: path) {
                throw ConfigError(Said("{path}: cannot read the config file.", ["path": path]))
            }
            return .defaults
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(Said("{path}: the config file is not UTF-8 text.", ["path": path]))
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> ShopConfig {
        let root = try TOMLSection.parsing(text, file: file)
        try root.allow(["shop", "shipments", "tracking", "mail", "ui", "inbox", "support", "automations", "loyalty", "returns", "insight", "access"])
        var config = ShopConfig(file: file, timeZone: .current, mail: nil, text: text)
        if let shop = try root.section("shop") {
            try shop.allow(["name", "time_zone", "return_policy"])
            config.shopName = try shop.string("name")
            config.returnPolicy = try shop.string("return_policy") ?? ""
            if let name = try shop.string("time_zone") {
                guard let zone = TimeZone(identifier: name) else {
                    throw shop.error("time_zone", Said("\"{value}\" is not a time zone name such as \"Europe/Istanbul\"", ["value": name]))
                }
                config.timeZone = zone
                config.configuredTimeZone = zone
            }
        }
        if let inbox = try root.section("inbox") {
            try inbox.allow(["maildir", "sync_command"])
            config.inboxMaildir = try inbox.string("maildir")
            if let command = try inbox.strings("sync_command") {
                guard !command.isEmpty, !command[0].isEmpty else {
                    throw inbox.error("sync_command", Said("expected the program and its arguments, such as [\"mbsync\", \"shop\"]"))
                }
                config.inboxSyncCommand = command
            }
        }
        if let automations = try root.section("automations") {
            config.automations = try Self.automations(automations)
        }
        if let returns = try root.section("returns") {
            try returns.allow(["window_days", "instructions"])
            if let days = try returns.integer("window_days", atLeast: 0) { config.returns.window = TimeInterval(days) * 86_400 }
            if let text = try returns.string("instructions") { config.returns.instructions = text }
        }
        if let loyalty = try root.section("loyalty") {
            config.automations.loyalty = try Self.loyalty(loyalty)
        }
        if let support = try root.section("support") {
            try support.allow(["hours"])
            if let hours = try support.string("hours") {
                guard BusinessHours(parsing: hours, timeZone: config.timeZone) != nil else {
                    throw support.error("hours", Said("\"{value}\" is not business hours such as \"Mon-Fri 09:00-18:00\" or \"Mon-Fri 09:00-18:00, Sat 10:00-14:00\"", ["value": hours]))
                }
                config.supportHours = hours
            }
        }
        if let insight = try root.section("insight") {
            try insight.allow(["churn_days"])
            if let days = try insight.integer("churn_days", atLeast: 7, atMost: 730) { config.churnDays = days }
        }
        if let access = try root.section("access") {
            try access.allow(["readonly_users"])
            if let users = try access.strings("readonly_users") {
                guard users.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
                    throw access.error("readonly_users", Said("expected Unix user names, such as [\"yardimci\"]"))
                }
                config.readonlyUsers = users
            }
        }
        if let ui = try root.section("ui") {
            try ui.allow(["ascii", "mouse", "language"])
            config.ascii = try ui.bool("ascii")
            config.mouse = try ui.bool("mouse") ?? false
            if let text = try ui.string("language") {
                guard let language = Language(setting: text) else {
                    throw ui.error("language", Said("\"{value}\" is not a language the desk speaks (en or tr)", ["value": text]))
                }
                config.language = language
            }
        }
        if let shipments = try root.section("shipments") {
            try shipments.allow(["stalled_days"])
            if let days = try shipments.integer("stalled_days", atLeast: 1) {
                config.attentionRule.stalledAfter = TimeInterval(days) * 86_400
            }
        }
        if let tracking = try root.section("tracking") {
            try tracking.allow(["urls"])
            if let urls = try tracking.section("urls") {
                try urls.allow(Carrier.allCases.map(\.rawValue))
                for carrier in Carrier.allCases {
                    guard let template = try urls.string(carrier.rawValue) else { continue }
                    guard template.hasPrefix("https://") || template.hasPrefix("http://"), template.contains("{n}") else {
                        throw urls.error(carrier.rawValue, Said("expected a web address with {n} where the tracking number goes"))
                    }
                    config.trackingLinks.templates[carrier] = template
                }
            }
        }
        if let mail = try root.section("mail") {
            config.mail = mail
            _ = try config.mailSettings(resolvingPassword: false) // Check every key now, secrets later.
        }
        return config
    }

    /// `[automations.*]`, each rule's keys checked, durations in whole days or hours.
    private static func automations(_ section: TOMLSection) throws -> AutomationSettings {
        try section.allow(["thank_you", "review_invite", "survey", "eta"])
        var settings = AutomationSettings()
        let day: TimeInterval = 86_400
        if let thanks = try section.section("thank_you") {
            try thanks.allow(["enabled", "max_age_hours"])
            settings.thankYou.enabled = try thanks.bool("enabled") ?? true
            if let hours = try thanks.integer("max_age_hours", atLeast: 1) { settings.thankYou.maxAge = TimeInterval(hours) * 3_600 }
        }
        if let invite = try section.section("review_invite") {
            try invite.allow(["enabled", "url", "after_days", "after_shipping_days", "reminder_after_days", "expire_days", "customer_gap_days"])
            if let url = try invite.string("url") {
                guard url.hasPrefix("https://") || url.hasPrefix("http://"), url.contains("{order}") else {
                    throw invite.error("url", Said("expected a web address with {order} where the order number goes, such as \"https://shop.example/review/{order}\""))
                }
                settings.reviewInvite.url = url
            }
            let enabled = try invite.bool("enabled")
            if enabled == true && settings.reviewInvite.url == nil {
                throw invite.error("enabled", Said("review invites need url = \"https://…{order}…\": the page where the customer writes the review"))
            }
            settings.reviewInvite.enabled = enabled ?? (settings.reviewInvite.url != nil)
            if let days = try invite.integer("after_days", atLeast: 0) { settings.reviewInvite.afterDelivery = TimeInterval(days) * day }
            if let days = try invite.integer("after_shipping_days", atLeast: 1) { settings.reviewInvite.afterShipping = TimeInterval(days) * day }
            if let days = try invite.integer("reminder_after_days", atLeast: 1) { settings.reviewInvite.reminderAfter = TimeInterval(days) * day }
            if let days = try invite.integer("expire_days", atLeast: 1) { settings.reviewInvite.expiresAfter = TimeInterval(days) * day }
            if let days = try invite.integer("customer_gap_days", atLeast: 0) { settings.reviewInvite.customerGap = TimeInterval(days) * day }
        }
        if let survey = try section.section("survey") {
            try survey.allow(["enabled", "kind", "after_days", "customer_gap_days"])
            settings.survey.enabled = try survey.bool("enabled") ?? true
            if let kind = try survey.string("kind") {
                guard let parsed = SurveyKind(rawValue: kind) else { throw survey.error("kind", Said("\"{value}\" is not a survey; use \"csat\" (1–5) or \"nps\" (0–10)", ["value": kind])) }
                settings.survey.kind = parsed
            }
            if let days = try survey.integer("after_days", atLeast: 0) { settings.survey.afterDelivery = TimeInterval(days) * day }
            if let days = try survey.integer("customer_gap_days", atLeast: 0) { settings.survey.customerGap = TimeInterval(days) * day }
        }
        if let eta = try section.section("eta") {
            try eta.allow(["enabled", "holidays", "transit_days"])
            settings.eta.enabled = try eta.bool("enabled") ?? true
            for holiday in try eta.strings("holidays") ?? [] {
                let parts = holiday.split(separator: "-")
                guard parts.count == 3, parts[0].count == 4, let month = Int(parts[1]), let dayOfMonth = Int(parts[2]),
                      (1...12).contains(month), (1...31).contains(dayOfMonth) else {
                    throw eta.error("holidays", Said("\"{value}\" is not a date such as \"2026-10-29\"", ["value": holiday]))
                }
                settings.eta.transit.holidays.insert(String(format: "%@-%02d-%02d", String(parts[0]), month, dayOfMonth))
            }
            if let transit = try eta.section("transit_days") {
                try transit.allow(Carrier.allCases.map(\.rawValue))
                for carrier in Carrier.allCases {
                    if let days = try transit.integer(carrier.rawValue, atLeast: 0, atMost: 60) { settings.eta.transit.days[carrier] = days }
                }
            }
        }
        return settings
    }

    /// `[loyalty]`: the programme's rates, tiers, windows and reward.
    private static func loyalty(_ section: TOMLSection) throws -> LoyaltySettings {
        try section.allow(["enabled", "auto_join", "join_from_customers_export", "welcome_points", "return_window_days", "demotion_grace_days", "expiry_months",
                           "reward_points", "reward_value", "reward_percent", "coupon_days", "points_per_unit", "tiers", "multipliers",
                           "birthday_points", "review_points", "referral_points", "referrals_per_year"])
        var rules = LoyaltySettings()
        let day: TimeInterval = 86_400
        rules.enabled = try section.bool("enabled") ?? true
        rules.autoJoin = try section.bool("auto_join") ?? false
        rules.joinFromCustomersExport = try section.bool("join_from_customers_export") ?? false
        if let points = try section.integer("welcome_points", atLeast: 0) { rules.welcomePoints = Int64(points) }
        if let days = try section.integer("return_window_days", atLeast: 0) { rules.returnWindow = TimeInterval(days) * day }
        if let days = try section.integer("demotion_grace_days", atLeast: 0) { rules.demotionGrace = TimeInterval(days) * day }
        if let months = try section.integer("expiry_months", atLeast: 2, atMost: 120) { rules.expiryAfter = TimeInterval(months) * 30.5 * day }
        if let points = try section.integer("reward_points", atLeast: 1) { rules.rewardPoints = Int64(points) }
        if let days = try section.integer("coupon_days", atLeast: 1) { rules.couponValidity = TimeInterval(days) * day }
        if let points = try section.integer("birthday_points", atLeast: 0) { rules.birthdayPoints = Int64(points) }
        if let points = try section.integer("review_points", atLeast: 0) { rules.reviewPoints = Int64(points) }
        if let points = try section.integer("referral_points", atLeast: 0) { rules.referralPoints = Int64(points) }
        if let count = try section.integer("referrals_per_year", atLeast: 0) { rules.referralsPerYear = count }
        if let text = try section.string("reward_value") {
            let parts = text.split(separator: " ")
            guard parts.count == 2, let amount = Decimal(string: String(parts[0])), amount > 0, parts[1].count == 3 else {
                throw section.error("reward_value", Said("expected an amount and a currency such as \"50 TRY\""))
            }
            let currency = Currency.code(String(parts[1]))
            var scaled = amount
            for _ in 0..<currency.minorDigits { scaled *= 10 }
            rules.rewardValue = Money(minorUnits: NSDecimalNumber(decimal: scaled).int64Value, currency: currency)
        }
        rules.rewardPercent = try section.integer("reward_percent", atLeast: 1, atMost: 100)
        if let rates = try section.section("points_per_unit") {
            rules.pointsPerUnit = [:]
            for key in rates.table.keys.sorted() {
                guard key.count == 3, key == key.uppercased() else { throw rates.error(key, Said("expected a currency code such as TRY, EUR or USD")) }
                rules.pointsPerUnit[key] = try rates.number(key, atLeast: 0)
            }
        }
        if let tiers = try section.section("tiers") {
            try tiers.allow(["silver", "gold"])
            if let silver = try tiers.integer("silver", atLeast: 1) { rules.tierThresholds[.silver] = Int64(silver) }
            if let gold = try tiers.integer("gold", atLeast: 1) { rules.tierThresholds[.gold] = Int64(gold) }
            if (rules.tierThresholds[.gold] ?? 0) <= (rules.tierThresholds[.silver] ?? 0) {
                throw tiers.error("gold", Said("gold needs more points than silver"))
            }
        }
        if let multipliers = try section.section("multipliers") {
            try multipliers.allow(["member", "silver", "gold"])
            for tier in LoyaltyTier.allCases {
                if let value = try multipliers.number(tier.rawValue, atLeast: 0) { rules.tierMultipliers[tier] = value }
            }
        }
        return rules
    }

    /// Whether the config has a `[mail]` section (a sender), without which no mail can be written.
    public var hasMail: Bool { mail != nil }

    /// The mail settings. `resolvingPassword` reads the SMTP password from its environment variable
    /// or file (which must be mode 0600); only what sends needs it.
    public func mailSettings(resolvingPassword: Bool = true) throws -> MailSettings {
        guard let mail else {
            throw ConfigError(Said("{file}: there is no [mail] section; add one with from = \"Shop <shop@example.com>\" and a transport (see the README).", ["file": file ?? "config.toml"]))
        }
        try mail.allow(["from", "transport", "smtp", "sendmail", "queue"])
        guard let fromText = try mail.string("from") else {
            throw mail.error("from", Said("the sender is required, e.g. from = \"Ayşe'nin Dükkanı <destek@example.com>\""), missing: true)
        }
        let from: MailAddress
        do { from = try MailAddress(parsing: fromText) } catch {
            throw mail.error("from", Said(String(describing: error)))
        }
        let transportName = try mail.string("transport") ?? "smtp"
        let transport: MailSettings.Transport
        switch transportName {
        case "smtp":
            guard let smtp = try mail.section("smtp") else {
                throw mail.error("transport", Said("transport = \"smtp\" needs a [mail.smtp] section with host and port"), missing: false)
            }
            transport = .smtp(try smtpSettings(smtp, resolvingPassword: resolvingPassword))
        case "sendmail":
            var command = MailSettings.defaultSendmailCommand
            if let sendmail = try mail.section("sendmail") {
                try sendmail.allow(["command"])
                if let given = try sendmail.strings("command") {
                    guard !given.isEmpty, !given[0].isEmpty else { throw sendmail.error("command", Said("the command needs at least the program")) }
                    command = given
                }
            }
            transport = .sendmail(command: command)
        default:
            throw mail.error("transport", Said("\"{value}\" is not a transport; use \"smtp\" or \"sendmail\"", ["value": transportName]))
        }
        var settings = MailSettings(from: from, transport: transport)
        if let queue = try mail.section("queue") {
            try queue.allow(["lease_seconds", "poll_seconds", "marketing_per_day", "marketing_per_30_days", "quiet_hours"])
            if let lease = try queue.integer("lease_seconds", atLeast: 10) { settings.lease = TimeInterval(lease) }
            if let poll = try queue.integer("poll_seconds", atLeast: 1) { settings.pollInterval = TimeInterval(poll) }
            if let perDay = try queue.integer("marketing_per_day", atLeast: 0) { settings.marketing.perDay = perDay }
            if let perMonth = try queue.integer("marketing_per_30_days", atLeast: 0) { settings.marketing.perThirtyDays = perMonth }
            if let quiet = try queue.string("quiet_hours") {
                guard let hours = QuietHours(parsing: quiet, timeZone: timeZone) else {
                    throw queue.error("quiet_hours", Said("expected two times of day such as \"21:00-09:00\""))
                }
                settings.marketing.quietHours = hours
            }
        }
        return settings
    }

    private func smtpSettings(_ smtp: TOMLSection, resolvingPassword: Bool) throws -> SMTPSettings {
        try smtp.allow(["host", "port", "security", "username", "password_env", "password_file", "timeout_seconds", "ca_file", "helo_name", "connections"])
        guard let host = try smtp.string("host"), !host.isEmpty else {
            throw smtp.error("host", Said("the relay's host name is required"), missing: true)
        }
        let securityName = try smtp.string("security") ?? "starttls"
        guard let security = SMTPSettings.Security(rawValue: securityName) else {
            throw smtp.error("security", Said("\"{value}\" is not one of \"starttls\", \"tls\" or \"none\"", ["value": securityName]))
        }
        if security == .none && !SMTPSettings.isLoopback(host) {
            throw smtp.error("security", Said("security = \"none\" sends passwords and mail in clear text; it is allowed only for a relay on this machine (localhost), not {host}", ["host": host]))
        }
        let port = try smtp.integer("port", atLeast: 1) ?? (security == .tls ? 465 : 587)
        let username = try smtp.string("username")
        var password: String?
        let passwordEnv = try smtp.string("password_env")
        let passwordFile = try smtp.string("password_file")
        if passwordEnv != nil && passwordFile != nil {
            throw smtp.error("password_file", Said("give password_env or password_file, not both"))
        }
        if resolvingPassword {
            if let name = passwordEnv {
                guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
                    throw smtp.error("password_env", Said("the environment variable {name} is not set", ["name": name]))
                }
                password = value
            } else if let path = passwordFile {
                password = try Self.readSecret(path, smtp: smtp)
            }
            if username != nil && password == nil {
                throw smtp.error("username", Said("a username needs password_env or password_file"))
            }
        }
        return SMTPSettings(host: host, port: port, security: security, username: username, password: password,
                            timeout: TimeInterval(try smtp.integer("timeout_seconds", atLeast: 1) ?? 60),
                            caFile: try smtp.string("ca_file"), heloName: try smtp.string("helo_name"),
                            connections: try smtp.integer("connections", atLeast: 1, atMost: 20) ?? SMTPSettings.defaultConnections)
    }

    /// Reads a secrets file, refusing it (as ssh does) unless only its owner can read it.
    private static func readSecret(_ path: String, smtp: TOMLSection) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw smtp.error("password_file", Said("cannot read {path}", ["path": path])) }
        guard info.st_mode & 0o077 == 0 else {
            throw smtp.error("password_file", Said("{path} can be read by others (mode {mode}); run chmod 600 {path}", ["path": path, "mode": String(info.st_mode & 0o777, radix: 8)]))
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw smtp.error("password_file", Said("cannot read {path} as text", ["path": path]))
        }
        return text.trimmingCharacters(in: .newlines)
    }
}

/// One table of the config file, with typed getters whose errors name the file, line and key.
struct TOMLSection: @unchecked Sendable {
    let table: TOMLTable

    /// A whole file's text as its top-level section; a syntax error names the file and line.
    static func parsing(_ text: String, file: String) throws -> TOMLSection {
        if let problem = TOMLReaderGuard.firstProblem(in: text) {
            throw ConfigError(description: "\(file):\(problem.line): \(problem.reason).")
        }
        do {
            return TOMLSection(table: try TOMLTable(string: text), path: nil, file: file, text: text)
        } catch let error as TOMLParseError {
            throw ConfigError(description: "\(file):\(error.source.begin.line): \(error.description.onOneLine).")
        }
    }
    let path: String?
    let file: String
    let text: String

    private func fullKey(_ key: String) -> String { path.map { "\($0).\(key)" } ?? key }

    func error(_ key: String, _ why: Said, missing: Bool = false) -> ConfigError {
        let line = TOMLKeyLines.line(of: key, in: path, text: text) ?? 1
        return ConfigError(Said("{file}:{line}: key \"{key}\": {why}.", ["file": file, "line": String(line), "key": fullKey(key)], parts: ["why": why]))
    }

    func allow(_ keys: [String]) throws {
        for key in table.keys.sorted() where !keys.contains(key) {
            throw error(key, path.map { Said("unknown key; [{table}] has {keys}", ["table": $0, "keys": keys.joined(separator: ", ")]) }
                        ?? Said("unknown key; the top level has {keys}", ["keys": keys.joined(separator: ", ")]))
        }
    }

    func section(_ key: String) throws -> TOMLSection? {
        guard let value = table[key] else { return nil }
        guard let inner = value.table else { throw error(key, Said("expected a table ([{table}])", ["table": fullKey(key)])) }
        return TOMLSection(table: inner, path: fullKey(key), file: file, text: text)
    }

    func string(_ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw error(key, Said("expected a string in quotes")) }
        return text
    }

    func strings(_ key: String) throws -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw error(key, Said("expected a list of strings such as [\"a\", \"b\"]")) }
        return try array.map { item in
            guard let text = item.string else { throw error(key, Said("expected a list of strings such as [\"a\", \"b\"]")) }
            return text
        }
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw error(key, Said("expected true or false")) }
        return flag
    }

    /// A whole or decimal number (`1`, `1.25`).
    func number(_ key: String, atLeast minimum: Double) throws -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init) else { throw error(key, Said("expected a number such as 1 or 1.25")) }
        guard number >= minimum else { throw error(key, Said("expected a number of at least {minimum}", ["minimum": "\(minimum)"])) }
        return number
    }

    func integer(_ key: String, atLeast minimum: Int, atMost maximum: Int? = nil) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw error(key, Said("expected a whole number")) }
        guard number >= minimum else { throw error(key, Said("expected a number of at least {minimum}", ["minimum": "\(minimum)"])) }
        if let maximum, number > maximum { throw error(key, Said("expected a number of at most {maximum}", ["maximum": String(maximum)])) }
        return number
    }
}
