import Foundation

/// Folds personal names for matching: case, diacritics and spacing do not count (`Łukasiewicz` = `LUKASIEWICZ`).
public enum NameFolding {
    // Letters that Unicode does not decompose into a base letter plus a mark, so stripping marks misses them.
    private static let letterReplacements: [Character: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ħ": "h",
        "ŧ": "t", "ŀ": "l", "ĸ": "k",
    ]

    /// The folded form of `name`: lower-case, no diacritics, single spaces, no leading or trailing space.
    public static func fold(_ name: String) -> String {
        var result = ""
        result.reserveCapacity(name.utf8.count)
        var isPendingSpace = false
        // Lower-case first so upper-case special letters (Ł, Ø, Æ) meet their lower-case table entries.
        for character in name.lowercased() {
            if character.isWhitespace {
                isPendingSpace = !result.isEmpty
                continue
            }
            if isPendingSpace {
                result.append(" ")
                isPendingSpace = false
            }
            appendFolded(character, to: &result)
        }
        return result
    }

    /// True when two names are the same after folding.
    public static func matches(_ lhs: String, _ rhs: String) -> Bool {
        fold(lhs) == fold(rhs)
    }

    private static func appendFolded(_ character: Character, to result: inout String) {
        if let replacement = letterReplacements[character] {
            result += replacement
            return
        }
        // й is a letter of its own in Russian, not и with a mark: keep it whole.
        if character == "й" {
            result.append(character)
            return
        }
        // Canonical decomposition (NFD) splits é into e + U+0301; the combining marks are then dropped.
        for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        where !isCombiningMark(scalar) && !isInvisible(scalar) {
            result.unicodeScalars.append(scalar)
        }
    }

    // Soft hyphens, zero-width spaces and joiners ride along with names pasted from documents and e-mails.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
