/// How a typed e-mail address finds its account: the one normalisation sign-in, its throttle and the store share.
public enum EmailAddress {
    /// The look-up key of `typed`: surrounding whitespace dropped, ASCII letters lower-cased.
    ///
    /// ASCII only, because `users.email` compares with `COLLATE NOCASE`, which folds ASCII only: a key that
    /// folded more (`K`, the Kelvin sign) would count guesses under an account the look-up never finds.
    public static func lookUpKey(_ typed: String) -> String {
        let trimmed = typed.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
        var key = ""
        key.unicodeScalars.append(
            contentsOf: String(trimmed).unicodeScalars.map { scalar in
                (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
            })
        return key
    }
}
