import CCryptoLib

/// Comparisons whose running time does not depend on where the inputs differ (libcrypto's `CRYPTO_memcmp`).
public enum ConstantTime {
    /// True when both byte sequences are equal; the time depends only on the lengths.
    public static func isEqual<A: Collection<UInt8>, B: Collection<UInt8>>(_ lhs: A, _ rhs: B) -> Bool {
        // Lengths are not secret here (digests, tokens of a fixed size); contents are.
        let left = Array(lhs)
        let right = Array(rhs)
        guard left.count == right.count else { return false }
        guard !left.isEmpty else { return true }
        return left.withUnsafeBytes { l in
            right.withUnsafeBytes { r in CRYPTO_memcmp(l.baseAddress, r.baseAddress, l.count) }
        }
            == 0
    }

    /// True when both strings have the same UTF-8 bytes, compared in constant time.
    public static func isEqual(_ lhs: String, _ rhs: String) -> Bool {
        isEqual(Array(lhs.utf8), Array(rhs.utf8))
    }
}
