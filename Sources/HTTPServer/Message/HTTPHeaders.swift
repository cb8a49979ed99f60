/// Header fields in wire order with case-insensitive lookup (RFC 9110 §5.1).
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// The fields as (name, value) pairs in the order received or added.
    public private(set) var fields: [(name: String, value: String)] = []

    /// Creates empty headers.
    public init() {}

    /// Creates headers from literal pairs, in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { add(name, value) }
    }

    /// Number of fields.
    public var count: Int { fields.count }

    /// Appends a field, keeping any existing one with the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    /// Replaces every field with this name by a single one.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append((name, value))
    }

    /// Removes every field with this name.
    public mutating func remove(_ name: String) {
        fields.removeAll { Self.equalNames($0.name, name) }
    }

    /// The first value for a name, compared case-insensitively.
    public subscript(name: String) -> String? {
        fields.first { Self.equalNames($0.name, name) }?.value
    }

    /// Every value for a name, in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.equalNames($0.name, name) }.map(\.value)
    }

    /// Whether a field with this name exists.
    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// Whether a comma-separated field contains a token, case-insensitively (e.g. `Connection: close`).
    public func containsToken(_ token: String, in name: String) -> Bool {
        values(for: name).contains { value in
            value.split(separator: ",").contains { $0.trimmingWhitespace().lowercased() == token.lowercased() }
        }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    // ASCII-only fold: header names are tokens, so no Unicode case mapping is needed.
    static func equalNames(_ lhs: String, _ rhs: String) -> Bool {
        let a = lhs.utf8
        let b = rhs.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            let folded = x | 0x20
            if folded != y | 0x20 || folded < 0x61 || folded > 0x7A { return false }
        }
        return true
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
