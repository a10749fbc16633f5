// Fuzz target `json`: reading on two threads gives what one thread gives; whatever the parser
// accepts, writing it (compact and pretty) and parsing the result gives the same value back, and the
// reformatter (`evalnorm fmt`, compact also on two threads) writes the same bytes; whatever the
// parser rejects, it rejects with a located error, and the reformatter rejects too. What it accepts
// is well-formed UTF-8 by Swift's own check.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    // Read on two threads wherever the input has a place to split (ParseSplit), the value or the
    // error is the one that one thread finds.
    let alone = Result { () throws(EvalNormError) in try JSONParser(splitsLargeDocuments: false).parse(input) }
    let split = Result { () throws(EvalNormError) in try JSONParser(minimumSplitSize: 1).parse(input) }
    require(split == alone, "a split parse differs from one thread's: \(split) against \(alone)")
    let value: JSONValue
    do {
        value = try alone.get()
    } catch {
        require(error.location != nil, "a parse error without a position: \(error)")
        for (style, limits) in reformats {
            require(JSONWriter(style: style).copyReformatted(input, limits: limits) == nil, "\(style) reformat accepts what the parser rejects")
        }
        return 0
    }
    // The parser and the reformatter share their UTF-8 check; Swift's own is the reference.
    require(String(validating: input, as: UTF8.self) != nil, "the parser accepts ill-formed UTF-8")
    for (style, limits) in reformats {
        let written = JSONWriter(style: style).write(value)
        require(JSONWriter(style: style).copyReformatted(input, limits: limits) == written, "\(style) reformat differs from parse + write")
        do {
            let reread = try JSONParser().parse(written)
            require(reread == value, "\(style) output parses to another value")
            require(JSONWriter(style: style).write(reread) == written, "\(style) output is not stable")
        } catch {
            require(false, "\(style) output does not parse: \(error)")
        }
    }
    return 0
}

/// The reformatter's styles, compact also split between two threads wherever the input has a place
/// to split (ParseSplit).
private let reformats: [(JSONWriter.Style, JSONParser)] = [(.compact, JSONParser()), (.compact, JSONParser(minimumSplitSize: 1)), (.pretty, JSONParser())]
