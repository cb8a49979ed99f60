extension HTTPResponse {
    /// Whether this status never carries a body (RFC 9110 §6.4.1).
    var isBodyless: Bool { status.code < 200 || status.code == 204 || status.code == 304 }

    /// Appends the status line, headers and (unless HEAD) body to `out`.
    func serialize(into out: inout [UInt8], isHead: Bool, keepAlive: Bool, date: String) {
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        Self.appendDecimal(status.code, to: &out)
        out.append(0x20)
        Self.appendFieldText(status.reason, to: &out, dropsColon: false)
        out.append(contentsOf: "\r\n".utf8)
        for (name, value) in headers.fields {
            Self.appendFieldText(name, to: &out, dropsColon: true)
            out.append(contentsOf: ": ".utf8)
            Self.appendFieldText(value, to: &out, dropsColon: false)
            out.append(contentsOf: "\r\n".utf8)
        }
        if !isBodyless {
            out.append(contentsOf: "Content-Length: ".utf8)
            Self.appendDecimal(body.count, to: &out)
            out.append(contentsOf: "\r\n".utf8)
        }
        out.append(contentsOf: "Date: ".utf8)
        out.append(contentsOf: date.utf8)
        out.append(contentsOf: keepAlive ? "\r\n\r\n".utf8 : "\r\nConnection: close\r\n\r\n".utf8)
        if !isHead && !isBodyless { out.append(contentsOf: body) }
    }

    /// Appends a name or value without CR and LF (and, for names, without `:`).
    ///
    /// Header injection guard: a CR or LF in a handler's value would split the response. Filtered as
    /// bytes, since "\r\n" is one Character; text without them (nearly all) is copied in one go.
    static func appendFieldText(_ text: String, to out: inout [UInt8], dropsColon: Bool) {
        let isForbidden = { (byte: UInt8) in byte == 0x0D || byte == 0x0A || (dropsColon && byte == 0x3A) }
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: isForbidden) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied != true { out.append(contentsOf: text.utf8.lazy.filter { !isForbidden($0) }) }
    }

    /// Appends a non-negative integer in decimal, without going through `String`.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(truncatingIfNeeded: 0x30 + value / divisor % 10))
            divisor /= 10
        }
    }
}
