// Fuzz target `canonical`: whatever the canonical codec accepts, it writes back to a document that
// reads as the same run; whatever it rejects, it rejects with an error, never a crash.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCanonical(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let codec = CanonicalCodec()
    guard let run = try? codec.decode(bytes(data, size)) else { return 0 }
    for style in [JSONWriter.Style.compact, .pretty] {
        let written = codec.encode(run, style: style)
        do {
            let reread = try codec.decode(written)
            require(reread == run, "the run changes through canonical JSON (\(style))")
            require(codec.encode(reread, style: style) == written, "canonical output is not stable (\(style))")
        } catch {
            require(false, "canonical output does not read back: \(error)")
        }
    }
    return 0
}
