extension TrackingResult {
    /// The JSON body, written directly: byte for byte what `Portal.makeEncoder()` gives (sorted keys,
    /// slashes unescaped), without the encoder's cost on tracking's hot path (`TrackingTests` compares them).
    var jsonBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: #"{"agentDisplayName":"#.utf8)
        if let agentDisplayName {
            Self.appendString(agentDisplayName, to: &out)
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(contentsOf: #","carrier":"#.utf8)
        if let carrier {
            // Keys sorted and an absent URL left out, as the encoder does for `CarrierTracking`.
            out.append(contentsOf: #"{"carrier":"#.utf8)
            Self.appendString(carrier.carrier, to: &out)
            out.append(contentsOf: #","trackingNumber":"#.utf8)
            Self.appendString(carrier.trackingNumber, to: &out)
            if let url = carrier.url {
                out.append(contentsOf: #","url":"#.utf8)
                Self.appendString(url, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(contentsOf: #","deviceDescription":"#.utf8)
        Self.appendString(deviceDescription, to: &out)
        out.append(contentsOf: #","locationName":"#.utf8)
        Self.appendString(locationName, to: &out)
        out.append(contentsOf: #","number":"#.utf8)
        Self.appendString(number.description, to: &out)
        out.append(contentsOf: #","status":"#.utf8)
        Self.appendString(status.rawValue, to: &out)
        out.append(contentsOf: #","statusLabel":"#.utf8)
        Self.appendString(status.label, to: &out)
        out.append(contentsOf: #","tatDays":"#.utf8)
        out.append(contentsOf: String(tatDays).utf8)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Appends `text` as a JSON string (RFC 8259 §7): quotes, backslashes and control characters escaped.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        // Most text needs no escape: copied in one go.
        let isCopied: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                return false
            }
            out.append(contentsOf: bytes)
            return true
        }
        if isCopied == true { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
    }
}
