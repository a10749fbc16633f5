extension JSONWriter {
    /// Rewrites JSON text in this writer's style: the same bytes as `write(try parser.parse(bytes))`,
    /// but without building a ``JSONValue``.
    ///
    /// ```swift
    /// let compact = try JSONWriter(style: .compact).reformat(bytes)   // what `evalnorm fmt --compact` writes
    /// ```
    ///
    /// Tokens are copied from the input: numbers and literals as they are, strings without escapes
    /// byte for byte (after checking their UTF-8), strings with escapes decoded and escaped again as
    /// ``JSONWriter`` escapes them. Input the reformatter does not accept is handed to `parser`, so
    /// malformed input throws exactly the error ``JSONParser`` throws, with its position and pointer.
    ///
    /// In compact style, a document that `parser` would read on two threads (2 MiB or more, unless
    /// it was made with `splitsLargeDocuments: false`) is reformatted on two threads too, with the
    /// same text and the same errors.
    public func reformat(_ bytes: [UInt8], parser: JSONParser = JSONParser()) throws(EvalNormError) -> [UInt8] {
        if let copied = copyReformatted(bytes, limits: parser) { return copied }
        return write(try parser.parse(bytes))
    }

    /// Reformats as ``reformat(_:parser:)`` does, handing the text to `write` in pieces of at most
    /// `chunkSize` bytes once the whole input has been read (nothing is written for malformed input):
    /// a large document's text is then not held twice, as the array and in whatever `write` fills.
    public func reformat(_ bytes: [UInt8], parser: JSONParser = JSONParser(), chunkSize: Int = 64 << 10,
                         write: ([UInt8]) -> Void) throws(EvalNormError) {
        let chunkSize = max(1, chunkSize)
        var failure: EvalNormError?
        bytes.withUnsafeBytes { input in
            do throws(EvalNormError) {
                try reformat(bytes: input, parser: parser, chunkSize: chunkSize) { piece in
                    for start in stride(from: 0, to: piece.count, by: chunkSize) {
                        write(Array(piece[start..<min(start + chunkSize, piece.count)]))
                    }
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// Reformats as ``reformat(_:parser:)`` does, from memory the caller keeps (a mapped file, say),
    /// handing the text to `write` in pieces once the whole input has been read (nothing is written
    /// for malformed input), without copying it into arrays: each piece is valid only during the
    /// call. The pieces are chunks of exactly `chunkSize` bytes but the last, and stretches of the
    /// input at least that long, which come whole.
    public func reformat(bytes: UnsafeRawBufferPointer, parser: JSONParser = JSONParser(), chunkSize: Int = 64 << 10,
                         write: (UnsafeRawBufferPointer) -> Void) throws(EvalNormError) {
        // UTF-8 bytes, read as `UInt8` the way the parser reads them (`JSONScanner.init(bytes:limits:)`).
        var reformatter = Reformatter(input: bytes.assumingMemoryBound(to: UInt8.self), style: style,
                                      indentWidth: indentWidth, limits: parser)
        guard reformatter.run() else {
            let text = self.write(try parser.parse(bytes: bytes))  // throws: the reformatter accepts what the parser accepts
            text.withUnsafeBytes { write($0) }
            return
        }
        // Pieces are gathered into chunks of exactly `chunkSize` bytes (a buffered writer such as
        // `OutputChannel` then writes them without copying them again), except that a stretch at
        // least that long is handed over as it is when no chunk is under way.
        let chunkSize = max(1, chunkSize)
        var chunk = OutputBuffer(capacity: chunkSize)
        reformatter.forEachPiece { piece in
            var rest = piece
            while !rest.isEmpty {
                if chunk.count == 0, rest.count >= chunkSize {
                    write(UnsafeRawBufferPointer(rest))
                    return
                }
                let taken = min(chunkSize - chunk.count, rest.count)
                chunk.append(UnsafeBufferPointer(rebasing: rest[..<(rest.startIndex + taken)]))
                rest = UnsafeBufferPointer(rebasing: rest[(rest.startIndex + taken)...])
                if chunk.count == chunkSize {
                    chunk.withBytes { write(UnsafeRawBufferPointer($0)) }
                    chunk.removeAll()
                }
            }
        }
        if chunk.count > 0 { chunk.withBytes { write(UnsafeRawBufferPointer($0)) } }
    }

    /// The reformatted text when the reformatter accepts `bytes` (exactly when `limits` parses them),
    /// else `nil`.
    func copyReformatted(_ bytes: [UInt8], limits: JSONParser) -> [UInt8]? {
        copyReformattedReportingSplit(bytes, limits: limits)?.text
    }

    /// The reformatted text, as ``copyReformatted(_:limits:)`` gives it, and whether a helper
    /// thread's share of it was taken.
    func copyReformattedReportingSplit(_ bytes: [UInt8], limits: JSONParser) -> (text: [UInt8], split: Bool)? {
        bytes.withUnsafeBufferPointer { input in
            var reformatter = Reformatter(input: input, style: style, indentWidth: indentWidth, limits: limits)
            guard reformatter.run() else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(reformatter.textCount)
            reformatter.forEachPiece { output.append(contentsOf: $0) }
            return (output, reformatter.tookSplit)
        }
    }
}

/*
 How the reformatter works

 It walks the input once with the parser's grammar. Like the parser it does not recurse: an array of
 open containers (`frames`) says whether each is an object and how many members it has so far, which
 the limits and the pretty layout need.

 It accepts exactly the documents the parser accepts, within the same limits, and for those it writes
 what the writer writes for the parsed value: white space is dropped (or laid out as the writer lays
 it out), numbers and literals are kept as written, string content is kept as written except for the
 escapes the writer spells differently (`\/` and `\uXXXX`, which it writes as the character itself
 or as its own escape). Where the input breaks a rule, `run` returns `false` at once and the caller
 parses the input to throw the parser's error, so this file has no error messages to keep in step.

 Output is the input with edits. Bytes the writer writes as they are, which are nearly all of them,
 are not copied one token at a time: `input[pending..<index]` is the stretch read but not yet taken,
 and only an edit (white space dropped, an escape rewritten, a line break of pretty output) takes it
 (`flush`) before writing its own bytes to `output` and moving `pending` past what it replaced.
 A stretch of 32 bytes or more is not even copied: the text is a list of `pieces`, each a range of the
 input or of `output`, which the caller copies once, into its own chunks. For compact input that is a
 handful of pieces per kilobyte, and no buffer as large as the input to fill (fresh memory costs a
 page fault per 4 KiB, more than the copy).

 Two threads share a large input. In compact style it is split as the parser splits it
 (`ParseSplit`): a helper reformats the rest of the largest array of objects, from
 `ParseSplit.splitOffset` up to the array's `]`, into pieces of its own, and checks the UTF-8 of that
 part; when the calling thread arrives at that offset between elements, it takes those pieces (if the
 helper read them within the limits as they are there) and goes on after the `]`. Otherwise it reads
 on by itself, checking the UTF-8 as it goes, as it would have alone. Pretty output cannot be split
 so: its indentation depends on how deep the array is, which only the calling thread knows once it
 gets there. A large input that is not split has its UTF-8 checked on a thread of its own instead.
*/

/// A stretch of the reformatted text: a range of the input, or of the bytes the reformatter wrote.
private struct Piece {
    var fromInput: Bool
    var start: Int
    var count: Int
}

/// The helper's text: the rest of an array's elements from `ParseSplit.splitOffset`, up to and
/// including its `]`.
private struct ReformatShare {
    var pieces: [Piece]
    /// The bytes the helper wrote, which its pieces not from the input are ranges of.
    var output: [UInt8]
    var textCount: Int
    /// The offset after the array's `]`.
    var end: Int
    /// The input's UTF-8 is well-formed from `ParseSplit.splitOffset` up to here, at or past `end`.
    var utf8Checked: Int
    /// The most arrays and objects open at once, the array itself included.
    var depth: Int
    /// The number of elements read.
    var elements: Int
}

private struct Reformatter: ~Copyable {
    private struct Frame {
        var isObject: Bool
        var members = 0
    }

    let input: UnsafeBufferPointer<UInt8>
    let count: Int
    let pretty: Bool
    let indentWidth: Int
    let limits: JSONParser
    /// Bytes the reformatter writes itself: escapes, layout, and short stretches of the input.
    private var output = OutputBuffer(capacity: 64 << 10)
    /// The text, in order; `output[outputTaken...]` is still to be added as a piece.
    private var pieces: [Piece] = []
    private var outputTaken = 0
    /// The total length of the text.
    private(set) var textCount = 0
    /// Stretches of the input at least this long become pieces of their own instead of being copied.
    private static let shortestInputPiece = 32
    /// The input's UTF-8 is known to be well-formed before this position (a sequence boundary).
    private var utf8Checked = 0
    /// Inputs this long or longer have their UTF-8 checked on a thread of its own: about a fifth of
    /// the work, where starting a thread costs some tens of microseconds.
    private static let shortestInputCheckedApart = 1 << 20
    /// How far ahead of a string the UTF-8 is checked: little enough to stay in the cache.
    private static let utf8Window = 32 << 10
    /// The next byte to read.
    private var index = 0
    /// The first byte read that is still to be copied to `output`; `pending <= index` always.
    private var pending = 0
    private var frames: [Frame] = []
    /// The most arrays and objects open at once, counting each empty one as opened.
    private var peakDepth = 0

    /// Where the helper's share starts (`-1` for none) and the helper that reads it; whether it was taken.
    private var splitOffset = -1
    private var split: HelperThread<ReformatShare?>?
    private(set) var tookSplit = false
    /// The helper itself reads from inside an array with no frame below it, and stops after its `]`;
    /// that array's number of elements.
    private var readsShare = false
    private var elementsRead = 0

    init(input: UnsafeBufferPointer<UInt8>, style: JSONWriter.Style, indentWidth: Int, limits: JSONParser) {
        self.input = input
        self.count = input.count
        self.pretty = style == .pretty
        self.indentWidth = indentWidth
        self.limits = limits
    }

    /// Writes the reformatted document to `output`; `false` when the parser would reject the input.
    mutating func run() -> Bool {
        guard count <= limits.maxDocumentSize else { return false }
        if count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { return false }  // byte order mark
        // Room for a piece per 64 bytes of input, which compact input rarely needs more of (the
        // Aegis run has one per 215 bytes): growing the array would copy it into fresh memory,
        // while reserved pages that are never written cost nothing.
        pieces.reserveCapacity(count / 64)
        startSplit()
        defer { _ = split?.wait() }  // the helper reads the input
        if split == nil, count >= Reformatter.shortestInputCheckedApart {
            // The UTF-8 of a large input is checked on another thread while this one reads the
            // document; `wait` returns only once that thread is done with the input. (When a
            // helper reads part of the document, each thread checks the UTF-8 of its own part.)
            let input = self.input
            let check = HelperThread { StringBytes.isWellFormedUTF8(input) }
            utf8Checked = count  // so that `copyString` does not check it too
            let parsed = parseDocument()
            guard check.wait(), parsed else { return false }
        } else {
            guard parseDocument(), checkUTF8(through: count) else { return false }
        }
        flush()
        takeOutput()
        return true
    }

    /// In compact style, for an input of `limits.minimumSplitSize` or more, starts a helper on the
    /// place where ``ParseSplit`` would split it, if there is one.
    private mutating func startSplit() {
        guard !pretty, count >= limits.minimumSplitSize,
              let offset = ParseSplit.splitOffset(in: UnsafeRawBufferPointer(input), limits: limits) else { return }
        let (input, limits) = (self.input, self.limits)
        split = HelperThread { () -> ReformatShare? in
            var helper = Reformatter(input: input, style: .compact, indentWidth: 0, limits: limits)
            return helper.readShare(from: offset)
        }
        splitOffset = offset
    }

    /// The helper's work: the elements of an array from `offset`, the start of one after a comma,
    /// up to and including the array's `]`; `nil` where they do not read so within the limits as
    /// they look from here. (Either way the calling thread uses this only if it arrives at `offset`
    /// between elements; otherwise it reads on by itself.)
    private mutating func readShare(from offset: Int) -> ReformatShare? {
        utf8Checked = offset  // the start of an element, so of a UTF-8 sequence
        readsShare = true
        index = offset
        pending = offset
        frames = [Frame(isObject: false)]
        peakDepth = 1
        pieces.reserveCapacity((count - offset) / 64)
        guard parseDocument(), checkUTF8(through: index) else { return nil }
        flush()
        takeOutput()
        return ReformatShare(pieces: pieces, output: output.withBytes { Array($0) }, textCount: textCount,
                             end: index, utf8Checked: utf8Checked, depth: peakDepth, elements: elementsRead)
    }

    /// At `splitOffset`, the start of an array element after a comma: takes the helper's text of the
    /// rest of the array when it read it within the limits as they are here, and goes on after the
    /// array's `]`, its frame closed; `false` (and this thread reads on by itself) when the helper
    /// failed, when its elements nest too deep or are too many for where the array is, or when the
    /// UTF-8 before `splitOffset` is ill-formed.
    private mutating func takeShare() -> Bool {
        splitOffset = -1
        guard let split, let last = frames.indices.last, !frames[last].isObject, let share = split.wait(),
              frames.count - 1 + share.depth <= limits.maxDepth,
              frames[last].members + share.elements <= limits.maxMembers,
              checkUTF8(through: index)  // up to the helper's part, which it checked itself
        else { return false }
        utf8Checked = max(utf8Checked, share.utf8Checked)
        flush()
        takeOutput()
        let base = output.count
        share.output.withUnsafeBufferPointer { output.append($0) }
        for piece in share.pieces {
            pieces.append(piece.fromInput ? piece : Piece(fromInput: false, start: base + piece.start, count: piece.count))
        }
        outputTaken = output.count
        textCount += share.textCount
        index = share.end
        pending = share.end
        frames.removeLast()
        tookSplit = true
        return true
    }

    /// Calls `body` with the pieces of the text, in order, once `run` has returned `true`.
    func forEachPiece(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        for piece in pieces {
            if piece.fromInput {
                // A range `pending..<index` that `flush` took, inside the input (see there).
                body(UnsafeBufferPointer(rebasing: input[piece.start..<(piece.start + piece.count)]))
            } else {
                output.withBytes(in: piece.start..<(piece.start + piece.count), body)
            }
        }
    }

    private mutating func parseDocument() -> Bool {
        while true {
            // 1. A value; a non-empty container opens a frame and goes round again for its first value.
            skipWhitespace()
            guard index < count else { return false }
            switch input[index] {
            case .quote:
                guard copyString() else { return false }
            case .openBrace, .openBracket:
                if index == splitOffset, takeShare() { break }  // the helper's elements, and their array's `]`
                let isObject = input[index] == .openBrace
                guard frames.count < limits.maxDepth else { return false }
                peakDepth = max(peakDepth, frames.count + 1)
                index += 1
                skipWhitespace()
                guard index < count else { return false }
                if input[index] == (isObject ? .closeBrace : .closeBracket) {
                    index += 1  // `{}` or `[]`, white space inside dropped
                } else {
                    frames.append(Frame(isObject: isObject))
                    newline()
                    if isObject { guard copyKey() else { return false } }
                    continue
                }
            case .minus, .zero ... .nine:
                guard copyNumber() else { return false }
            case .lowercaseT:
                guard copyLiteral("true") else { return false }
            case .lowercaseF:
                guard copyLiteral("false") else { return false }
            case .lowercaseN:
                guard copyLiteral("null") else { return false }
            default:
                return false
            }

            // 2. After a value: a separator and the next key, or the ends of the containers that close here.
            while true {
                guard let last = frames.indices.last else {
                    if readsShare { return true }  // the helper's array has closed
                    skipWhitespace()
                    return index == count
                }
                guard frames[last].members < limits.maxMembers else { return false }
                frames[last].members += 1
                skipWhitespace()
                guard index < count else { return false }
                let byte = input[index]
                if byte == .comma {
                    index += 1
                    newline()
                    if frames[last].isObject { guard copyKey() else { return false } }
                    break
                }
                guard byte == (frames[last].isObject ? .closeBrace : .closeBracket) else { return false }
                let closed = frames.removeLast()
                if frames.isEmpty { elementsRead = closed.members }  // (the helper's array, in the helper)
                newline()  // before the closing bracket, which is then copied as it is
                index += 1
            }
        }
    }

    /// Takes the bytes read but not yet taken (`input[pending..<index]`) into the text: as a piece of
    /// their own when they are many, else copied to `output`.
    private mutating func flush() {
        // `pending <= index <= count`: both only move forward, `pending` never past `index`, and every
        // read checks `index` against `count` before moving past a byte.
        let length = index - pending
        if length >= Reformatter.shortestInputPiece {
            takeOutput()
            pieces.append(Piece(fromInput: true, start: pending, count: length))
            textCount += length
        } else {
            output.append(UnsafeBufferPointer(rebasing: input[pending..<index]))
        }
        pending = index
    }

    /// Adds what was written to `output` since the last piece as a piece.
    private mutating func takeOutput() {
        guard output.count > outputTaken else { return }
        pieces.append(Piece(fromInput: false, start: outputTaken, count: output.count - outputTaken))
        textCount += output.count - outputTaken
        outputTaken = output.count
    }

    /// Drops the input bytes from `index` to `end` from the output (after copying what comes before).
    private mutating func drop(to end: Int) {
        flush()
        index = end
        pending = end
    }

    /// In pretty output, a line break and the indentation of the innermost open container's members.
    @inline(__always)
    private mutating func newline() {
        guard pretty else { return }
        flush()
        output.append(.newline)
        output.append(repeating: .space, count: frames.count * indentWidth)
    }

    /// Skips white space, which the output drops. Most tokens are not preceded by any: one test then.
    @inline(__always)
    private mutating func skipWhitespace() {
        guard index < count, input[index] <= .space else { return }
        var end = index
        while end < count {
            let byte = input[end]
            guard byte == .space || byte == .newline || byte == .tab || byte == .carriageReturn else { break }
            end += 1
        }
        if end > index { drop(to: end) }
    }

    /// A key, the `:` after it, and in pretty output a space.
    private mutating func copyKey() -> Bool {
        skipWhitespace()
        guard index < count, input[index] == .quote, copyString() else { return false }
        skipWhitespace()
        guard index < count, input[index] == .colon else { return false }
        index += 1
        if pretty {
            flush()
            output.append(.space)
        }
        return true
    }

    private mutating func copyLiteral(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= count else { return false }
        for offset in 0..<length where input[index + offset] != literal.utf8Start[offset] {
            return false
        }
        index += length
        return true
    }

    /// A number of the RFC 8259 grammar, copied as written.
    private mutating func copyNumber() -> Bool {
        if input[index] == .minus { index += 1 }
        guard index < count else { return false }
        if input[index] == .zero {
            index += 1
            if index < count, input[index].isDigit { return false }  // a leading zero
        } else {
            guard skipDigits() else { return false }
        }
        if index < count, input[index] == .period {
            index += 1
            guard skipDigits() else { return false }
        }
        if index < count, input[index] | 0x20 == .lowercaseE {
            index += 1
            if index < count, input[index] == .plus || input[index] == .minus { index += 1 }
            guard skipDigits() else { return false }
        }
        return true
    }

    /// Skips one or more digits; `false` when there is none.
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < count, input[index].isDigit { index += 1 }
        return index > start
    }

    /// Checks the UTF-8 of the input up to `position` or a little beyond (a window at a time), or
    /// through the end when `position` is `count`; `false` when it is ill-formed.
    private mutating func checkUTF8(through position: Int) -> Bool {
        while utf8Checked < count, utf8Checked <= position || position == count {
            let windowEnd = min(count, max(position, utf8Checked) + Reformatter.utf8Window)
            guard let end = StringBytes.wellFormedUTF8End(in: input, from: utf8Checked, to: windowEnd) else { return false }
            utf8Checked = end
        }
        return true
    }

    /// A string at its opening quote: plain content, non-ASCII included (its UTF-8 is checked a
    /// window at a time ahead of it, `checkUTF8`), is skipped sixteen bytes at a time; escapes the
    /// writer spells differently are rewritten.
    @inline(__always)
    private mutating func copyString() -> Bool {
        guard index < utf8Checked || checkUTF8(through: index) else { return false }
        index += 1  // opening quote
        let start = index
        while true {
            index = StringBytes.endOfPlainContent(in: input, from: index)
            guard index < count else { return false }
            let byte = input[index]
            if byte == .quote { break }
            guard byte == .backslash, copyEscape() else { return false }  // or a control character
        }
        guard index - start <= limits.maxStringLength else { return false }
        index += 1  // closing quote
        return true
    }

    /// An escape at its backslash (`index`). `\"`, `\\`, `\b`, `\f`, `\n`, `\r` and `\t` are what the
    /// writer writes for their characters, so they stay; `\/` and `\uXXXX` are decoded and written
    /// as the writer writes the character.
    @inline(__always)
    private mutating func copyEscape() -> Bool {
        guard index + 1 < count else { return false }
        switch input[index + 1] {
        case .quote, .backslash, .lowercaseB, .lowercaseF, .lowercaseN, .lowercaseR, .lowercaseT:
            index += 2
            return true
        default:
            var read = index
            guard let character = decodeEscape(at: &read) else { return false }
            flush()
            appendEscaped(character)
            index = read
            pending = read
            return true
        }
    }

    /// The character of the escape whose backslash is at `read`, as the parser decodes it; advances
    /// `read` past the escape. `nil` for an invalid escape or a lone surrogate. (The parser reads the
    /// hex digits of `\u` escapes up to the closing quote, which is no hex digit; reading them up to
    /// the end of the input rejects the same strings.)
    private func decodeEscape(at read: inout Int) -> Unicode.Scalar? {
        guard read + 1 < count else { return nil }
        let escaped = input[read + 1]
        read += 2
        switch escaped {
        case .quote, .backslash, .slash: return Unicode.Scalar(escaped)
        case .lowercaseB: return Unicode.Scalar(0x08)
        case .lowercaseF: return Unicode.Scalar(0x0C)
        case .lowercaseN: return Unicode.Scalar(UInt8.newline)
        case .lowercaseR: return Unicode.Scalar(UInt8.carriageReturn)
        case .lowercaseT: return Unicode.Scalar(UInt8.tab)
        case .lowercaseU:
            guard let unit = hexQuad(at: &read) else { return nil }
            if unit >= 0xD800, unit < 0xDC00 {
                guard read + 1 < count, input[read] == .backslash, input[read + 1] == .lowercaseU else { return nil }
                read += 2
                guard let low = hexQuad(at: &read), low >= 0xDC00, low < 0xE000 else { return nil }
                return Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
            }
            return Unicode.Scalar(unit)  // `nil` for a lone low surrogate
        default:
            return nil
        }
    }

    /// The four hex digits of a `\u` escape at `read`.
    private func hexQuad(at read: inout Int) -> UInt16? {
        guard read + 4 <= count else { return nil }
        var unit: UInt16 = 0
        for _ in 0..<4 {
            let byte = input[read]
            let digit: UInt8
            switch byte {
            case .zero ... .nine: digit = byte - .zero
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt16(digit)
            read += 1
        }
        return unit
    }

    /// Appends one character of string content as ``JSONWriter`` writes it.
    private mutating func appendEscaped(_ scalar: Unicode.Scalar) {
        guard scalar.isASCII else {
            for byte in scalar.utf8 { output.append(byte) }
            return
        }
        let byte = UInt8(scalar.value)
        guard !StringBytes.isPlain(byte) else {
            output.append(byte)
            return
        }
        output.appendEscape(for: byte)
    }
}
