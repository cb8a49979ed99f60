import Foundation
import Localization
import RepairCore

/// Shared wording of the order pages: dates, shortened faults, device names, field errors.
enum OrderPageFormat {
    /// Longest fault text shown in the order list before it is cut with "…" (default 60 characters).
    static let listFaultLength = 60

    /// "2026-11-20 18:02 UTC": user time zones are a later phase (SPEC.md), so pages say UTC.
    static func dateTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    /// `text` on one line, cut at `limit` characters with "…".
    static func shortened(_ text: String, limit: Int = listFaultLength) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard oneLine.count > limit else { return oneLine }
        return oneLine.prefix(limit - 1).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// "Expected turnaround: 5 working days" for the location, capitalised as a sentence.
    static func turnaround(_ location: Location) -> String {
        let text = location.turnaroundText
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Field errors by field name, several rules of one field joined, for `Form` helpers' `error:`.
    static func errorsByField(_ errors: [FieldError], _ localizer: Localizer) -> [String: String] {
        var result: [String: String] = [:]
        for error in errors {
            let rule = localizer.text(error.rule)
            result[error.field] = result[error.field].map { "\($0); \(rule)" } ?? sentence(rule)
        }
        return result
    }

    // The core phrases rules as predicates ("is required", "must be a number"); beside a field
    // they read as sentences, and a bare "Is required" does not, so it gets a subject.
    private static func sentence(_ rule: String) -> String {
        if rule.hasPrefix("is ") { return "This field " + rule }
        return rule.prefix(1).uppercased() + rule.dropFirst()
    }

    /// The path of an order's page (`/orders/RS-XXXX-XXXX`), with `suffix` for its wizard steps.
    static func path(_ number: OrderNumber, _ suffix: String = "") -> String {
        "/orders/\(number.description)\(suffix)"
    }
}
