// Fuzz target `json`: whatever the parser accepts, writing it (compact and pretty) and parsing the
// result gives the same value back; whatever it rejects, it rejects with a located error.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    let value: JSONValue
    do {
        value = try JSONParser().parse(input)
    } catch {
        require(error.location != nil, "a parse error without a position: \(error)")
        return 0
    }
    for style in [JSONWriter.Style.compact, .pretty] {
        let written = JSONWriter(style: style).write(value)
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
