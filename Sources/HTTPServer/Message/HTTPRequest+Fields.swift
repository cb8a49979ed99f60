extension HTTPRequest {
    /// The query's name=value pairs in order, decoded like form fields; undecodable pairs are skipped.
    public var queryItems: [(name: String, value: String)] {
        (try? PercentDecoding.decodeForm(query, source: "query")) ?? []
    }

    /// The first query value for a name.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// Cookies sent in `Cookie` fields (RFC 6265 §5.4); the first occurrence of a name wins.
    public var cookies: [String: String] {
        var result: [String: String] = [:]
        for field in headers.values(for: "Cookie") {
            for pair in field.split(separator: ";") {
                let trimmed = pair.trimmingWhitespace()
                guard let equals = trimmed.firstIndex(of: "=") else { continue }
                let name = String(trimmed[..<equals])
                var value = trimmed[trimmed.index(after: equals)...]
                if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
                if result[name] == nil { result[name] = String(value) }
            }
        }
        return result
    }

    /// Decodes an `application/x-www-form-urlencoded` body; invalid encoding throws a 400 naming the field.
    public func formFields() throws(HTTPServerError) -> [(name: String, value: String)] {
        let bytes: [UInt8]
        do { bytes = try body.readAll() } catch { throw .bad("body", "could not read the request body") }
        return try PercentDecoding.decodeForm(String(decoding: bytes, as: UTF8.self), source: "form")
    }

    /// Form fields as a dictionary; the first occurrence of a name wins.
    public func formDictionary() throws(HTTPServerError) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in try formFields() where result[name] == nil { result[name] = value }
        return result
    }
}
