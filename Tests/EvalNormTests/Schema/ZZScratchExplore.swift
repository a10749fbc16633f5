import EvalNorm
import Testing
import Foundation

struct ZZScratchExplore {
    @Test(arguments: [100, 200, 300, 400]) func deepSmall(n: Int) throws {
        let r = OnSmallStack.run {
            var text = "1"
            for _ in 0..<n { text = "[\(text)]" }
            let schema = try! JSONSchema(try! JSONParser().parse(##"{"type":["array","string"],"items":{"$ref":"#"}}"##))
            let r = schema.validate(try! JSONParser().parse(text))
            return "deep \(n): \(r.isValid) \(r.errors.first.map { "\($0.instanceLocation.tokens.count) \($0.keywordLocation.tokens.count) \($0.message)" } ?? "")"
        }
        print(r)
    }
    @Test func deepDefault() throws {
        var text = "1"
        for _ in 0..<400 { text = "[\(text)]" }
        let schema = try! JSONSchema(try! JSONParser().parse(##"{"type":["array","string"],"items":{"$ref":"#"}}"##))
        let r = schema.validate(try! JSONParser().parse(text))
        print("deepDefault \(r.isValid) \(r.errors.first.map { "\($0.instanceLocation.tokens.count) \($0.keywordLocation.tokens.count) \($0.message)" } ?? "")")
        let s2 = try! JSONSchema(try! JSONParser().parse(##"{"$ref":"#","minimum":0}"##))
        print("loopDefault \(s2.validate(1).errors.count) \(s2.isValid(1))")
    }
}
