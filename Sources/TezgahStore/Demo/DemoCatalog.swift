import Tezgah

/// The demo shop's people, places and products: Turkish and English text, a few wide and emoji
/// names, and a few hostile ones carrying terminal control sequences, as real customer data can.
enum DemoCatalog {
    static let turkishFirstNames = ["Ayşe", "Işık", "Şükrü", "Gülşen", "Çağla", "İbrahim", "Ömer", "Ünal", "Ilgın", "Özge",
                                    "Doğan", "Büşra", "Ebru", "Emre", "Fatma", "Gökhan", "Hülya", "Kübra", "Mehmet", "Selin",
                                    "Tuğba", "Uğur", "Yağmur", "Zeynep", "Çiğdem", "Şule", "İrem", "Can", "Deniz", "Barış"]
    static let turkishLastNames = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
                                   "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
                                   "Şimşek", "Işıklı", "Güneş", "Akgül", "Tekin", "Ilıcak"]
    static let englishFirstNames = ["Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Emily", "Noah", "Sophie",
                                    "James", "Grace", "Olivia", "Liam", "Chloe", "Isaac", "Iris", "Ian"]
    static let englishLastNames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
                                   "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts"]
    /// Names that test the terminal: wide CJK and Hangul, emoji, combining accents, and control sequences.
    static let unusualNames = ["山田 花子", "김민지", "Zoë 🌸 Hart", "Ali 🚀 Kaya", "Chloé Dubois", "Noël Müller",
                               "Eve\u{1B}[31m Mallory\u{07}", "Bob \u{9B}2J Tables", "Ren\u{1B}]0;pwned\u{07}ée Roy"]

    struct Place {
        let city: String
        let country: String
        let currency: Currency
        let language: String
    }

    static let places = [
        Place(city: "İstanbul", country: "TR", currency: .try_, language: "tr"),
        Place(city: "Ankara", country: "TR", currency: .try_, language: "tr"),
        Place(city: "İzmir", country: "TR", currency: .try_, language: "tr"),
        Place(city: "Bursa", country: "TR", currency: .try_, language: "tr"),
        Place(city: "Antalya", country: "TR", currency: .try_, language: "tr"),
        Place(city: "Eskişehir", country: "TR", currency: .try_, language: "tr"),
        Place(city: "Muğla", country: "TR", currency: .try_, language: "tr"),
        Place(city: "Çanakkale", country: "TR", currency: .try_, language: "tr"),
        Place(city: "Iğdır", country: "TR", currency: .try_, language: "tr"),
        Place(city: "Şanlıurfa", country: "TR", currency: .try_, language: "tr"),
        Place(city: "Berlin", country: "DE", currency: .eur, language: "en"),
        Place(city: "Amsterdam", country: "NL", currency: .eur, language: "en"),
        Place(city: "Paris", country: "FR", currency: .eur, language: "en"),
        Place(city: "New York", country: "US", currency: .usd, language: "en"),
        Place(city: "Austin", country: "US", currency: .usd, language: "en"),
    ]

    struct Product {
        let sku: String
        let name: String
        /// Price in TRY kuruş; EUR and USD prices derive from it at a fixed demo rate.
        let priceTRY: Int64
    }

    static let products = [
        Product(sku: "KUPA-01", name: "El yapımı seramik kupa", priceTRY: 34_990),
        Product(sku: "PES-TRK", name: "Peştemal – Turkuaz", priceTRY: 44_900),
        Product(sku: "SABUN-3", name: "Zeytinyağlı sabun (3'lü)", priceTRY: 18_950),
        Product(sku: "CEZVE-B", name: "Bakır cezve", priceTRY: 79_900),
        Product(sku: "KILIM-Y", name: "Kilim yastık kılıfı", priceTRY: 124_900),
        Product(sku: "IZNIK-T", name: "İznik desenli tabak", priceTRY: 96_500),
        Product(sku: "LOKUM-K", name: "Lokum kutusu, güllü", priceTRY: 27_500),
        Product(sku: "NAZAR-A", name: "Nazar boncuklu anahtarlık", priceTRY: 8_990),
        Product(sku: "MUG-HT", name: "Hand-thrown mug, speckled", priceTRY: 38_000),
        Product(sku: "TOWEL-L", name: "Linen tea towel", priceTRY: 21_000),
        Product(sku: "CAY-SET", name: "Çay bardağı seti (6'lı)", priceTRY: 64_900),
        Product(sku: "HALI-S", name: "Small Anatolian rug", priceTRY: 245_000),
    ]

    static let tags = ["gift", "hediye", "wholesale", "vip", "fragile", "express"]

    static let conversationSubjects: [(tr: String, en: String)] = [
        ("Siparişim nerede?", "Where is my order?"),
        ("Kargo takip numarası çalışmıyor", "Tracking number does not work"),
        ("İade talebi", "Return request"),
        ("Hasarlı ürün geldi", "The item arrived damaged"),
        ("Beden değişimi mümkün mü?", "Can I exchange for another size?"),
        ("Fatura bilgisi", "Invoice details"),
        ("Hediye paketi rica ediyorum", "Could you gift-wrap it?"),
    ]
    /// A subject line with control bytes, as hostile mail can carry.
    static let hostileSubject = "Urgent\u{1B}[2J\u{1B}[H refund\u{07} now"

    static let trackingLocations = ["İstanbul Aktarma Merkezi", "Ankara Transfer", "İzmir Şube", "Leipzig Hub",
                                    "Louisville Worldport", "Memphis Hub", "Köln Paketzentrum", "Bursa Dağıtım"]
}
