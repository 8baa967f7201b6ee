import Foundation
import Testing
@testable import Tezgah

@Suite struct ShipmentAttentionTests {
    let now = Date(timeIntervalSince1970: 1_795_400_000)
    let rule = ShipmentAttentionRule(stalledAfter: 3 * 86_400, slipAllowance: 86_400)
    func ago(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    @Test func onTimeAndMovingNeedsNothing() {
        #expect(rule.reasons(status: .inTransit, shippedAt: ago(1), firstEta: ago(-2), eta: ago(-2), lastEventAt: ago(0.5), now: now).isEmpty)
    }

    @Test func etaPassedWithoutDeliveryIsLate() {
        #expect(rule.reasons(status: .outForDelivery, shippedAt: ago(4), firstEta: ago(1), eta: ago(1), lastEventAt: ago(0.2), now: now)
                == [.late(since: ago(1))])
    }

    @Test func etaMovedADayOrMoreHasSlipped() {
        #expect(rule.reasons(status: .inTransit, shippedAt: ago(2), firstEta: ago(-1), eta: ago(-2), lastEventAt: ago(0.1), now: now)
                == [.slipped(by: 86_400)])
        #expect(rule.reasons(status: .inTransit, shippedAt: ago(2), firstEta: ago(-1), eta: ago(-1.9), lastEventAt: ago(0.1), now: now).isEmpty)
    }

    @Test func silenceForTheConfiguredDaysIsStalled() {
        #expect(rule.reasons(status: .inTransit, shippedAt: ago(5), firstEta: ago(-1), eta: ago(-1), lastEventAt: ago(3), now: now)
                == [.stalled(since: ago(3))])
        // No event at all yet: measured from the shipping date.
        #expect(rule.reasons(status: .pending, shippedAt: ago(4), firstEta: nil, eta: nil, lastEventAt: nil, now: now)
                == [.stalled(since: ago(4))])
        let patient = ShipmentAttentionRule(stalledAfter: 7 * 86_400)
        #expect(patient.reasons(status: .pending, shippedAt: ago(4), firstEta: nil, eta: nil, lastEventAt: nil, now: now).isEmpty)
    }

    @Test func finishedJourneysNeverNeedAttentionForLateness() {
        for status in [ShipmentStatus.delivered, .returnedToSender, .expired] {
            #expect(rule.reasons(status: status, shippedAt: ago(30), firstEta: ago(25), eta: ago(20), lastEventAt: ago(20), now: now).isEmpty)
        }
    }
}
