import Foundation

/// The new words of a reply: quoted history, the attribution line above it, forwarded-header blocks and the
/// signature removed (Gmail, Outlook, Apple Mail, Thunderbird, Polish and Russian mailers). The full text stays in
/// `InboundMessage.text` for staff.
public enum ReplyText {
    /// Last lines searched for a mobile sign-off ("Sent from my iPhone").
    static let signOffSearchLines = 4

    public static func stripped(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Outlook-style history (no `>`): everything from its first line on is the old mail.
        if let cut = historyStart(lines) { lines = Array(lines[..<cut]) }
        lines = withoutQuotes(lines)
        lines = withoutSignature(lines)
        // Separator lines left above a cut (`-----`, `_____`) and blank lines at the ends go too.
        while let last = lines.last, isBlankOrRule(last) { lines.removeLast() }
        while let first = lines.first, first.trimmingWhitespace().isEmpty { lines.removeFirst() }
        return lines.map { $0.trimmingTrailingWhitespace() }.joined(separator: "\n")
    }

    /// The first line of an unquoted history block: an "Original Message" rule, or a run of header lines
    /// (`From:`/`Od:`/`От:` with `Sent:`, `Date:`, `To:`, `Subject:` and their Polish and Russian names).
    static func historyStart(_ lines: [String]) -> Int? {
        for (index, line) in lines.enumerated() {
            if isOriginalMessageRule(line) { return index }
            guard headerLabel(line) != nil else { continue }
            // A sender and a date or subject: "From: Warszawa / To: Kraków" in a request is not history.
            let labels = Set(lines[index...].prefix(6).prefix { headerLabel($0) != nil }.compactMap(headerLabel))
            if !labels.isDisjoint(with: fromLabels) && !labels.isDisjoint(with: dateOrSubjectLabels) {
                return index
            }
        }
        return nil
    }

    private static let fromLabels: Set<String> = ["from", "od", "от", "von", "de"]
    private static let dateOrSubjectLabels: Set<String> = [
        "sent", "date", "subject", "wysłano", "wysłane", "data", "temat", "отправлено", "дата", "тема", "gesendet",
        "betreff", "envoyé", "objet",
    ]
    private static let headerLabels: Set<String> = [
        "from", "sent", "date", "to", "cc", "subject", "od", "wysłano", "wysłane", "data", "do", "dw", "temat",
        "от", "отправлено", "дата", "кому", "копия", "тема", "von", "gesendet", "an", "betreff", "de", "envoyé",
        "à", "objet",
    ]

    /// The lower-case label of a `Label: value` line (bold `*From:*` too), when it is a mail header label.
    private static func headerLabel(_ line: String) -> String? {
        let text = line.trimmingWhitespace().replacingOccurrences(of: "*", with: "")
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = text[..<colon].trimmingWhitespace().lowercased()
        return headerLabels.contains(label) ? label : nil
    }

    /// `-----Original Message-----`, `----- Wiadomość oryginalna -----`, `-------- Исходное сообщение --------`.
    private static func isOriginalMessageRule(_ line: String) -> Bool {
        let text = line.trimmingWhitespace()
        guard text.hasPrefix("--") else { return false }
        let words = text.trimmingCharacters(in: ["-", " "]).lowercased()
        return [
            "original message", "wiadomość oryginalna", "oryginalna wiadomość", "исходное сообщение",
            "reply message", "ursprüngliche nachricht", "message d'origine",
        ].contains(words)
    }

    /// Lines starting with `>` removed, with the attribution above each quoted block ("On … wrote:",
    /// "W dniu … napisał(a):", "… пишет:", "… <a@b>:"), even when it wraps onto two lines. An attribution whose
    /// quote is not marked with `>` (HTML converted badly) ends the reply by itself.
    static func withoutQuotes(_ lines: [String]) -> [String] {
        var keep = lines.map { !$0.hasPrefix(">") }
        for (index, line) in lines.enumerated() where keep[index] {
            let nextText = lines[(index + 1)...].first { !$0.trimmingWhitespace().isEmpty }
            let isBeforeQuote = nextText?.hasPrefix(">") ?? false
            let strong = isAttribution(line)
            let weak = isBeforeQuote && line.trimmingWhitespace().hasSuffix(":") && line.contains("@")
            guard strong || weak else { continue }
            keep[index] = false
            // A wrapped attribution: "On …" / a date above, or the bare verb below a line with the address.
            if index > 0 && !lines[index - 1].trimmingWhitespace().isEmpty && !startsAttribution(line) {
                let previous = lines[index - 1]
                let isBareVerb = line.trimmingWhitespace().count <= 20 && !line.contains("@")
                if startsAttribution(previous) || (isBareVerb && previous.contains("@")) { keep[index - 1] = false }
            }
            if strong && !isBeforeQuote {
                // The history follows unquoted: nothing after the attribution is new.
                for later in index..<lines.count { keep[later] = false }
                break
            }
        }
        return lines.indices.filter { keep[$0] }.map { lines[$0] }
    }

    /// Endings of attribution lines, lower-case.
    private static let attributionEndings = [
        "wrote:", "wrote :", "napisał(a):", "napisał:", "napisała:", "пишет:", "написал(а):", "написал:",
        "написала:", "schrieb:", "a écrit :", "a écrit:", "escribió:",
    ]

    static func isAttribution(_ line: String) -> Bool {
        let text = line.trimmingWhitespace().lowercased()
        return attributionEndings.contains { text.hasSuffix($0) }
    }

    /// How the first line of a wrapped attribution begins: "On ", "W dniu ", "Dnia ", a date.
    private static func startsAttribution(_ line: String) -> Bool {
        let text = line.trimmingWhitespace()
        return ["On ", "W dniu ", "Dnia ", "Am ", "Le ", "El "].contains { text.hasPrefix($0) }
            || text.first?.isNumber == true
    }

    /// Everything from the signature separator (`-- `, RFC 3676 §4.3, or a bare `--`) or a mailing list's footer
    /// (a rule of underscores, then "… mailing list") on, and mobile sign-offs ("Sent from my iPhone",
    /// "Wysłane z …", "Отправлено с …") near the end.
    static func withoutSignature(_ lines: [String]) -> [String] {
        var lines = lines
        if let footer = lines.indices.first(where: { index in
            lines[index].hasPrefix("_____") && index + 1 < lines.count
                && lines[index + 1].lowercased().contains("mailing list")
        }) {
            lines = Array(lines[..<footer])
        }
        if let separator = lines.firstIndex(where: { $0 == "-- " || $0.trimmingWhitespace() == "--" }) {
            lines = Array(lines[..<separator])
        }
        let signOffs = [
            "sent from my ", "sent with ", "get outlook for ", "wysłane z ", "wysłano z ", "pobierz outlook",
            "отправлено с ", "отправлено из ",
        ]
        let tail = lines.indices.suffix(signOffSearchLines)
        if let signOff = tail.first(where: { index in
            let text = lines[index].trimmingWhitespace().lowercased()
            return signOffs.contains { text.hasPrefix($0) }
        }) {
            lines = Array(lines[..<signOff])
        }
        return lines
    }

    private static func isBlankOrRule(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "-" || $0 == "_" || $0 == "=" || $0 == "*" || $0 == "\t" }
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> String {
        var text = String(self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}

extension InboundMessage {
    /// The reply's new words (`ReplyText`); `text` keeps the whole body.
    public var replyText: String { ReplyText.stripped(text) }
}
