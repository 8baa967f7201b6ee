import Testing
@testable import Tezgah

@Suite struct LanguageTests {
    @Test func settingsNameTheLanguage() {
        for setting in ["tr", "TR", "tr_TR.UTF-8", "tr-TR", "Turkish", "Türkçe", " tr "] {
            #expect(Language(setting: setting) == .turkish, "\(setting)")
        }
        for setting in ["en", "en_US.UTF-8", "en-GB", "English"] {
            #expect(Language(setting: setting) == .english, "\(setting)")
        }
        for setting in ["C", "POSIX", "C.UTF-8", "de_DE.UTF-8", "", "klingon"] {
            #expect(Language(setting: setting) == nil, "\(setting)")
        }
    }

    /// `--lang`, then `[ui] language`, then the environment (even a locale not installed), then English.
    @Test func theFlagWinsThenTheConfigThenTheEnvironment() {
        #expect(Language.resolve(flag: .english, config: .turkish, environment: "tr_TR.UTF-8") == .english)
        #expect(Language.resolve(flag: nil, config: .turkish, environment: "en_US.UTF-8") == .turkish)
        #expect(Language.resolve(flag: nil, config: nil, environment: "tr_TR.UTF-8") == .turkish)
        #expect(Language.resolve(flag: nil, config: nil, environment: "C") == .english)
        #expect(Language.resolve(flag: nil, config: nil, environment: nil) == .english)
    }

    /// What the database keeps in English reads back in Turkish, the phrases inside it too; an
    /// owner's own words stay as they are.
    @Test func keptTextIsSaidInTheDesksLanguage() {
        let turkish = Language.turkish
        #expect(turkish.sayKept("review invite deferred") == "yorum daveti ertelendi")
        #expect(turkish.sayKept("open conversation #88") == "açık konuşma #88")
        #expect(turkish.sayKept("delivered 7 days ago") == "7 gün önce teslim edildi")
        #expect(turkish.sayKept("mail 12 to ayse@example.com; delivered 3 h ago")
                == "e-posta 12, ayse@example.com adresine; 3 sa önce teslim edildi")
        #expect(turkish.sayKept("Silver → Gold, 1200 points this year") == "Gümüş → Altın, bu yıl 1200 puan")
        #expect(turkish.sayKept("10% off") == "%10 indirim")
        #expect(turkish.sayKept("unknown charset x-klingon, read as UTF-8") == "bilinmeyen karakter kümesi x-klingon, UTF-8 olarak okundu")
        #expect(turkish.sayKept("Hediye paketi, kırmızı kurdele") == "Hediye paketi, kırmızı kurdele")
        // A value that must be a phrase and is not: the text is left as it is.
        #expect(turkish.sayKept("someone's words deferred") == "someone's words deferred")
        #expect(Language.english.sayKept("delivered 7 days ago") == "delivered 7 days ago")
        // No reason at all (most invites), and text that runs out where a value should start.
        #expect(turkish.sayKept("") == "")
        #expect(turkish.sayKept(" → ") == " → ")
        #expect(turkish.sayKept("Silver → ") == "Silver → ")
    }

    /// Every kept shape, written as the store writes it, reads back as the same phrase in Turkish:
    /// no shape is taken for another.
    @Test func everyKeptShapeReadsBackAsItself() {
        let samples: [Substring: String] = ["ago": "5 days ago", "kind": "review invite", "status": "open", "from": "Silver",
                                            "to": "Gold", "tier": "Gold", "why": "due"]
        for shape in KeptPhrase.shapes {
            var values: [String: String] = [:]
            var phrases: [String: String] = [:]
            for name in Language.placeholders(in: shape.phrase) {
                if let sample = samples[Substring(name)] { phrases[name] = sample } else { values[name] = KeptPhrase.numberValues.contains(Substring(name)) ? "4\(name.count)" : "x\(name.count)" }
            }
            let said = Said(shape.phrase, values, phrases: phrases)
            #expect(Language.turkish.sayKept(said.english) == Language.turkish.say(said), "\(shape.phrase)")
        }
    }

    @Test func phrasesAreSaidInTheLanguageWithTheirValues() {
        #expect(Language.english.say("Orders") == "Orders")
        #expect(Language.turkish.say("Orders") == "Siparişler")
        #expect(Language.turkish.say("{count} marked", ["count": "3"]) == "3 işaretli")
        // One English word, two Turkish ones: the status "open" and the key that opens.
        #expect(Language.english.say("verb|open") == "open" && Language.turkish.say("verb|open") == "aç")
        #expect(Language.turkish.say("open") == "açık")
        // A bar inside a phrase is its own, not a context.
        #expect(Language.english.say("Return from {target} — items and why (2 KUPA-01: kırık; | reason if late): ", ["target": "#1"])
                == "Return from #1 — items and why (2 KUPA-01: kırık; | reason if late): ")
        // A phrase the catalogue lacks is said in English rather than blank.
        #expect(Language.turkish.say("no such phrase {x}", ["x": "1"]) == "no such phrase 1")
    }

    @Test func moneyAsTheLanguageWritesIt() {
        let lira = Money(minorUnits: 152_400, currency: .code("TRY")), euro = Money(minorUnits: 123_456, currency: .code("EUR"))
        #expect(lira.formatted == "₺1.524,00" && euro.formatted == "€1,234.56")
        #expect(lira.formatted(in: .turkish) == "₺1.524,00" && euro.formatted(in: .turkish) == "€1.234,56")
        #expect(lira.formatted(in: .english) == "₺1.524,00" && euro.formatted(in: .english) == "€1,234.56")
        #expect(Money(minorUnits: -5, currency: .code("USD")).formatted(in: .turkish) == "-$0,05")
    }

    /// Turkish orders its own letters after their base letter, and ı before i; English reads ı and
    /// İ as i. Case never decides the order.
    @Test func sortingFollowsTheLanguagesAlphabet() {
        let names = ["Zeynep", "çiçek", "Can", "ılgın", "İpek", "Irmak", "ümit", "Uğur", "şule", "Sena", "Öykü", "Oya", "Gül", "ğ", "Hakan"]
        #expect(names.sorted(by: Language.turkish.sortsBefore)
                == ["Can", "çiçek", "Gül", "ğ", "Hakan", "ılgın", "Irmak", "İpek", "Oya", "Öykü", "Sena", "şule", "Uğur", "ümit", "Zeynep"])
        let english = names.sorted(by: Language.english.sortsBefore)
        #expect(english.firstIndex(of: "İpek")! < english.firstIndex(of: "Oya")!)
        #expect(english.firstIndex(of: "Hakan")! < english.firstIndex(of: "ılgın")!)
        #expect(english.firstIndex(of: "Irmak")! > english.firstIndex(of: "İpek")!, "Ip before Ir, whatever the dot")
        // Byte order would put every Turkish letter after z.
        #expect(["şule", "Zeynep"].sorted() == ["Zeynep", "şule"])
        #expect(["şule", "Zeynep"].sorted(by: Language.turkish.sortsBefore) == ["şule", "Zeynep"])
    }

    @Test func monthsAndWeekdays() {
        #expect(Language.turkish.months[11] == "Ara" && Language.english.months[11] == "Dec")
        #expect(Language.turkish.months.count == 12 && Language.turkish.weekdays.count == 7)
    }
}
