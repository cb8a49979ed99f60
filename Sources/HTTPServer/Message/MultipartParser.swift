import Foundation
import Glibc

/// The state machine behind `MultipartFormData`: delimiter search over a sliding buffer (RFC 2046 §5.1).
struct MultipartParser {
    enum State {
        case preamble
        case afterDelimiter
        case transportPadding
        case partHeaders
        case content
        case done
    }

    let delimiter: [UInt8]
    let directory: String
    let limits: MultipartLimits
    var state = State.preamble
    // Starts with CRLF so the first delimiter looks like every later one.
    var buffer: [UInt8] = [0x0D, 0x0A]
    var parts: [MultipartPart] = []
    var current: MultipartPart?
    var fieldBytes: [UInt8] = []
    var file: FileHandle?
    var fileLength = 0

    init(boundary: String, directory: String, limits: MultipartLimits) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        self.directory = directory
        self.limits = limits
    }

    mutating func consume(_ chunk: [UInt8]) throws(HTTPServerError) {
        buffer += chunk
        var progressed = true
        while progressed {
            progressed = try step()
        }
    }

    /// One transition; false when more bytes are needed.
    mutating func step() throws(HTTPServerError) -> Bool {
        switch state {
        case .preamble:
            guard let found = Self.find(delimiter, in: buffer) else {
                buffer = Array(buffer.suffix(delimiter.count - 1))
                return false
            }
            buffer.removeFirst(found + delimiter.count)
            state = .afterDelimiter
        case .afterDelimiter:
            guard buffer.count >= 2 else { return false }
            if buffer[0] == 0x2D, buffer[1] == 0x2D {
                state = .done
                buffer.removeAll()
                return false
            }
            state = .transportPadding
        case .transportPadding:
            // Spaces and tabs may follow a delimiter, then CRLF; "--" only directly (found by fuzzing).
            while let first = buffer.first, first == 0x20 || first == 0x09 { buffer.removeFirst() }
            guard buffer.count >= 2 else { return false }
            guard buffer[0] == 0x0D, buffer[1] == 0x0A else {
                throw .bad("multipart", "delimiter must be followed by CRLF")
            }
            buffer.removeFirst(2)
            state = .partHeaders
        case .partHeaders:
            // A part with no header lines at all starts right after the delimiter's CRLF.
            if buffer.starts(with: [0x0D, 0x0A]) { throw .bad("multipart", "part without Content-Disposition") }
            // The limit is checked the same way whether the end was found or not, so the answer
            // does not depend on how the body was split (found by fuzzing).
            let end = Self.find(Array("\r\n\r\n".utf8), in: buffer)
            // Not found yet means the end starts at buffer.count - 3 at the earliest.
            if (end ?? buffer.count - 3) > limits.maxPartHeaderBytes {
                throw .bad("multipart", "part headers over \(limits.maxPartHeaderBytes) bytes")
            }
            guard let end else { return false }
            let headerText = String(decoding: buffer[..<end], as: UTF8.self)
            buffer.removeFirst(end + 4)
            try beginPart(headerText)
            state = .content
        case .content:
            if let found = Self.find(delimiter, in: buffer) {
                try append(buffer[..<found])
                buffer.removeFirst(found + delimiter.count)
                try endPart()
                state = .afterDelimiter
            } else {
                let keep = delimiter.count - 1
                guard buffer.count > keep else { return false }
                try append(buffer[..<(buffer.count - keep)])
                buffer.removeFirst(buffer.count - keep)
                return false
            }
        case .done:
            buffer.removeAll()
            return false
        }
        return true
    }

    mutating func finish() throws(HTTPServerError) -> [MultipartPart] {
        guard case .done = state else {
            try? file?.close()
            throw .bad("multipart", "body ended before the closing delimiter")
        }
        return parts
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count, let first = needle.first else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
