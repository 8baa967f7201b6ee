import Foundation
import Tezgah

/// The variables each kind of mail may use. A template that names any other fails when it is
/// loaded, so a typo in a customised template is found at start-up, not when a customer's mail goes.
public enum MailTemplateVariables {
    static let common: Set<String> = ["shop_name", "customer_name", "support_email"]

    public static func allowed(for kind: MailKind) -> Set<String> {
        var names = common
        switch kind {
        case .thankYou, .orderPreparing, .delivered, .cancelled:
            names.formUnion(["order_number", "order_total"])
        case .shipped:
            names.formUnion(["order_number", "carrier", "tracking_number", "tracking_url", "eta", "return_policy"])
        case .refunded:
            names.formUnion(["order_number", "refund_amount"])
        case .reviewInvite, .reviewReminder:
            names.formUnion(["order_number", "review_url"])
        case .csatSurvey, .npsSurvey:
            names.formUnion(["order_number", "survey_url"])
        case .birthday, .anniversary, .winBack:
            names.formUnion(["coupon_code", "coupon_description", "coupon_expires"])
        case .loyaltyWelcome:
            names.formUnion(["points", "referral_code"])
        case .loyaltyTierChange:
            names.formUnion(["tier", "points", "demoted"])
        case .returnUpdate:
            names.formUnion(["order_number", "return_lines", "requested", "approved", "received", "rejected", "reason", "instructions"])
        case .pointsExpiring:
            names.formUnion(["points", "expires_on"])
        case .supportReply:
            names.formUnion(["conversation_subject", "reply_text"])
        }
        if kind.category == .marketing { names.insert("unsubscribe_url") }
        return names
    }

    /// The variable names a Mustache template refers to: `{{name}}`, `{{{name}}}`, `{{&name}}`,
    /// sections `{{#name}}`/`{{^name}}`; comments, pragmas and closing tags are not references.
    static func referenced(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if tag.hasPrefix("{") { tag.removeFirst(); if rest.hasPrefix("}") { rest = rest.dropFirst() } }
            guard let first = tag.first else { continue }
            if "!%/=>".contains(first) { continue }
            if "#^&".contains(first) { tag.removeFirst() }
            let name = tag.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty && name != "." { names.append(name) }
        }
        return names
    }
}
