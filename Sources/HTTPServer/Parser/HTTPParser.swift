/// An incremental, strict HTTP/1.1 request parser (RFC 9112); feed it bytes as they arrive.
///
/// Call `next(in:from:)` until it returns nil (more bytes needed). After a `.head`
/// event set `maxBodyBytes` for the matched route before asking for the body.
public struct HTTPParser: Sendable {
    enum State: Sendable, Equatable {
        case requestLine
        case headers
        case beginBody
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case endOfMessage
    }

    /// The limits checked while bytes arrive.
    public var limits: HTTPParserLimits
    /// Largest body accepted for the current request; reset to the default at each new request.
    public var maxBodyBytes: Int
    var state: State = .requestLine
    var head: HTTPRequestHead?
    var headerBytes = 0
    var bodyBytes = 0
    var trailers = HTTPHeaders()
    // Where the scan for the current line's end resumes, so a slow client costs no rescans.
    var scanOffset = 0
    var pendingMethod: HTTPMethod = .get
    var pendingTarget = ""
    var pendingVersion = HTTPVersion.http1_1
    var pendingHeaders = HTTPHeaders()

    /// Creates a parser with these limits.
    public init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
        self.maxBodyBytes = limits.defaultMaxBodyBytes
    }

    /// Whether the parser is between requests with no bytes of a next one seen.
    public var isIdle: Bool { state == .requestLine && scanOffset == 0 }

    /// Whether the parser is inside a request body.
    public var isReadingBody: Bool {
        switch state {
        case .beginBody, .fixedBody, .chunkSize, .chunkData, .chunkDataEnd, .trailers, .endOfMessage: true
        case .requestLine, .headers: false
        }
    }

    /// Parses from `index` up to the end of `buffer`, advancing `index` past what it consumed.
    public mutating func next(in buffer: UnsafeBufferPointer<UInt8>, from index: inout Int) throws(HTTPServerError)
        -> HTTPParserEvent?
    {
        while true {
            switch state {
            case .requestLine:
                // RFC 9112 §2.2: ignore empty lines before the request line.
                while index + 1 < buffer.count, buffer[index] == 0x0D, buffer[index + 1] == 0x0A, scanOffset == 0 {
                    index += 2
                }
                guard
                    let lineEnd = try findLineEnd(
                        buffer, from: index, limit: limits.maxRequestLineBytes, tooLong: .uriTooLong,
                        field: "request-line")
                else { return nil }
                try parseRequestLine(UnsafeBufferPointer(rebasing: buffer[index..<lineEnd]))
                index = lineEnd + 2
                headerBytes = 0
                pendingHeaders = HTTPHeaders()
                state = .headers
            case .headers, .trailers:
                let remaining = limits.maxHeaderBytes - headerBytes
                guard
                    let lineEnd = try findLineEnd(
                        buffer, from: index, limit: max(remaining, 0), tooLong: .requestHeaderFieldsTooLarge,
                        field: "header section")
                else { return nil }
                let line = UnsafeBufferPointer(rebasing: buffer[index..<lineEnd])
                headerBytes += line.count + 2
                index = lineEnd + 2
                if line.isEmpty {
                    if state == .trailers {
                        let done = trailers
                        trailers = HTTPHeaders()
                        state = .requestLine
                        return .end(trailers: done)
                    }
                    let head = try makeHead()
                    state = .beginBody
                    self.head = head
                    maxBodyBytes = limits.defaultMaxBodyBytes
                    bodyBytes = 0
                    return .head(head)
                }
                let count = state == .trailers ? pendingHeaders.count + trailers.count : pendingHeaders.count
                guard count < limits.maxHeaderCount else {
                    throw HTTPServerError(
                        .requestHeaderFieldsTooLarge, field: "header section",
                        rule: "more than \(limits.maxHeaderCount) fields")
                }
                let (name, value) = try parseField(line)
                if state == .trailers { trailers.add(name, value) } else { pendingHeaders.add(name, value) }
            case .beginBody:
                switch head?.framing ?? .none {
                case .none, .length(0):
                    state = .endOfMessage
                case .length(let length):
                    guard length <= maxBodyBytes else {
                        throw HTTPServerError(
                            .contentTooLarge, field: "Content-Length", rule: "body larger than \(maxBodyBytes) bytes")
                    }
                    state = .fixedBody(remaining: length)
                case .chunked:
                    state = .chunkSize
                }
            case .fixedBody(let remaining):
                guard index < buffer.count else { return nil }
                let take = min(remaining, buffer.count - index)
                let range = index..<(index + take)
                index += take
                state = remaining == take ? .endOfMessage : .fixedBody(remaining: remaining - take)
                return .body(range)
            case .chunkSize:
                guard
                    let lineEnd = try findLineEnd(
                        buffer, from: index, limit: limits.maxRequestLineBytes, tooLong: .badRequest,
                        field: "chunk-size")
                else { return nil }
                let size = try parseChunkSize(UnsafeBufferPointer(rebasing: buffer[index..<lineEnd]))
                index = lineEnd + 2
                if size == 0 {
                    state = .trailers
                    continue
                }
                guard size <= maxBodyBytes - bodyBytes else {
                    throw HTTPServerError(
                        .contentTooLarge, field: "chunked body", rule: "body larger than \(maxBodyBytes) bytes")
                }
                bodyBytes += size
                state = .chunkData(remaining: size)
            case .chunkData(let remaining):
                guard index < buffer.count else { return nil }
                let take = min(remaining, buffer.count - index)
                let range = index..<(index + take)
                index += take
                state = remaining == take ? .chunkDataEnd : .chunkData(remaining: remaining - take)
                return .body(range)
            case .chunkDataEnd:
                guard index < buffer.count else { return nil }
                guard buffer[index] == 0x0D else { throw .bad("chunk-data", "chunk data must end with CRLF") }
                guard index + 1 < buffer.count else { return nil }
                guard buffer[index + 1] == 0x0A else { throw .bad("chunk-data", "chunk data must end with CRLF") }
                index += 2
                state = .chunkSize
            case .endOfMessage:
                state = .requestLine
                return .end(trailers: HTTPHeaders())
            }
        }
    }

    /// Finds the CR of the CRLF ending the line at `start`; nil when more bytes are needed.
    mutating func findLineEnd(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, tooLong: HTTPStatus, field: String
    ) throws(HTTPServerError) -> Int? {
        var i = start + scanOffset
        while i < buffer.count {
            // Length first, so the answer does not depend on how the bytes were split (found by fuzzing).
            guard i - start <= limit else {
                throw HTTPServerError(tooLong, field: field, rule: "longer than \(limit) bytes")
            }
            let byte = buffer[i]
            if byte == 0x0A {
                throw .bad(field, "bare LF line end; lines must end with CRLF")
            }
            if byte == 0x0D {
                guard i + 1 < buffer.count else { break }
                guard buffer[i + 1] == 0x0A else { throw .bad(field, "bare CR; lines must end with CRLF") }
                scanOffset = 0
                return i
            }
            i += 1
        }
        scanOffset = i - start
        // The limit is checked as bytes arrive, so an endless line is cut off early.
        guard scanOffset <= limit else {
            throw HTTPServerError(tooLong, field: field, rule: "longer than \(limit) bytes")
        }
        return nil
    }
}
