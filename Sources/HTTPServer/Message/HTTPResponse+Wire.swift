extension HTTPResponse {
    /// Whether this status never carries a body (RFC 9110 §6.4.1).
    var isBodyless: Bool { status.code < 200 || status.code == 204 || status.code == 304 }

    /// Appends the status line, headers and (unless HEAD) body to `out`.
    func serialize(into out: inout [UInt8], isHead: Bool, keepAlive: Bool, date: String) {
        out.append(contentsOf: "HTTP/1.1 \(status.code) \(status.reason)\r\n".utf8)
        for (name, value) in headers.fields {
            // Header injection guard: a CR or LF in a handler's value would split the response.
            // Filtered as bytes: "\r\n" is one Character, so a Character filter would miss it.
            out.append(contentsOf: name.utf8.lazy.filter { $0 != 0x0D && $0 != 0x0A && $0 != 0x3A })
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: value.utf8.lazy.filter { $0 != 0x0D && $0 != 0x0A })
            out.append(contentsOf: "\r\n".utf8)
        }
        if !isBodyless {
            out.append(contentsOf: "Content-Length: \(body.count)\r\n".utf8)
        }
        out.append(contentsOf: "Date: ".utf8)
        out.append(contentsOf: date.utf8)
        out.append(contentsOf: keepAlive ? "\r\n\r\n".utf8 : "\r\nConnection: close\r\n\r\n".utf8)
        if !isHead && !isBodyless { out.append(contentsOf: body) }
    }
}
