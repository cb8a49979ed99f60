extension QuotedPrintable {
    /// Decodes RFC 2045 §6.7 quoted-printable (or, with `isHeader`, RFC 2047 §4.2 Q where `_` is a space); a `=`
    /// not followed by two hex digits is kept as it is, as RFC 2045 advises.
    static func decode(_ input: some Collection<UInt8>, isHeader: Bool = false) -> [UInt8] {
        let bytes = Array(input)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") && isHeader {
                output.append(0x20)
            } else if byte == UInt8(ascii: "=") {
                // A soft line break: `=` then optional trailing white space then the line end.
                var next = index + 1
                while next < bytes.count && (bytes[next] == 0x20 || bytes[next] == 0x09) { next += 1 }
                if next < bytes.count && (bytes[next] == 0x0A || bytes[next] == 0x0D) {
                    if bytes[next] == 0x0D && next + 1 < bytes.count && bytes[next + 1] == 0x0A { next += 1 }
                    index = next + 1
                    continue
                }
                // `=` (and trailing white space) at the very end: a soft break before nothing.
                if next >= bytes.count {
                    index = bytes.count
                    continue
                }
                if let decoded = hexByte(bytes, at: index + 1) {
                    output.append(decoded)
                    index += 3
                    continue
                }
                output.append(byte)
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    /// The byte written as two hex digits at `index` (after `=` or `%`), nil when there are none.
    static func hexByte(_ bytes: [UInt8], at index: Int) -> UInt8? {
        guard index + 1 < bytes.count, let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else {
            return nil
        }
        return high << 4 | low
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
