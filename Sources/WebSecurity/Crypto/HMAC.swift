import CCryptoLib

/// HMAC-SHA-256 (RFC 2104, RFC 4231) from the system's libcrypto.
public enum HMAC {
    /// HMAC-SHA-256 of `message` under `key`; 32 bytes.
    public static func sha256<Key: Collection<UInt8>, Message: Collection<UInt8>>(key: Key, message: Message) -> [UInt8]
    {
        let keyBytes = Array(key)
        let messageBytes = Array(message)
        var mac = [UInt8](repeating: 0, count: SHA256.digestByteCount)
        var length: UInt32 = 0
        let result = keyBytes.withUnsafeBufferPointer { keyBuffer in
            messageBytes.withUnsafeBufferPointer { messageBuffer in
                mac.withUnsafeMutableBufferPointer { output in
                    CCryptoLib.HMAC(
                        EVP_sha256(), keyBuffer.baseAddress, Int32(keyBuffer.count), messageBuffer.baseAddress,
                        messageBuffer.count, output.baseAddress, &length)
                }
            }
        }
        // HMAC fails only when the library cannot allocate; there is no safe answer then.
        precondition(result != nil && Int(length) == SHA256.digestByteCount, "libcrypto HMAC-SHA-256 failed")
        return mac
    }

    /// HMAC-SHA-256 of the UTF-8 bytes of `message`.
    public static func sha256<Key: Collection<UInt8>>(key: Key, message: String) -> [UInt8] {
        sha256(key: key, message: Array(message.utf8))
    }
}
