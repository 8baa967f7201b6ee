import Testing
@testable import Tezgah

@Suite struct MoneyTests {
    @Test func turkishLiraUsesTurkishGrouping() {
        #expect(Money(minorUnits: 123_456, currency: .try_).formatted == "₺1.234,56")
        #expect(Money(minorUnits: 8_990, currency: .try_).formatted == "₺89,90")
        #expect(Money(minorUnits: 1_234_567_890, currency: .try_).formatted == "₺12.345.678,90")
    }

    @Test func euroAndDollarUseDotDecimals() {
        #expect(Money(minorUnits: 3_270, currency: .eur).formatted == "€32.70")
        #expect(Money(minorUnits: 123_405, currency: .usd).formatted == "$1,234.05")
        #expect(Money(minorUnits: 5, currency: .usd).formatted == "$0.05")
    }

    @Test func negativeAndZeroDigitCurrencies() {
        #expect(Money(minorUnits: -1_050, currency: .eur).formatted == "-€10.50")
        #expect(Money(minorUnits: 1_500, currency: .jpy).formatted == "¥1,500")
    }

    @Test func unknownCurrencyKeepsItsCode() {
        #expect(Currency.code("chf").code == "CHF")
        #expect(Money(minorUnits: 100, currency: .code("CHF")).formatted == "CHF1.00")
    }

    @Test func additionKeepsMinorUnits() {
        let sum = Money(minorUnits: 10, currency: .try_) + Money(minorUnits: 20, currency: .try_)
        #expect(sum.minorUnits == 30)
    }

    @Test func linesCostTheirQuantityTimesTheirUnitPrice() {
        let lines = [OrderLine(sku: "K1", name: "Kupa", quantity: 3, unitPrice: Money(minorUnits: 34_990, currency: .try_)),
                     OrderLine(sku: "P1", name: "Peştemal", quantity: 1, unitPrice: Money(minorUnits: 44_900, currency: .try_))]
        #expect(lines[0].amountMinorUnits == 104_970)
        #expect(lines.amountMinorUnits == 149_870)
        #expect([OrderLine]().amountMinorUnits == 0)
    }

    @Test func aTypedValueNeedsItsCurrencyAndMoreThanZero() {
        #expect(Money(typed: "500", currencyCode: "try") == Money(minorUnits: 50_000, currency: .try_))
        #expect(Money(typed: "120,50", currencyCode: "EUR") == Money(minorUnits: 12_050, currency: .eur))
        #expect(Money(typed: "1.250", currencyCode: "TRY") == Money(minorUnits: 125_000, currency: .try_), "a dot before three digits groups")
        for (amount, code) in [("0", "TRY"), ("-5", "TRY"), ("5OO", "TRY"), ("500", "TL"), ("500", "T1Y"), ("12.5", "JPY"), ("", "USD")] {
            #expect(Money(typed: amount, currencyCode: code) == nil, "\(amount) \(code)")
        }
    }
}
