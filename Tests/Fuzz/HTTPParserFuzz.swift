import Foundation

// libFuzzer target for HTTPParser and MultipartParser; not a SwiftPM target. Build and run: see Sources/HTTPServer/README.md.
//
// Invariants checked on every input:
// - the parser never crashes, never moves its index backwards or past the end, and body ranges lie inside the buffer;
// - feeding the input whole or one byte at a time gives the same events and the same error (no state lost at a split);
// - the same for the input read as a multipart/form-data body, and file parts hold exactly their reported length.

func describe(_ event: HTTPParserEvent, _ buffer: UnsafeBufferPointer<UInt8>) -> String {
    switch event {
    case .head(let head):
        if let request = try? HTTPRequest(method: head.method, target: head.target, headers: head.headers) {
            _ = request.queryItems
            _ = request.cookies
        }
        return
            "head \(head.method) \(head.target) \(head.version) \(head.headers.count) \(head.framing) \(head.isKeepAlive)"
    case .body(let range):
        precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count, "body range outside buffer")
        // Bytes as numbers, so a UTF-8 sequence cut by the split reads the same once pieces are joined.
        return "body " + buffer[range].map { "\($0)," }.joined()
    case .end(let trailers):
        return "end \(trailers.count)"
    }
}

/// Runs the parser over `input` fed in pieces of `step` bytes; returns the events (bodies merged) and the error.
func run(_ input: UnsafeBufferPointer<UInt8>, step: Int) -> [String] {
    let limits = HTTPParserLimits(
        maxRequestLineBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 8, defaultMaxBodyBytes: 128)
    var parser = HTTPParser(limits: limits)
    var buffer: [UInt8] = []
    var index = 0
    var events: [String] = []
    var fed = 0
    while fed < input.count {
        let next = min(input.count, fed + step)
        buffer.append(contentsOf: input[fed..<next])
        fed = next
        while true {
            let before = index
            do {
                let event = try buffer.withUnsafeBufferPointer { b throws(HTTPServerError) in
                    let event = try parser.next(in: b, from: &index)
                    return event.map { describe($0, b) }
                }
                precondition(index >= before && index <= buffer.count, "index moved outside the buffer")
                guard let event else { break }
                if event.hasPrefix("body "), let last = events.last, last.hasPrefix("body ") {
                    events[events.count - 1] = last + event.dropFirst(5)
                } else {
                    events.append(event)
                }
            } catch {
                events.append("error \(error.status.code)")
                return events
            }
        }
    }
    return events
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let whole = run(input, step: max(size, 1))
    let bytewise = run(input, step: 1)
    precondition(whole == bytewise, "split-dependent result:\n\(whole)\n\(bytewise)")
    if let body = String(validating: input, as: UTF8.self) {
        _ = try? PercentDecoding.decodeForm(body, source: "form")
    }
    let wholeParts = multipart(Array(input), step: max(size, 1))
    let bytewiseParts = multipart(Array(input), step: 1)
    precondition(wholeParts == bytewiseParts, "split-dependent multipart result:\n\(wholeParts)\n\(bytewiseParts)")
    return 0
}

/// Parses the input as a multipart body with boundary `XyZ`, fed in `step`-byte chunks; file parts are read back and removed.
func multipart(_ input: [UInt8], step: Int) -> String {
    var parser = MultipartParser(
        boundary: "XyZ", directory: "/tmp",
        limits: MultipartLimits(maxParts: 4, maxFieldBytes: 64, maxPartHeaderBytes: 128))
    var result = ""
    do {
        var offset = 0
        while offset < input.count {
            let end = min(input.count, offset + step)
            try parser.consume(Array(input[offset..<end]))
            offset = end
        }
        for part in try parser.finish() {
            switch part.content {
            case .text(let text): result += "\(part.name)=\(text);"
            case .file(let path, let length):
                let data = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
                precondition(data.count == length, "file part length differs from its file")
                result += "\(part.name) file \(Array(data));"
            }
        }
    } catch {
        result += "error \(error.field)"
    }
    // Remove file parts, including those of a part that failed midway.
    if let file = parser.current, case .file(let path, _) = file.content { unlink(path) }
    for part in parser.parts { if case .file(let path, _) = part.content { unlink(path) } }
    return result
}
