/// File names from mail made safe to store and offer for download.
enum AttachmentName {
    /// Longest name kept, in UTF-8 bytes (the usual file-system limit).
    static let maxByteCount = 255

    /// The last path component only (no `/` or `\`), without control or bidirectional-override characters,
    /// leading dots or Windows-reserved characters; a name for the type when nothing usable is left.
    static func sanitized(_ suggested: String?, contentType: String) -> String {
        let lastComponent =
            suggested?.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in lastComponent.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: continue
            case 0x3A, 0x2A, 0x3F, 0x22, 0x3C, 0x3E, 0x7C: scalars.append("_")
            default: scalars.append(scalar)
            }
        }
        var name = String(scalars).trimmingWhitespace()
        while name.hasPrefix(".") { name.removeFirst() }
        while name.utf8.count > maxByteCount { name.removeFirst() }
        name = name.trimmingWhitespace()
        return name.isEmpty ? fallback(for: contentType) : name
    }

    /// `attachment` with an extension for common types.
    private static func fallback(for contentType: String) -> String {
        let extensions = [
            "message/rfc822": "eml", "text/plain": "txt", "text/html": "html", "image/jpeg": "jpg",
            "image/png": "png", "image/gif": "gif", "application/pdf": "pdf", "application/ms-tnef": "dat",
        ]
        return "attachment." + (extensions[contentType] ?? "bin")
    }
}
