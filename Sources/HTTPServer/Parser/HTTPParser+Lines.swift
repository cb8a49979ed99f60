extension HTTPParser {
    /// request-line = method SP request-target SP HTTP-version (RFC 9112 §3).
    mutating func parseRequestLine(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPServerError) {
        guard let firstSpace = line.firstIndex(of: 0x20) else {
            throw .bad("request-line", "expected method SP target SP version")
        }
        let rest = line[(firstSpace + 1)...]
        guard let secondSpace = rest.firstIndex(of: 0x20) else {
            throw .bad("request-line", "expected method SP target SP version")
        }
        let methodBytes = line[..<firstSpace]
        let targetBytes = line[(firstSpace + 1)..<secondSpace]
        let versionBytes = line[(secondSpace + 1)...]
        guard !methodBytes.isEmpty, methodBytes.allSatisfy({ ByteClass.token[Int($0)] }) else {
            throw .bad("method", "must be a token")
        }
        pendingVersion = try parseVersion(versionBytes)
        guard let method = HTTPMethod(token: methodBytes) else {
            throw HTTPServerError(
                .notImplemented, field: "method",
                rule: "\(String(decoding: methodBytes, as: UTF8.self)) is not implemented")
        }
        pendingMethod = method
        try validateTarget(targetBytes, method: method)
        pendingTarget = String(decoding: targetBytes, as: UTF8.self)
    }

    func parseVersion(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) throws(HTTPServerError) -> HTTPVersion {
        let b = Array(bytes)
        guard b.count == 8, b[0] == 0x48, b[1] == 0x54, b[2] == 0x54, b[3] == 0x50, b[4] == 0x2F, b[6] == 0x2E,
            (0x30...0x39).contains(b[5]), (0x30...0x39).contains(b[7])
        else { throw .bad("HTTP-version", "must be HTTP/DIGIT.DIGIT") }
        let version = HTTPVersion(major: Int(b[5] - 0x30), minor: Int(b[7] - 0x30))
        guard version == .http1_1 || version == .http1_0 else {
            throw HTTPServerError(
                .httpVersionNotSupported, field: "HTTP-version", rule: "\(version) is not supported; use HTTP/1.1")
        }
        return version
    }

    /// origin-form, absolute-form (http/https) or `*` for OPTIONS (RFC 9112 §3.2); pct-encoding checked.
    func validateTarget(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, method: HTTPMethod) throws(HTTPServerError) {
        guard let first = bytes.first else { throw .bad("request-target", "must not be empty") }
        if bytes.count == 1, first == 0x2A {
            guard method == .options else { throw .bad("request-target", "* is only allowed with OPTIONS") }
            return
        }
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            guard ByteClass.target[Int(b)] else {
                throw .bad("request-target", "invalid character 0x\(String(b, radix: 16))")
            }
            if b == 0x25 {
                guard i + 2 < bytes.endIndex, ByteClass.hexValue(bytes[i + 1]) != nil,
                    ByteClass.hexValue(bytes[i + 2]) != nil
                else {
                    throw .bad("request-target", "% must be followed by two hex digits")
                }
            }
            i += 1
        }
        if first == 0x2F { return }
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        guard text.hasPrefix("http://") || text.hasPrefix("https://") else {
            throw .bad("request-target", "must start with / (origin-form) or be an absolute http URI")
        }
    }

    /// field-line = field-name ":" OWS field-value OWS (RFC 9112 §5); no obs-fold, no space before the colon.
    func parseField(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPServerError) -> (String, String) {
        if line[0] == 0x20 || line[0] == 0x09 {
            throw .bad("header", "obs-fold (line starting with whitespace) is not allowed")
        }
        guard let colon = line.firstIndex(of: 0x3A) else { throw .bad("header", "missing colon") }
        let nameBytes = line[..<colon]
        guard !nameBytes.isEmpty else { throw .bad("header", "empty field name") }
        if let last = nameBytes.last, last == 0x20 || last == 0x09 {
            throw .bad("header", "whitespace between field name and colon is not allowed")
        }
        guard nameBytes.allSatisfy({ ByteClass.token[Int($0)] }) else {
            throw .bad("header", "field name must be a token")
        }
        var start = colon + 1
        var end = line.count
        while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        let valueBytes = line[start..<end]
        let name = String(decoding: nameBytes, as: UTF8.self)
        guard valueBytes.allSatisfy({ ByteClass.fieldValue[Int($0)] }) else {
            throw .bad(name, "field value contains a control character")
        }
        return (name, String(decoding: valueBytes, as: UTF8.self))
    }

    /// chunk-size [ chunk-ext ] (RFC 9112 §7.1); at most 15 hex digits so the size cannot overflow.
    func parseChunkSize(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPServerError) -> Int {
        var size = 0
        var i = 0
        while i < line.count, let digit = ByteClass.hexValue(line[i]) {
            guard i < 15 else { throw .bad("chunk-size", "more than 15 hex digits") }
            size = size * 16 + digit
            i += 1
        }
        guard i > 0 else { throw .bad("chunk-size", "must start with a hex digit") }
        if i < line.count {
            guard line[i] == 0x3B || line[i] == 0x20 || line[i] == 0x09 else {
                throw .bad("chunk-size", "invalid character after the size")
            }
            try validateChunkExtensions(line, from: i)
        }
        return size
    }
}
