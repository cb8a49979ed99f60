/// Comparisons whose running time does not depend on where the inputs differ.
public enum ConstantTime {
    /// True when both byte sequences are equal; the time depends only on the lengths.
    public static func isEqual<A: Collection<UInt8>, B: Collection<UInt8>>(_ lhs: A, _ rhs: B) -> Bool {
        // Lengths are not secret here (digests, tokens of a fixed size); contents are.
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }

    /// True when both strings have the same UTF-8 bytes, compared in constant time.
    public static func isEqual(_ lhs: String, _ rhs: String) -> Bool {
        isEqual(Array(lhs.utf8), Array(rhs.utf8))
    }
}
