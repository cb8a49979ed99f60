/// Base64 as mail carries it (RFC 2045 §6.8): line breaks and stray characters are skipped, a missing tail is
/// tolerated; `isClean` says whether anything had to be skipped.
enum LenientBase64 {
    // Value of each byte: 0–63 for the alphabet (standard and URL-safe), 64 padding, 65 white space, 255 stray.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        table[Int(UInt8(ascii: "="))] = 64
        for space in [0x20, 0x09, 0x0D, 0x0A] { table[space] = 65 }
        return table
    }()

    static func decode(_ input: some Collection<UInt8>) -> (bytes: [UInt8], isClean: Bool) {
        let input = Array(input)
        var output = [UInt8]()
        output.reserveCapacity(input.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        var isClean = true
        var sawPadding = false
        table.withUnsafeBufferPointer { table in
            input.withUnsafeBufferPointer { input in
                for byte in input {
                    let value = table[Int(byte)]
                    if value >= 64 {
                        if value == 64 { sawPadding = true } else if value == 255 { isClean = false }
                        continue
                    }
                    // Data after padding is a second, concatenated encoding: keep reading, but say so.
                    if sawPadding {
                        isClean = false
                        sawPadding = false
                        accumulator = 0
                        bits = 0
                    }
                    accumulator = (accumulator << 6) | UInt32(value)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                    }
                }
            }
        }
        // Six bits or more left over means the input was cut off inside a group.
        if bits >= 6 { isClean = false }
        return (output, isClean)
    }
}
