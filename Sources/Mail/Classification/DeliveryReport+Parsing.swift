import Foundation

extension DeliveryReport {
    /// The per-recipient blocks of a `message/delivery-status` body (RFC 3464 §2.1: a per-message block, then
    /// one block per recipient, each shaped like a header).
    static func parse(deliveryStatus text: String) -> DeliveryReport {
        var bytes = Array(text.utf8)[...]
        var recipients: [Recipient] = []
        while !bytes.isEmpty {
            guard let (fields, next) = try? MailHeaderFields.parse(bytes, maxBytes: bytes.count),
                next > bytes.startIndex
            else { break }
            bytes = bytes[next...]
            guard let address = (fields["Final-Recipient"] ?? fields["Original-Recipient"]).flatMap(typedAddress)
            else { continue }
            recipients.append(
                Recipient(
                    address: address, action: (fields["Action"] ?? "").lowercased().trimmingWhitespace(),
                    status: (fields["Status"] ?? "").split(separator: " ").first.map(String.init) ?? "",
                    diagnostic: fields["Diagnostic-Code"].map(typedValue)))
        }
        return DeliveryReport(recipients: recipients, isStandard: true)
    }

    /// `rfc822; a@b` → `a@b` (RFC 3464 §2.3.2 address-type; value).
    private static func typedAddress(_ value: String) -> String? {
        let address = typedValue(value).trimmingCharacters(in: ["<", ">", " "]).lowercased()
        return address.contains("@") ? address : nil
    }

    private static func typedValue(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return value.trimmingWhitespace() }
        return value[value.index(after: semicolon)...].trimmingWhitespace()
    }

    /// A bounce written for people only (Exim, old Gmail, Mail.ru, Office 365 without its report part): the
    /// addresses on lines of their own (`  a@b`, `a@b<mailto:a@b>`) before the returned message, each with the
    /// first status code after it. Nil when none is found.
    /// Lines after a failed address searched for its status code.
    static let statusSearchLines = 8

    static func parse(plainTextBounce text: String) -> DeliveryReport? {
        var recipients: [Recipient] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if isReturnedMessageMarker(line) { break }
            guard let address = lineAddress(line) else { continue }
            guard !recipients.contains(where: { $0.address == address }) else { continue }
            let following = lines[(index + 1)..<min(lines.count, index + 1 + statusSearchLines)].joined(separator: " ")
            let status = enhancedStatus(in: following) ?? ""
            recipients.append(
                Recipient(address: address, action: status.hasPrefix("4") ? "delayed" : "failed", status: status))
        }
        return recipients.isEmpty ? nil : DeliveryReport(recipients: recipients, isStandard: false)
    }

    private static func isReturnedMessageMarker(_ line: Substring) -> Bool {
        let text = line.lowercased()
        return text.contains("this is a copy of the message") || text.contains("original message")
            || text.contains("returned message") || text.contains("headers of the original")
            || text.hasPrefix("received: ") || text.hasPrefix("return-path:")
    }

    /// An address alone on its line (optionally in `<>` or followed by `<mailto:…>`), lower-case.
    private static func lineAddress(_ line: Substring) -> String? {
        var text = line.trimmingWhitespace()
        if let mailto = text.range(of: "<mailto:") { text = String(text[..<mailto.lowerBound]) }
        text = text.trimmingCharacters(in: ["<", ">", " ", ":"])
        guard let at = text.firstIndex(of: "@"), at > text.startIndex, text.firstIndex(of: " ") == nil,
            text[text.index(after: at)...].contains(".")
        else { return nil }
        return text.lowercased()
    }

    /// The first RFC 3463 code (`5.1.1`) in the text.
    static func enhancedStatus(in text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "#" || $0 == "(" })
        return words.lazy.map(String.init).first { word in
            let parts = word.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 3 && ["2", "4", "5"].contains(parts[0])
                && parts[1].count <= 3 && parts[2].count <= 3
                && parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        }
    }
}
