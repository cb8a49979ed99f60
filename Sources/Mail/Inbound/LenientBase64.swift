/// Base64 as mail carries it (RFC 2045 §6.8): line breaks and stray characters are skipped, a missing tail is
/// tolerated; `isClean` says whether anything had to be skipped.
enum LenientBase64 {
    static func decode(_ input: some Collection<UInt8>) -> (bytes: [UInt8], isClean: Bool) {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        var isClean = true
        var sawPadding = false
        for byte in input {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="):
                sawPadding = true
                continue
            case 0x20, 0x09, 0x0D, 0x0A: continue
            default:
                isClean = false
                continue
            }
            // Data after padding is a second, concatenated encoding: keep reading, but say so.
            if sawPadding {
                isClean = false
                sawPadding = false
                accumulator = 0
                bits = 0
            }
            accumulator = (accumulator << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        // Six bits or more left over means the input was cut off inside a group.
        if bits >= 6 { isClean = false }
        return (output, isClean)
    }
}
