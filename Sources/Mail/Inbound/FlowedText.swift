/// RFC 3676 `format=flowed`: a line ending in a space continues on the next line (unless it is the signature
/// separator `-- `); quote depth is counted in leading `>`.
enum FlowedText {
    static func unwrap(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var paragraph: String?
        var paragraphDepth = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let depth = rawLine.prefix(while: { $0 == ">" }).count
            var line = String(rawLine.dropFirst(depth))
            // Space-stuffing (§4.4): one leading space was added by the sender.
            if line.hasPrefix(" ") { line.removeFirst() }
            let quote = String(repeating: ">", count: depth) + (depth > 0 ? " " : "")
            if let open = paragraph, depth != paragraphDepth {
                output.append(String(repeating: ">", count: paragraphDepth) + (paragraphDepth > 0 ? " " : "") + open)
                paragraph = nil
            }
            let isFlowed = line.hasSuffix(" ") && line != "-- "
            let piece = isFlowed && deleteSpace ? String(line.dropLast()) : line
            let joined = (paragraph ?? "") + piece
            if isFlowed {
                paragraph = joined
                paragraphDepth = depth
            } else {
                output.append(quote + joined)
                paragraph = nil
            }
        }
        if let open = paragraph {
            output.append(String(repeating: ">", count: paragraphDepth) + (paragraphDepth > 0 ? " " : "") + open)
        }
        return output.joined(separator: "\n")
    }
}
