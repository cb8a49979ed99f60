/// The server's answer to EHLO (or HELO): the service extensions it offers (RFC 5321 §4.1.1.1).
struct SMTPHello {
    var reply: SMTPReply
    /// False when the client fell back to HELO, which offers no extensions.
    var isExtended: Bool

    /// Extension keywords (upper-case) and their parameters, e.g. `AUTH: [PLAIN, LOGIN]`, `STARTTLS: []`.
    var extensions: [String: [String]] {
        guard isExtended else { return [:] }
        var result: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {
            // Some old servers write `AUTH=PLAIN LOGIN`; read it as `AUTH PLAIN LOGIN`.
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            result[keyword, default: []] += words.dropFirst()
        }
        return result
    }
}
