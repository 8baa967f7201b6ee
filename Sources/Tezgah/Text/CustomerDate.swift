import Foundation

/// A day as a customer reads it in their language: "Wednesday 9 December" or "9 Aralık Çarşamba".
/// Spelled from tables, not the system's locales: a small VPS often has none but C.UTF-8.
public enum CustomerDate {
    private static let english = (
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"])
    private static let turkish = (
        months: ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"],
        days: ["Pazar", "Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi"])

    public static func day(_ date: Date, language: String, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.day, .month, .weekday], from: date)
        let (day, month, weekday) = (parts.day ?? 1, (parts.month ?? 1) - 1, (parts.weekday ?? 1) - 1)
        if language.lowercased().hasPrefix("tr") {
            return "\(day) \(turkish.months[month]) \(turkish.days[weekday])"
        }
        return "\(english.days[weekday]) \(day) \(english.months[month])"
    }
}
