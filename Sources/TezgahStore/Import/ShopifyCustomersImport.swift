import Foundation
import Tezgah

/// Reads a Shopify customers export, one customer per row: `First Name`, `Last Name`, `Email`, the
/// default address's city and country, and whether the customer accepts marketing e-mail (the
/// current header says `Accepts Email Marketing` and `Default Address City` / `Default Address
/// Country Code`; older exports `Accepts Marketing`, `City` and `Country Code`).
///
/// Customers are matched by e-mail and updated in place, so re-importing duplicates nobody. An
/// export only ever adds opt-outs: a customer who does not accept marketing is marked unsubscribed,
/// but a "yes" never overturns an unsubscribe tezgah recorded (the export may be older than it).
struct ShopifyCustomersImport {
    let records: CSVRecords
    let writer: ShopWriter
    let progress: (Int) throws -> Void
    var now = Date()
    /// Enrols those who accept marketing in the loyalty programme, when it says so.
    var enrol: LoyaltyEnrolment?

    static let requiredColumns = ["Email"]

    func run() throws -> ImportSummary {
        var summary = ImportSummary(format: .shopifyCustomers)
        var rows = 0
        while try records.next() {
            rows += 1
            if rows % 1_000 == 0 { try progress(records.consumed) }
            let email = try records.email(records["Email"], column: "Email")
            let name = [records["First Name"], records["Last Name"]].filter { !$0.isEmpty }.joined(separator: " ")
            guard !email.isEmpty || !name.isEmpty else {
                throw records.error("Email", Said("is empty and so is the name; a customer needs one of them."))
            }
            let city = first(["Default Address City", "City"])
            let country = first(["Default Address Country Code", "Country Code", "Country"]).uppercased()
            let accepts = first(["Accepts Email Marketing", "Accepts Marketing"]).lowercased()
            guard ["", "yes", "no", "true", "false"].contains(accepts) else {
                let column = records.has("Accepts Email Marketing") ? "Accepts Email Marketing" : "Accepts Marketing"
                throw records.error(column, Said("\"{value}\" is not yes or no.", ["value": accepts]))
            }
            let (id, created) = try writer.upsertCustomer(email: email, name: name.isEmpty ? email : name, city: city,
                                                          country: country, createdAt: now)
            if created { summary.customersCreated += 1 } else { summary.customersUpdated += 1 }
            let birthday = first(["Birthday", "Birth Date", "Date of Birth", "Doğum Tarihi"])
            if !birthday.isEmpty {
                let parts = birthday.split(separator: "-").compactMap { Int($0) }
                guard parts.count == 3, (1900...2100).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
                    let column = ["Birthday", "Birth Date", "Date of Birth", "Doğum Tarihi"].first(where: records.has)
                    throw records.error(column, Said("\"{value}\" is not a date like 1990-02-28.", ["value": birthday]))
                }
                // A birthday tezgah already has (set by hand) is kept; one from the export counts as entered now.
                try writer.db.cachedStatement(sql: "UPDATE customers SET birthday = ?, birthday_set_at = ? WHERE id = ? AND birthday IS NULL")
                    .execute(arguments: [String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2]), now.unixSeconds, id])
            }
            if accepts == "no" || accepts == "false" {
                if try writer.optOutOfMarketing(customerID: id, at: now) { summary.marketingOptOuts += 1 }
            } else if let enrol, accepts == "yes" || accepts == "true" {
                if try writer.join(customerID: id, settings: enrol.settings, actor: "import", at: now, composer: enrol.composer).isNew {
                    summary.membersJoined += 1
                }
            }
        }
        try progress(records.size)
        return summary
    }

    /// The first of these columns the file has (exports name them differently over the years).
    private func first(_ columns: [String]) -> String {
        columns.first(where: records.has).map { records[$0] } ?? ""
    }
}
