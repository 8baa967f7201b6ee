import Foundation
import Testing
import Tezgah
import TezgahStore
import TezgahTestSupport
@testable import TezgahRuntime

/// `[automations.*]` in config.toml: every rule tunable, each mistake one sentence with file and line.
@Suite struct AutomationConfigTests {
    func parse(_ text: String) throws -> ShopConfig { try ShopConfig.parse(text, file: "config.toml") }

    func error(_ text: String) -> String? {
        do { _ = try parse(text); return nil } catch { return "\(error)" }
    }

    @Test func eachRuleIsTunable() throws {
        let config = try parse("""
            [shop]
            time_zone = "Europe/Istanbul"
            [automations.thank_you]
            max_age_hours = 24
            [automations.review_invite]
            url = "https://shop.example/yorum?siparis={order}"
            after_days = 10
            after_shipping_days = 20
            reminder_after_days = 4
            expire_days = 30
            customer_gap_days = 45
            [automations.survey]
            kind = "nps"
            after_days = 5
            customer_gap_days = 120
            [automations.eta]
            holidays = ["2026-10-29", "2027-1-1"]
            [automations.eta.transit_days]
            yurtici = 1
            ups = 5
            """)
        let rules = config.automations
        #expect(rules.thankYou.enabled && rules.thankYou.maxAge == 24 * 3_600)
        #expect(rules.reviewInvite.enabled, "a review page turns invites on")
        #expect(rules.reviewInvite.afterDelivery == 10 * 86_400 && rules.reviewInvite.afterShipping == 20 * 86_400)
        #expect(rules.reviewInvite.reminderAfter == 4 * 86_400 && rules.reviewInvite.expiresAfter == 30 * 86_400)
        #expect(rules.reviewInvite.customerGap == 45 * 86_400)
        #expect(rules.reviewInvite.link(orderNumber: "#1042") == "https://shop.example/yorum?siparis=1042")
        #expect(rules.survey.kind == .nps && rules.survey.afterDelivery == 5 * 86_400 && rules.survey.customerGap == 120 * 86_400)
        #expect(rules.eta.transit.holidays == ["2026-10-29", "2027-01-01"])
        #expect(rules.eta.transit.days[.yurtici] == 1 && rules.eta.transit.days[.ups] == 5 && rules.eta.transit.days[.aras] == 2)
        let settings = ShopSettings.resolve(config: config, stored: StoredShopSettings(name: nil))
        #expect(settings.automations.timeZone.identifier == "Europe/Istanbul")
        // Without a review page there are no invites; the rest is on.
        let plain = try parse("").automations
        #expect(!plain.reviewInvite.enabled && plain.thankYou.enabled && plain.survey.enabled && plain.eta.enabled)
        #expect(try parse("[automations.survey]\nenabled = false\n").automations.survey.enabled == false)
    }

    @Test func mistakesNameTheFileLineAndKey() {
        #expect(error("[automations.review_invite]\nenabled = true\n")
                == "config.toml:2: key \"automations.review_invite.enabled\": review invites need url = \"https://…{order}…\": the page where the customer writes the review.")
        #expect(error("[automations.review_invite]\nurl = \"shop.example/review\"\n")?.hasPrefix("config.toml:2: key \"automations.review_invite.url\": expected a web address with {order}") == true)
        #expect(error("[automations.survey]\nkind = \"stars\"\n") == "config.toml:2: key \"automations.survey.kind\": \"stars\" is not a survey; use \"csat\" (1–5) or \"nps\" (0–10).")
        #expect(error("[automations.thank_you]\nmax_age_hours = 0\n") == "config.toml:2: key \"automations.thank_you.max_age_hours\": expected a number of at least 1.")
        #expect(error("[automations.eta]\nholidays = [\"29 Ekim\"]\n") == "config.toml:2: key \"automations.eta.holidays\": \"29 Ekim\" is not a date such as \"2026-10-29\".")
        #expect(error("[automations.eta.transit_days]\nkargoist = 2\n")?.hasPrefix("config.toml:2: key \"automations.eta.transit_days.kargoist\": unknown key") == true)
        #expect(error("[automations.birthday]\nenabled = true\n")?.hasPrefix("config.toml:1: key \"automations.birthday\": unknown key") == true)
    }

    @Test func theLoyaltyProgrammeIsTunable() throws {
        let rules = try parse("""
            [loyalty]
            auto_join = true
            welcome_points = 50
            return_window_days = 30
            reward_points = 1000
            reward_value = "75.50 TRY"
            [loyalty.points_per_unit]
            TRY = 2
            EUR = 60.5
            [loyalty.tiers]
            silver = 2000
            gold = 8000
            [loyalty.multipliers]
            gold = 2
            """).automations.loyalty
        #expect(rules.enabled && rules.autoJoin && rules.welcomePoints == 50 && rules.returnWindow == 30 * 86_400)
        #expect(rules.rewardPoints == 1_000 && rules.rewardValue == Money(minorUnits: 7_550, currency: .try_))
        #expect(rules.pointsPerUnit == ["TRY": 2, "EUR": 60.5])
        #expect(rules.tier(forYearlyPoints: 1_999) == .member && rules.tier(forYearlyPoints: 8_000) == .gold)
        #expect(rules.points(for: Money(minorUnits: 10_000, currency: .try_), tier: .gold) == 400)
        #expect(try parse("").automations.loyalty.enabled == false, "off until the shop turns it on")
        #expect(error("[loyalty]\nreward_value = \"fifty\"\n") == "config.toml:2: key \"loyalty.reward_value\": expected an amount and a currency such as \"50 TRY\".")
        #expect(error("[loyalty.tiers]\nsilver = 5000\ngold = 100\n")?.hasPrefix("config.toml:3: key \"loyalty.tiers.gold\": gold needs more points than silver") == true)
        #expect(error("[loyalty.points_per_unit]\ntry = 1\n")?.contains("expected a currency code such as TRY") == true)
    }

    @Test func transitDaysSkipSundaysAndHolidays() {
        let istanbul = TimeZone(identifier: "Europe/Istanbul")!
        var transit = TransitTimes()
        transit.holidays = ["2026-12-07"]
        // Shipped Saturday 5 December: Sunday is no day, Monday a holiday; two days are Tue and Wed.
        let saturday = Date(timeIntervalSince1970: 1_796_450_400) // 2026-12-05 10:00 İstanbul
        let eta = transit.eta(carrier: .yurtici, shippedAt: saturday, timeZone: istanbul)
        #expect(eta == Date(timeIntervalSince1970: 1_796_849_999)) // 2026-12-09 23:59:59 İstanbul
    }
}
