import Foundation

/// Reads an `Accept-Language` header (RFC 9110 §12.5.4): language ranges with optional `q` weights.
enum AcceptLanguage {
    /// The supported language the header prefers most; nil when it accepts none of them.
    ///
    /// A range matches a language by its primary subtag (`pl-PL` → `pl`); `*` matches the first supported one;
    /// `q=0` refuses. Among equal weights the header's order decides.
    static func best(in header: String, of supported: [String]) -> String? {
        var ranked: [(language: String, weight: Double, position: Int)] = []
        for (position, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = parts.first?.lowercased(), !range.isEmpty else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            guard weight > 0, weight <= 1 else { continue }
            let primary = range == "*" ? supported.first : range.split(separator: "-").first.map(String.init)
            guard let primary, supported.contains(primary) else { continue }
            ranked.append((primary, weight, position))
        }
        return ranked.min { ($0.weight, -$0.position) > ($1.weight, -$1.position) }?.language
    }
}
