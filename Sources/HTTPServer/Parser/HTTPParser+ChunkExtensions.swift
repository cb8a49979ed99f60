extension HTTPParser {
    /// Checks `chunk-ext` exactly as RFC 9112 §7.1.1 defines it, from `start` to the end of the chunk line:
    /// `*( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )`, the name a token and the value a
    /// token or quoted-string (RFC 9110 §5.6.4). Extensions carry no meaning here, so nothing is kept.
    func validateChunkExtensions(_ line: UnsafeBufferPointer<UInt8>, from start: Int) throws(HTTPServerError) {
        var i = start
        while i < line.count {
            i = skipWhitespace(line, from: i)
            guard i < line.count, line[i] == 0x3B else {
                throw .bad("chunk-ext", "expected ; before a chunk extension")
            }
            i = skipWhitespace(line, from: i + 1)
            let nameEnd = skipToken(line, from: i)
            guard nameEnd > i else { throw .bad("chunk-ext", "; must be followed by an extension name (a token)") }
            i = nameEnd
            let afterSpace = skipWhitespace(line, from: i)
            guard afterSpace < line.count, line[afterSpace] == 0x3D else {
                // No value: the next ";" (after BWS) or the end of the line, with no whitespace before it.
                guard afterSpace < line.count ? line[afterSpace] == 0x3B : afterSpace == nameEnd else {
                    throw .bad("chunk-ext", "invalid character after an extension name")
                }
                i = afterSpace
                continue
            }
            i = skipWhitespace(line, from: afterSpace + 1)
            guard i < line.count else { throw .bad("chunk-ext", "= must be followed by a token or quoted-string") }
            i = line[i] == 0x22 ? try skipQuotedString(line, from: i) : skipToken(line, from: i)
            guard i < line.count else { return }
            guard line[i] == 0x3B || line[i] == 0x20 || line[i] == 0x09 else {
                throw .bad("chunk-ext", "an extension value must be a token or quoted-string")
            }
            // BWS is allowed only before the next ";", so trailing whitespace is caught on the next pass.
            guard skipWhitespace(line, from: i) < line.count else {
                throw .bad("chunk-ext", "whitespace after the last extension")
            }
        }
    }

    private func skipWhitespace(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        return i
    }

    private func skipToken(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < line.count, ByteClass.token[Int(line[i])] { i += 1 }
        return i
    }

    /// quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE (RFC 9110 §5.6.4); returns the index after it.
    private func skipQuotedString(_ line: UnsafeBufferPointer<UInt8>, from start: Int) throws(HTTPServerError) -> Int {
        var i = start + 1
        while i < line.count {
            let byte = line[i]
            if byte == 0x22 { return i + 1 }
            if byte == 0x5C {
                // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
                guard i + 1 < line.count, ByteClass.fieldValue[Int(line[i + 1])] else {
                    throw .bad("chunk-ext", "invalid quoted-pair in a quoted-string")
                }
                i += 2
                continue
            }
            // qdtext excludes DQUOTE and backslash (handled above) and every control but HTAB.
            guard ByteClass.fieldValue[Int(byte)] else {
                throw .bad("chunk-ext", "control character in a quoted-string")
            }
            i += 1
        }
        throw .bad("chunk-ext", "unterminated quoted-string")
    }
}
