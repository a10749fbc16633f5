// Fuzz target `json`: whatever the parser accepts, writing it (compact and pretty) and parsing the
// result gives the same value back, and the reformatter (`evalnorm fmt`) writes the same bytes;
// whatever the parser rejects, it rejects with a located error, and the reformatter rejects too.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    let value: JSONValue
    do {
        value = try JSONParser().parse(input)
    } catch {
        require(error.location != nil, "a parse error without a position: \(error)")
        for style in [JSONWriter.Style.compact, .pretty] {
            require(JSONWriter(style: style).copyReformatted(input, limits: JSONParser()) == nil, "\(style) reformat accepts what the parser rejects")
        }
        return 0
    }
    for style in [JSONWriter.Style.compact, .pretty] {
        let written = JSONWriter(style: style).write(value)
        require(JSONWriter(style: style).copyReformatted(input, limits: JSONParser()) == written, "\(style) reformat differs from parse + write")
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
