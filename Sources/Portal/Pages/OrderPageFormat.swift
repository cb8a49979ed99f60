import Foundation
import Localization
import RepairCore

/// Shared wording of the order pages: dates, shortened faults, device names, field errors.
enum OrderPageFormat {
    /// Longest fault text shown in the order list before it is cut with "…" (default 60 characters).
    static let listFaultLength = 60

    /// The date and time in the request's time zone and language, the zone named (`20.11.2026, 19:02 CET`).
    static func dateTime(_ date: Date) -> String { LocalFormat.dateTime(date) }

    /// `text` on one line, cut at `limit` characters with "…".
    static func shortened(_ text: String, limit: Int = listFaultLength) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard oneLine.count > limit else { return oneLine }
        return oneLine.prefix(limit - 1).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// "Expected turnaround: 5 working days" for the location.
    static func turnaround(_ location: Location) -> String {
        L("order.turnaround", ["days": .text(L("count.working_days", ["count": .number(location.tatDays)]))])
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
        // Predicates that read as sentences only with a subject, in any language.
        if rule.hasPrefix("is ") || rule == L("rule.required") || rule == L("rule.wrong_password") {
            return L("form.this_field", ["rule": .text(rule)])
        }
        return rule.prefix(1).uppercased() + rule.dropFirst()
    }

    /// The path of an order's page (`/orders/RS-XXXX-XXXX`), with `suffix` for its wizard steps.
    static func path(_ number: OrderNumber, _ suffix: String = "") -> String {
        "/orders/\(number.description)\(suffix)"
    }
}
