import RepairCore

/// `NameFolding.fold` with a fast path for the letters surnames are written in, for tracking's hot path.
///
/// Every scalar of the Latin-1, Latin Extended-A/B and Cyrillic blocks is folded once, at first use, by
/// `NameFolding.fold` itself; a name made only of ASCII and those letters is then folded scalar by scalar.
/// Anything else (combining marks, other scripts, unusual spaces) goes to `NameFolding.fold` unchanged,
/// so the result is always exactly `NameFolding.fold(name)` (`SurnameFolderTests` checks this).
enum SurnameFolder {
    /// The non-ASCII blocks folded in advance: Latin-1 letters to Latin Extended-B, and Cyrillic.
    static let precomputedRanges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x0400...0x04FF]

    // Built once; a name folds each of these scalars the same way wherever it stands, because none of
    // them combines with a neighbour (combining marks are not in the table and send the name to the slow path).
    private static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for range in precomputedRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), !scalar.properties.isWhitespace else { continue }
                // A combining mark changes how the letter before it folds (й + mark, ł + mark): slow path.
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .format: continue
                default: break
                }
                let character = String(scalar)
                // Only scalars that stand alone as one character and fold without context are fast-pathed.
                guard character.count == 1, character.lowercased().unicodeScalars.count <= 2 else { continue }
                table[value] = NameFolding.fold(character)
            }
        }
        return table
    }()

    /// The folded form of `name`, equal to `NameFolding.fold(name)`.
    static func fold(_ name: String) -> String {
        var result = ""
        result.reserveCapacity(name.utf8.count)
        var isPendingSpace = false
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII whitespace: space, tab, line feed, vertical tab, form feed, carriage return.
                if value == 0x20 || (0x09...0x0D).contains(value) {
                    isPendingSpace = !result.isEmpty
                    continue
                }
                if isPendingSpace {
                    result.append(" ")
                    isPendingSpace = false
                }
                let lower = (0x41...0x5A).contains(value) ? value + 0x20 : value
                result.unicodeScalars.append(Unicode.Scalar(UInt8(lower)))
            } else if let folded = table[value] {
                if isPendingSpace {
                    result.append(" ")
                    isPendingSpace = false
                }
                result += folded
            } else {
                return NameFolding.fold(name)
            }
        }
        return result
    }

    /// True when two names are the same after folding.
    static func matches(_ lhs: String, _ rhs: String) -> Bool {
        fold(lhs) == fold(rhs)
    }
}
