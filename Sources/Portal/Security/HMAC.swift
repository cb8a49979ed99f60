/// HMAC (RFC 2104) over our own SHA-256.
public enum HMAC {
    /// HMAC-SHA-256 of `message` under `key`; 32 bytes.
    public static func sha256<Key: Collection<UInt8>, Message: Collection<UInt8>>(key: Key, message: Message) -> [UInt8]
    {
        // RFC 2104 §2: keys longer than the block are hashed first, shorter ones zero-padded.
        var paddedKey = key.count > SHA256.blockByteCount ? SHA256.hash(key) : Array(key)
        paddedKey.append(contentsOf: repeatElement(0, count: SHA256.blockByteCount - paddedKey.count))

        var inner = paddedKey.map { $0 ^ 0x36 }
        inner.append(contentsOf: message)
        var outer = paddedKey.map { $0 ^ 0x5c }
        outer.append(contentsOf: SHA256.hash(inner))
        return SHA256.hash(outer)
    }

    /// HMAC-SHA-256 of the UTF-8 bytes of `message`.
    public static func sha256<Key: Collection<UInt8>>(key: Key, message: String) -> [UInt8] {
        sha256(key: key, message: Array(message.utf8))
    }
}
