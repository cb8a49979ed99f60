import Foundation

/// One part of a `multipart/form-data` body (RFC 7578).
public struct MultipartPart: Sendable, Equatable {
    /// Where a part's content ended up.
    public enum Content: Sendable, Equatable {
        /// A plain field, decoded as UTF-8.
        case text(String)
        /// A file part written to disk; the caller moves or deletes the file.
        case file(path: String, length: Int)
    }

    /// The `name` parameter of `Content-Disposition`.
    public var name: String
    /// The `filename` parameter, if the part is a file.
    public var filename: String?
    /// The part's `Content-Type`, if sent.
    public var contentType: String?
    /// The content.
    public var content: Content
}

/// Limits for multipart parsing, each with a documented default.
public struct MultipartLimits: Sendable {
    /// Most parts in one body (default 100).
    public var maxParts: Int
    /// Largest plain (non-file) field kept in memory (default 64 KiB).
    public var maxFieldBytes: Int
    /// Largest header block of one part (default 8 KiB).
    public var maxPartHeaderBytes: Int

    /// Creates limits; every argument has the documented default.
    public init(maxParts: Int = 100, maxFieldBytes: Int = 64 * 1024, maxPartHeaderBytes: Int = 8 * 1024) {
        self.maxParts = maxParts
        self.maxFieldBytes = maxFieldBytes
        self.maxPartHeaderBytes = maxPartHeaderBytes
    }
}

/// A streaming `multipart/form-data` parser: reads the body in chunks, so file parts never sit in memory.
public enum MultipartFormData {
    /// The `boundary` parameter of a `multipart/form-data` content type.
    public static func boundary(from contentType: String) throws(HTTPServerError) -> String {
        let parameters = contentType.split(separator: ";").map { $0.trimmingWhitespace() }
        guard parameters.first?.lowercased() == "multipart/form-data" else {
            throw HTTPServerError(.unsupportedMediaType, field: "Content-Type", rule: "expected multipart/form-data")
        }
        for parameter in parameters.dropFirst() where parameter.lowercased().hasPrefix("boundary=") {
            var value = parameter.dropFirst("boundary=".count)
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
            // RFC 2046 §5.1.1: 1 to 70 characters.
            guard (1...70).contains(value.count) else { break }
            return String(value)
        }
        throw .bad("Content-Type", "multipart/form-data needs a boundary of 1 to 70 characters")
    }

    /// Parses a request's multipart body; file parts go to new files in `directory`.
    public static func parse(
        _ request: HTTPRequest, directory: String = NSTemporaryDirectory(), limits: MultipartLimits = MultipartLimits()
    ) throws(HTTPServerError) -> [MultipartPart] {
        let boundary = try boundary(from: request.headers["Content-Type"] ?? "")
        let source: ChunkSource
        switch request.body {
        case .bytes(let bytes): source = ChunkSource(bytes: bytes)
        case .file(let path, _): source = try ChunkSource(path: path)
        }
        var parser = MultipartParser(boundary: boundary, directory: directory, limits: limits)
        while let chunk = try source.next() { try parser.consume(chunk) }
        return try parser.finish()
    }
}

/// Reads a body in 64 KiB chunks, from memory or from a file.
final class ChunkSource {
    private var bytes: [UInt8]
    private var offset = 0
    private let handle: FileHandle?

    init(bytes: [UInt8]) {
        self.bytes = bytes
        handle = nil
    }

    init(path: String) throws(HTTPServerError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .bad("body", "streamed body file is missing")
        }
        self.handle = handle
        bytes = []
    }

    deinit { try? handle?.close() }

    func next() throws(HTTPServerError) -> [UInt8]? {
        if let handle {
            let data: Data?
            do { data = try handle.read(upToCount: 64 * 1024) } catch {
                throw .bad("body", "could not read the streamed body")
            }
            guard let data, !data.isEmpty else { return nil }
            return [UInt8](data)
        }
        guard offset < bytes.count else { return nil }
        let end = min(bytes.count, offset + 64 * 1024)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}
