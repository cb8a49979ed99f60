import CCryptoLib

/// SHA-256 (FIPS 180-4) from the system's libcrypto.
public enum SHA256 {
    /// Size of a digest in bytes.
    public static let digestByteCount = 32

    /// The 32-byte digest of `bytes`.
    public static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        let message = bytes.withContiguousStorageIfAvailable { digest(of: $0) }
        return message ?? Array(bytes).withUnsafeBufferPointer { digest(of: $0) }
    }

    /// The digest of the UTF-8 bytes of `text`.
    public static func hash(_ text: String) -> [UInt8] {
        hash(Array(text.utf8))
    }

    /// The digest as lower-case hexadecimal.
    public static func hexHash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        Hex.encode(hash(bytes))
    }

    private static func digest(of message: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: digestByteCount)
        var length: UInt32 = 0
        let isDone = digest.withUnsafeMutableBufferPointer { output in
            EVP_Digest(message.baseAddress, message.count, output.baseAddress, &length, EVP_sha256(), nil) == 1
        }
        // EVP_Digest fails only when the library cannot allocate; there is no safe answer then.
        precondition(isDone && Int(length) == digestByteCount, "libcrypto SHA-256 failed")
        return digest
    }
}
