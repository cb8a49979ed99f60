import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Turns bytes in a declared charset into text with glibc's iconv; never fails: a charset iconv does not know, or
/// bytes that are not valid in it, are replaced visibly (U+FFFD) and named in `problem`.
enum CharsetDecoder {
    /// Text and, when something had to be guessed or replaced, what happened (for staff, never silent).
    struct Decoded: Equatable {
        var text: String
        var problem: InboundMailProblem?
    }

    /// Longest charset name passed to iconv; real names are short.
    static let maxCharsetNameLength = 40

    static func decode(_ bytes: some Collection<UInt8>, charset declared: String?) -> Decoded {
        let bytes = Array(bytes)
        let name = normalized(declared)
        switch name {
        case nil, "UTF-8", "UTF8", "US-ASCII", "ASCII", "ANSI_X3.4-1968":
            if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text) }
            if name == "UTF-8" || name == "UTF8" {
                let repaired = convert(bytes, from: "UTF-8")
                return Decoded(
                    text: repaired?.text ?? String(decoding: bytes, as: UTF8.self),
                    problem: .invalidBytes(charset: "UTF-8", count: repaired?.replaced ?? 1))
            }
            // 8-bit bytes under an ASCII label are nearly always Windows-1252 in practice.
            return Decoded(
                text: convert(bytes, from: "WINDOWS-1252")?.text ?? String(decoding: bytes, as: UTF8.self),
                problem: .eightBitText(declared: declared.map(sanitizedForDisplay)))
        case .some(let name):
            if let converted = convert(bytes, from: name) {
                return Decoded(
                    text: converted.text,
                    problem: converted.replaced > 0 ? .invalidBytes(charset: name, count: converted.replaced) : nil)
            }
            let label = sanitizedForDisplay(declared ?? "")
            if let text = String(validating: bytes, as: UTF8.self) {
                return Decoded(text: text, problem: .unknownCharset(label, readAs: "UTF-8"))
            }
            return Decoded(
                text: convert(bytes, from: "WINDOWS-1252")?.text ?? String(decoding: bytes, as: UTF8.self),
                problem: .unknownCharset(label, readAs: "windows-1252"))
        }
    }

    /// The charset name iconv is given: upper-case, known aliases mapped; nil for none. Characters iconv would
    /// read as options (`//TRANSLIT`) or that no charset name has make the name unknown.
    static func normalized(_ charset: String?) -> String? {
        guard var name = charset?.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")), !name.isEmpty else {
            return nil
        }
        name = name.uppercased()
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")
        guard name.count <= maxCharsetNameLength, name.allSatisfy(allowed.contains) else { return "INVALID" }
        switch name {
        case "CP-1250", "WIN-1250", "X-CP1250": return "WINDOWS-1250"
        case "CP-1251", "WIN-1251", "X-CP1251": return "WINDOWS-1251"
        case "CP-1252", "WIN-1252", "X-CP1252": return "WINDOWS-1252"
        case "LATIN2", "ISO8859-2", "ISO_8859-2": return "ISO-8859-2"
        case "KOI8R": return "KOI8-R"
        // A mail that says ISO-8859-1 and uses 0x80–0x9F means Windows-1252 (as every mail reader assumes).
        case "ISO-8859-1", "LATIN1", "ISO8859-1": return "WINDOWS-1252"
        default: return name
        }
    }

    /// Converts with iconv; nil when iconv does not know the charset. Invalid or truncated sequences become U+FFFD
    /// and conversion goes on after them.
    static func convert(_ input: [UInt8], from charset: String) -> (text: String, replaced: Int)? {
        let handle = iconv_open("UTF-8", charset)
        guard Int(bitPattern: handle) != -1 else { return nil }
        defer { iconv_close(handle) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 2)
        var replaced = 0
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var input = input
        var position = 0
        while position < input.count {
            var inLeft = input.count - position
            var outLeft = chunk.count
            let result = input.withUnsafeMutableBufferPointer { source in
                chunk.withUnsafeMutableBufferPointer { target in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
                        source.baseAddress! + position
                    )
                    .assumingMemoryBound(to: CChar.self)
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    return result == -1 ? errno : 0
                }
            }
            output += chunk[..<(chunk.count - outLeft)]
            position = input.count - inLeft
            switch result {
            case 0: break
            case E2BIG: continue
            default:
                // EILSEQ or EINVAL: one bad byte (or a cut-off sequence) becomes U+FFFD.
                output += [0xEF, 0xBF, 0xBD]
                replaced += 1
                position += 1
                _ = iconv(handle, nil, nil, nil, nil)
            }
        }
        return (String(decoding: output, as: UTF8.self), replaced)
    }

    /// A name from a mail, safe to show in a message (printable ASCII, at most 40 characters).
    static func sanitizedForDisplay(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }.prefix(maxCharsetNameLength))
    }
}
