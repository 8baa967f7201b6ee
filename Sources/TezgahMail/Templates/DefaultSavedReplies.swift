/// The saved replies tezgah ships, in English and Turkish; the owner's files override them by name
/// and language.
enum DefaultSavedReplies {
    static let all: [String: [String: String]] = [
        "where-is-my-order": [
            "en": """
                Hello {{first_name}},

                {{#tracking_number}}Your order {{order_number}} is on its way with {{carrier}}; its tracking number is {{tracking_number}}.{{#tracking_url}}
                You can follow it here: {{tracking_url}}{{/tracking_url}}{{#eta}}
                It should reach you by {{eta}}.{{/eta}}{{/tracking_number}}{{^tracking_number}}Your order {{order_number}} is being prepared; we will send you its tracking number as soon as it leaves us.{{/tracking_number}}

                """,
            "tr": """
                Merhaba {{first_name}},

                {{#tracking_number}}{{order_number}} numaralı siparişiniz {{carrier}} ile yolda; takip numarası {{tracking_number}}.{{#tracking_url}}
                Buradan izleyebilirsiniz: {{tracking_url}}{{/tracking_url}}{{#eta}}
                Tahmini teslim: {{eta}}.{{/eta}}{{/tracking_number}}{{^tracking_number}}{{order_number}} numaralı siparişiniz hazırlanıyor; kargoya verildiğinde takip numarasını hemen göndereceğiz.{{/tracking_number}}

                """,
        ],
        "return-how-to": [
            "en": """
                Hello {{first_name}},

                You can return {{#order_number}}order {{order_number}}{{/order_number}}{{^order_number}}your order{{/order_number}} within 14 days of delivery. Please pack the items in their original packaging, put a note with your order number inside, and send the parcel to the address on our website. We refund the amount to the card you paid with within 3 working days of receiving it.

                """,
            "tr": """
                Merhaba {{first_name}},

                {{#order_number}}{{order_number}} numaralı siparişinizi{{/order_number}}{{^order_number}}Siparişinizi{{/order_number}} teslimden sonraki 14 gün içinde iade edebilirsiniz. Ürünleri orijinal ambalajında paketleyip içine sipariş numaranızı yazdığınız bir not koyun ve sitemizdeki adrese gönderin. Paket bize ulaştıktan sonra 3 iş günü içinde ödemeyi yaptığınız karta iade ederiz.

                """,
        ],
        "address-change": [
            "en": """
                Hello {{first_name}},

                {{#tracking_number}}Your order {{order_number}} has already left us with {{carrier}} ({{tracking_number}}), so we cannot change its address any more; the carrier can redirect it if you call them with the tracking number.{{/tracking_number}}{{^tracking_number}}We have changed the delivery address of order {{order_number}} as you asked. Please check it in the confirmation we will send when the parcel leaves us.{{/tracking_number}}

                """,
            "tr": """
                Merhaba {{first_name}},

                {{#tracking_number}}{{order_number}} numaralı siparişiniz {{carrier}} ile yola çıktı ({{tracking_number}}); adresini artık biz değiştiremiyoruz, kargo firmasını takip numarasıyla arayarak yönlendirme isteyebilirsiniz.{{/tracking_number}}{{^tracking_number}}{{order_number}} numaralı siparişinizin teslimat adresini istediğiniz gibi değiştirdik. Paket yola çıktığında göndereceğimiz bildirimde adresi kontrol edebilirsiniz.{{/tracking_number}}

                """,
        ],
        "invoice-request": [
            "en": """
                Hello {{first_name}},

                Thank you for your message. We will send you the invoice for order {{order_number}}{{#order_total}} ({{order_total}}){{/order_total}} by e-mail within one working day. If it should carry a company name or tax number, reply with them and we will put them on it.

                """,
            "tr": """
                Merhaba {{first_name}},

                Mesajınız için teşekkürler. {{order_number}} numaralı siparişinizin{{#order_total}} ({{order_total}}){{/order_total}} faturasını bir iş günü içinde e-postayla göndereceğiz. Faturada şirket unvanı veya vergi numarası olması gerekiyorsa bu mesaja yanıt olarak yazın, ekleyelim.

                """,
        ],
    ]
}
