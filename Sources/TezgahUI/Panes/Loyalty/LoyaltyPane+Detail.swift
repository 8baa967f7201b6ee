import Foundation
import Tezgah

extension LoyaltyDetail {
    /// The member's lines: tier, points, coupons and the ledger they are summed from.
    func lines(_ context: DetailContext) -> [StyledLine] {
        let (d, clock) = (self, context.clock)
        let s = d.summary
        var lines = [
            StyledLine([(s.customerName, .title), ("  ", .normal), (context.say(s.tier.title), s.tier.role)]),
            .field(context.say("E-mail"), d.customerEmail),
            .field(context.say("Points"), Int(s.balance).grouped(in: context.clock.language) + (s.pending > 0 ? " " + context.say("(+{points} pending)", ["points": Int(s.pending).grouped(in: context.clock.language)]) : ""), .money),
            .field(context.say("Joined"), DetailContext.when(s.joinedAt, clock)),
            .field(context.say("Referral"), s.referralCode, .accent),
        ]
        if !d.coupons.isEmpty {
            lines.append(StyledLine(context.say("Coupons"), .header))
            for coupon in d.coupons {
                let state = coupon.redeemedAt.map { context.say("redeemed {day}", ["day": clock.day($0)]) }
                    ?? coupon.expiresAt.map { context.say("until {day}", ["day": clock.day($0)]) } ?? ""
                lines.append(StyledLine([("  \(coupon.code) ", .accent), (context.clock.language.sayKept(coupon.description), .normal), ("  \(state)", .dim)]))
            }
        }
        if !d.referrals.isEmpty {
            lines.append(StyledLine(context.say("Referred"), .header))
            for referral in d.referrals { lines.append(StyledLine("  " + referral)) }
        }
        lines.append(StyledLine(context.say("Points ledger"), .header))
        for entry in d.ledger {
            lines.append(StyledLine([("  \(clock.day(entry.at)) ", .dim),
                                     (TextFitting.pad((entry.points > 0 ? "+" : "") + Int(entry.points).grouped(in: context.clock.language), to: 8, alignRight: true),
                                      entry.points > 0 ? .good : .warning),
                                     ("  " + (entry.kind == .adjust ? entry.reason : context.clock.language.sayKept(entry.reason)), .normal),
                                     (entry.actor.isEmpty ? "" : "  " + context.say("by {user}", ["user": entry.actor]), .dim),
                                     (entry.availableAt.map { $0 > clock.now ? "  " + context.say("pending until {day}", ["day": clock.day($0)]) : "" } ?? "", .warning)]))
        }
        return lines
    }
}
