import Tezgah

/// The templates tezgah ships, in English and Turkish. Each is a subject line, a blank line and the
/// plain-text body; the owner can override any of them (see `MailTemplateLibrary`). Kept short,
/// warm and never pushy; marketing mail always says how to stop it.
enum DefaultMailTemplates {
    static let all: [MailKind: [String: String]] = [
        .thankYou: [
            "en": """
            Subject: Thank you for your order {{order_number}}

            Hello {{customer_name}},

            Thank you for shopping with {{shop_name}}. We have your order {{order_number}} ({{order_total}}) and will let you know when it ships.

            Questions? Just reply, or write to {{support_email}}.
            """,
            "tr": """
            Subject: Siparişiniz için teşekkürler ({{order_number}})

            Merhaba {{customer_name}},

            {{shop_name}}'dan alışveriş yaptığınız için teşekkür ederiz. {{order_number}} numaralı siparişiniz ({{order_total}}) bize ulaştı; kargoya verdiğimizde size haber vereceğiz.

            Sorunuz olursa bu e-postayı yanıtlayabilir ya da {{support_email}} adresine yazabilirsiniz.
            """,
        ],
        .orderPreparing: [
            "en": """
            Subject: We are preparing your order {{order_number}}

            Hello {{customer_name}},

            Good news: we have started preparing your order {{order_number}}. You will hear from us again when it is on its way.

            {{shop_name}} · {{support_email}}
            """,
            "tr": """
            Subject: Siparişinizi hazırlıyoruz ({{order_number}})

            Merhaba {{customer_name}},

            {{order_number}} numaralı siparişinizi hazırlamaya başladık. Kargoya verdiğimizde size yeniden yazacağız.

            {{shop_name}} · {{support_email}}
            """,
        ],
        .shipped: [
            "en": """
            Subject: Your order {{order_number}} has shipped

            Hello {{customer_name}},

            Your order {{order_number}} is on its way with {{carrier}}.
            Tracking number: {{tracking_number}}
            Follow it here: {{tracking_url}}
            {{#eta}}Expected delivery: {{eta}}{{/eta}}

            {{return_policy}}

            Anything wrong? Reply to this mail or write to {{support_email}}.
            {{shop_name}}
            """,
            "tr": """
            Subject: Siparişiniz kargoya verildi ({{order_number}})

            Merhaba {{customer_name}},

            {{order_number}} numaralı siparişiniz {{carrier}} ile yola çıktı.
            Takip numarası: {{tracking_number}}
            Kargonuzu buradan izleyebilirsiniz: {{tracking_url}}
            {{#eta}}Tahmini teslim: {{eta}}{{/eta}}

            {{return_policy}}

            Bir sorun olursa bu e-postayı yanıtlayın ya da {{support_email}} adresine yazın.
            {{shop_name}}
            """,
        ],
        .delivered: [
            "en": """
            Subject: Your order {{order_number}} was delivered

            Hello {{customer_name}},

            Your order {{order_number}} has been delivered. We hope you enjoy it! If anything is not right, write to {{support_email}} and we will sort it out.

            {{shop_name}}
            """,
            "tr": """
            Subject: Siparişiniz teslim edildi ({{order_number}})

            Merhaba {{customer_name}},

            {{order_number}} numaralı siparişiniz teslim edildi. Güle güle kullanın! Bir sorun varsa {{support_email}} adresine yazın, hemen ilgilenelim.

            {{shop_name}}
            """,
        ],
        .cancelled: [
            "en": """
            Subject: Your order {{order_number}} was cancelled

            Hello {{customer_name}},

            Your order {{order_number}} ({{order_total}}) has been cancelled. If you paid for it, the money will be returned to you. Questions: {{support_email}}.

            {{shop_name}}
            """,
            "tr": """
            Subject: Siparişiniz iptal edildi ({{order_number}})

            Merhaba {{customer_name}},

            {{order_number}} numaralı siparişiniz ({{order_total}}) iptal edildi. Ödeme yaptıysanız tutar size iade edilecek. Sorularınız için: {{support_email}}.

            {{shop_name}}
            """,
        ],
        .refunded: [
            "en": """
            Subject: Your refund for order {{order_number}}

            Hello {{customer_name}},

            We have refunded {{refund_amount}} for your order {{order_number}}. Depending on your bank it can take a few days to appear.

            {{shop_name}} · {{support_email}}
            """,
            "tr": """
            Subject: {{order_number}} numaralı siparişinizin iadesi

            Merhaba {{customer_name}},

            {{order_number}} numaralı siparişiniz için {{refund_amount}} iade ettik. Bankanıza göre hesabınıza yansıması birkaç gün sürebilir.

            {{shop_name}} · {{support_email}}
            """,
        ],
        .reviewInvite: [
            "en": """
            Subject: How was your order {{order_number}}?

            Hello {{customer_name}},

            We would love to hear what you think of your order. A short review helps other customers and helps us: {{review_url}}

            Thank you,
            {{shop_name}}

            Prefer fewer mails from us? {{unsubscribe_url}}
            """,
            "tr": """
            Subject: {{order_number}} numaralı siparişinizi nasıl buldunuz?

            Merhaba {{customer_name}},

            Siparişiniz hakkındaki düşüncelerinizi çok merak ediyoruz. Kısa bir değerlendirme diğer müşterilere de bize de yardımcı olur: {{review_url}}

            Teşekkürler,
            {{shop_name}}

            Bu tür e-postaları almak istemiyorsanız: {{unsubscribe_url}}
            """,
        ],
        .reviewReminder: [
            "en": """
            Subject: A quick reminder about your review

            Hello {{customer_name}},

            If you have a minute, we would be glad of a few words about order {{order_number}}: {{review_url}}
            This is the only reminder we will send.

            {{shop_name}} · No more of these: {{unsubscribe_url}}
            """,
            "tr": """
            Subject: Değerlendirmeniz için küçük bir hatırlatma

            Merhaba {{customer_name}},

            Bir dakikanız olursa {{order_number}} numaralı siparişiniz hakkında birkaç söz bizi çok mutlu eder: {{review_url}}
            Bu konuda göndereceğimiz tek hatırlatma budur.

            {{shop_name}} · Bu e-postaları almak istemiyorsanız: {{unsubscribe_url}}
            """,
        ],
        .csatSurvey: [
            "en": """
            Subject: How did we do?

            Hello {{customer_name}},

            On a scale of 1 to 5, how happy are you with order {{order_number}}? Just reply to this mail with the number on the first line; anything you write below it reaches us too.

            {{shop_name}} · No more surveys: {{unsubscribe_url}}
            """,
            "tr": """
            Subject: Nasıl bir deneyim yaşadınız?

            Merhaba {{customer_name}},

            {{order_number}} numaralı siparişinizden 1 ile 5 arasında ne kadar memnun kaldınız? Bu e-postayı ilk satırına puanı yazarak yanıtlamanız yeterli; altına yazdıklarınız da bize ulaşır.

            {{shop_name}} · Anket almak istemiyorsanız: {{unsubscribe_url}}
            """,
        ],
        .npsSurvey: [
            "en": """
            Subject: Would you recommend {{shop_name}}?

            Hello {{customer_name}},

            How likely are you to recommend us to a friend, from 0 to 10? Just reply to this mail with the number on the first line; anything you write below it reaches us too.

            {{shop_name}} · No more surveys: {{unsubscribe_url}}
            """,
            "tr": """
            Subject: {{shop_name}}'ı tavsiye eder misiniz?

            Merhaba {{customer_name}},

            Bizi bir arkadaşınıza tavsiye etme olasılığınız 0 ile 10 arasında kaç? Bu e-postayı ilk satırına puanı yazarak yanıtlamanız yeterli; altına yazdıklarınız da bize ulaşır.

            {{shop_name}} · Anket almak istemiyorsanız: {{unsubscribe_url}}
            """,
        ],
        .birthday: [
            "en": """
            Subject: Happy birthday, {{customer_name}}!

            Hello {{customer_name}},

            Happy birthday from all of us at {{shop_name}}. Here is a little gift: {{coupon_description}} with the code {{coupon_code}}, valid until {{coupon_expires}}.

            No more of these: {{unsubscribe_url}}
            """,
            "tr": """
            Subject: İyi ki doğdunuz, {{customer_name}}!

            Merhaba {{customer_name}},

            {{shop_name}} ailesi olarak doğum gününüzü kutlarız. Küçük bir hediyemiz var: {{coupon_code}} koduyla {{coupon_description}}, {{coupon_expires}} tarihine kadar geçerli.

            Bu e-postaları almak istemiyorsanız: {{unsubscribe_url}}
            """,
        ],
        .anniversary: [
            "en": """
            Subject: A year together, {{customer_name}}

            Hello {{customer_name}},

            It has been a year since your first order with {{shop_name}}. Thank you! To celebrate: {{coupon_description}} with the code {{coupon_code}}, until {{coupon_expires}}.

            No more of these: {{unsubscribe_url}}
            """,
            "tr": """
            Subject: Birlikte bir yıl, {{customer_name}}

            Merhaba {{customer_name}},

            {{shop_name}}'daki ilk siparişinizin üzerinden bir yıl geçti. Teşekkür ederiz! Kutlamak için: {{coupon_code}} koduyla {{coupon_description}}, {{coupon_expires}} tarihine kadar.

            Bu e-postaları almak istemiyorsanız: {{unsubscribe_url}}
            """,
        ],
        .winBack: [
            "en": """
            Subject: We miss you at {{shop_name}}

            Hello {{customer_name}},

            It has been a while. If you would like to come back, here is {{coupon_description}} with the code {{coupon_code}}, valid until {{coupon_expires}}.

            No more of these: {{unsubscribe_url}}
            """,
            "tr": """
            Subject: Sizi özledik

            Merhaba {{customer_name}},

            Uzun zamandır görüşemedik. Yeniden uğramak isterseniz {{coupon_code}} koduyla {{coupon_description}} sizi bekliyor, {{coupon_expires}} tarihine kadar geçerli.

            Bu e-postaları almak istemiyorsanız: {{unsubscribe_url}}
            """,
        ],
        .loyaltyWelcome: [
            "en": """
            Subject: Welcome to {{shop_name}} rewards

            Hello {{customer_name}},

            You are now a member: you have {{points}} points to start with, and every order earns more. Share your code {{referral_code}} with a friend and you both get a gift.

            {{shop_name}}
            """,
            "tr": """
            Subject: {{shop_name}} sadakat programına hoş geldiniz

            Merhaba {{customer_name}},

            Artık üyemizsiniz: başlangıç için {{points}} puanınız var ve her sipariş yeni puan kazandırır. {{referral_code}} kodunuzu bir arkadaşınızla paylaşın, ikinize de hediye.

            {{shop_name}}
            """,
        ],
        .loyaltyTierChange: [
            "en": """
            Subject: {{#demoted}}Your membership at {{shop_name}}{{/demoted}}{{^demoted}}You are now {{tier}} at {{shop_name}}{{/demoted}}

            Hello {{customer_name}},

            {{#demoted}}Your membership is now {{tier}}: it follows the points of the last twelve months ({{points}} now). Every order brings you closer again, and your points stay yours.{{/demoted}}{{^demoted}}With {{points}} points this year you have reached {{tier}}. Thank you for being with us!{{/demoted}}

            {{shop_name}}
            """,
            "tr": """
            Subject: {{#demoted}}{{shop_name}} üyeliğiniz{{/demoted}}{{^demoted}}Artık {{shop_name}} {{tier}} üyesisiniz{{/demoted}}

            Merhaba {{customer_name}},

            {{#demoted}}Üyelik seviyeniz artık {{tier}}: seviye son on iki ayın puanlarına göre belirleniyor (şu an {{points}}). Her sipariş sizi yeniden yaklaştırır; puanlarınız sizde kalır.{{/demoted}}{{^demoted}}Bu yıl kazandığınız {{points}} puanla {{tier}} seviyesine ulaştınız. Bizimle olduğunuz için teşekkürler!{{/demoted}}

            {{shop_name}}
            """,
        ],
        .returnUpdate: [
            "en": """
            Subject: Your return for order {{order_number}}

            Hello {{customer_name}},

            {{#requested}}We have your return request for order {{order_number}}:
            {{return_lines}}
            We will get back to you shortly.{{/requested}}{{#approved}}Your return for order {{order_number}} is approved:
            {{return_lines}}
            {{instructions}}{{/approved}}{{#received}}Your parcel for order {{order_number}} has reached us; we are checking it and will refund you within a few days.{{/received}}{{#rejected}}We cannot accept the return for order {{order_number}}: {{reason}}
            Just reply if you would like to talk about it.{{/rejected}}

            {{shop_name}} · {{support_email}}
            """,
            "tr": """
            Subject: {{order_number}} numaralı siparişinizin iadesi

            Merhaba {{customer_name}},

            {{#requested}}{{order_number}} numaralı siparişiniz için iade talebinizi aldık:
            {{return_lines}}
            En kısa sürede size dönüş yapacağız.{{/requested}}{{#approved}}{{order_number}} numaralı siparişinizin iadesi onaylandı:
            {{return_lines}}
            {{instructions}}{{/approved}}{{#received}}{{order_number}} numaralı siparişinizin iade paketi bize ulaştı; kontrol edip birkaç gün içinde ücret iadesini yapacağız.{{/received}}{{#rejected}}{{order_number}} numaralı siparişinizin iadesini kabul edemiyoruz: {{reason}}
            Konuşmak isterseniz bu e-postayı yanıtlamanız yeterli.{{/rejected}}

            {{shop_name}} · {{support_email}}
            """,
        ],
        .pointsExpiring: [
            "en": """
            Subject: Your {{points}} points at {{shop_name}} expire on {{expires_on}}

            Hello {{customer_name}},

            You have {{points}} points with us that have not been used for a while. They expire on {{expires_on}}; any order or reward before then keeps them.

            {{shop_name}} · {{support_email}}
            """,
            "tr": """
            Subject: {{shop_name}} puanlarınız ({{points}}) {{expires_on}} tarihinde sona eriyor

            Merhaba {{customer_name}},

            Bir süredir kullanılmayan {{points}} puanınız var. {{expires_on}} tarihinde sona erecekler; o tarihe kadar vereceğiniz her sipariş ya da alacağınız ödül puanlarınızı korur.

            {{shop_name}} · {{support_email}}
            """,
        ],
        .supportReply: [
            "en": """
            Subject: Re: {{conversation_subject}}

            {{reply_text}}

            --
            {{shop_name}} · {{support_email}}
            """,
            "tr": """
            Subject: Re: {{conversation_subject}}

            {{reply_text}}

            --
            {{shop_name}} · {{support_email}}
            """,
        ],
    ]
}
