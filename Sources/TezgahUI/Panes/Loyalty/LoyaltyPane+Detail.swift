import Foundation
import Tezgah

extension LoyaltyDetail {
    /// The member's lines: tier, points, coupons and the ledger they are summed from.
    func lines(_ context: DetailContext) -> [StyledLine] {
        let (d, clock) = (self, context.clock)
        let s = d.summary
        var lines = [
            StyledLine([(s.customerName, .title), ("  ", .normal), (s.tier.title, s.tier.role)]),
            .field("E-mail", d.customerEmail),
            .field("Points", Int(s.balance).grouped + (s.pending > 0 ? " (+\(Int(s.pending).grouped) pending)" : ""), .money),
            .field("Joined", DetailContext.when(s.joinedAt, clock)),
            .field("Referral", s.referralCode, .accent),
        ]
        if !d.coupons.isEmpty {
            lines.append(StyledLine("Coupons", .header))
            for coupon in d.coupons {
                let state = coupon.redeemedAt.map { "redeemed \(clock.day($0))" } ?? coupon.expiresAt.map { "until \(clock.day($0))" } ?? ""
                lines.append(StyledLine([("  \(coupon.code) ", .accent), (coupon.description, .normal), ("  \(state)", .dim)]))
            }
        }
        if !d.referrals.isEmpty {
            lines.append(StyledLine("Referred", .header))
            for referral in d.referrals { lines.append(StyledLine("  " + referral)) }
        }
        lines.append(StyledLine("Points ledger", .header))
        for entry in d.ledger {
            lines.append(StyledLine([("  \(clock.day(entry.at)) ", .dim),
                                     (TextFitting.pad((entry.points > 0 ? "+" : "") + Int(entry.points).grouped, to: 8, alignRight: true),
                                      entry.points > 0 ? .good : .warning),
                                     ("  \(entry.reason)", .normal),
                                     (entry.actor.isEmpty ? "" : "  by \(entry.actor)", .dim),
                                     (entry.availableAt.map { $0 > clock.now ? "  pending until \(clock.day($0))" : "" } ?? "", .warning)]))
        }
        return lines
    }
}
