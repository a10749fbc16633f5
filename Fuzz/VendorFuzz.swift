// Fuzz target `vendor`: whenever a document of a known vendor decodes (schema check or not), its
// codec encodes the run back to the same document, also after the run went through canonical JSON.
// A list of runs whose every element decodes comes back as the same list.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVendor(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let value = try? JSONParser().parse(bytes(data, size)) else { return 0 }
    let reader = RunReader(validatesInput: false)
    for vendor in Vendor.known {
        guard let codec = VendorCodecs.codec(for: vendor), let format = try? reader.format(of: value, vendor: vendor) else { continue }
        if format.isRunList {
            checkList(DetectedDocument(format: format, value: value))
            continue
        }
        guard let run = try? reader.decode([DetectedDocument(format: format, value: value)]) else { continue }
        _ = reader.validate(DetectedDocument(format: format, value: value))
        do {
            let direct = try codec.encode(run)
            require(direct.map(\.value) == [value], "\(vendor) \(format.kind): encode(decode(D)) differs from D")
            let canonical = CanonicalCodec()
            let reread = try canonical.decode(canonical.encode(run, style: .compact))
            require(reread == run, "\(vendor) \(format.kind): the run changes through canonical JSON")
            let again = try codec.encode(reread)
            require(again.map(\.value) == [value], "\(vendor) \(format.kind): differs after canonical JSON")
        } catch {
            require(false, "\(vendor) \(format.kind): a decoded run does not encode: \(error)")
        }
    }
    return 0
}

/// A list whose elements all decode makes the trip to canonical JSON and back, list and all.
private func checkList(_ document: DetectedDocument) {
    let reader = RunReader(validatesInput: false)
    _ = reader.validate(document)
    guard let decoded = try? reader.decodeList(document), decoded.failures.isEmpty, !decoded.runs.isEmpty else { return }
    do {
        let report = try RunConverter.roundTrip([document])
        require(report.isLossless, "\(document.format): the list differs after canonical JSON at \(report.differences)")
    } catch {
        require(false, "\(document.format): a decoded list does not make the round trip: \(error)")
    }
}
