/// Percent-decoding into UTF-8 (RFC 3986 §2.1) and form decoding (WHATWG URL, urlencoded parsing).
enum PercentDecoding {
    /// Decodes `%XX` escapes (and `+` as space if asked); nil on a bad escape or invalid UTF-8.
    static func decode(_ text: some StringProtocol, plusAsSpace: Bool) -> String? {
        // Most parts hold no escape: return them without copying their bytes.
        guard text.utf8.contains(0x25) || (plusAsSpace && text.utf8.contains(0x2B)) else { return String(text) }
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b == 0x25 {
                guard i + 2 < utf8.count, let high = ByteClass.hexValue(utf8[i + 1]),
                    let low = ByteClass.hexValue(utf8[i + 2])
                else {
                    return nil
                }
                bytes.append(UInt8(high * 16 + low))
                i += 3
            } else {
                bytes.append(plusAsSpace && b == 0x2B ? 0x20 : b)
                i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Splits `a=1&b=2` and decodes each part; a bad part throws a 400 naming its field.
    static func decodeForm(_ text: String, source: String) throws(HTTPServerError) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        // Split on the ASCII bytes `&` and `=`, which never occur inside a multi-byte UTF-8 sequence:
        // the same pairs as splitting Characters, without grapheme breaking on every query.
        for pair in text.utf8.split(separator: UInt8(ascii: "&")) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let rawName = Substring(pair[..<(equals ?? pair.endIndex)])
            let rawValue = equals.map { Substring(pair[pair.index(after: $0)...]) } ?? ""
            guard let name = decode(rawName, plusAsSpace: true) else {
                throw .bad("\(source) field \(rawName.prefix(64))", "invalid percent-encoding or UTF-8 in the name")
            }
            guard let value = decode(rawValue, plusAsSpace: true) else {
                throw .bad("\(source) field \(name.prefix(64))", "invalid percent-encoding or UTF-8 in the value")
            }
            result.append((name, value))
        }
        return result
    }
}
