import Testing
import IcplsJSONRPC

@Suite("Reading JSON-RPC messages")
struct IncomingMessageTests {
    private func message(_ body: String) throws(RejectedMessage) -> IncomingMessage {
        try IncomingMessage(body: bytes(body))
    }

    /// The rejection of `body`, or `nil` (with a recorded issue) when it was accepted.
    private func rejection(_ body: String) -> RejectedMessage? {
        do {
            let accepted = try message(body)
            Issue.record("accepted \(body) as \(accepted)")
            return nil
        } catch {
            return error
        }
    }

    @Test("requests are read with their id, method and params")
    func requests() throws {
        #expect(try message(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"a":1}}"#)
            == .request(id: .integer(1), method: "initialize", params: ["a": 1]))
        #expect(try message(#"{"params":[1,2],"method":"m","id":"abc","jsonrpc":"2.0"}"#)
            == .request(id: .string("abc"), method: "m", params: [1, 2]))
        #expect(try message(#"{"jsonrpc":"2.0","id":-5,"method":"shutdown"}"#)
            == .request(id: .integer(-5), method: "shutdown", params: nil))
    }

    @Test("null params mean the same as no params")
    func nullParams() throws {
        #expect(try message(#"{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}"#)
            == .request(id: .integer(2), method: "shutdown", params: nil))
        #expect(try message(#"{"jsonrpc":"2.0","method":"exit","params":null}"#)
            == .notification(method: "exit", params: nil))
    }

    @Test("a message without an id is a notification")
    func notifications() throws {
        #expect(try message(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
            == .notification(method: "initialized", params: [:]))
        #expect(try message(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":4}}"#)
            == .notification(method: "$/cancelRequest", params: ["id": 4]))
    }

    @Test("responses to our own requests are read with their outcome")
    func responses() throws {
        #expect(try message(#"{"jsonrpc":"2.0","id":3,"result":null}"#)
            == .response(id: .integer(3), outcome: .success(.null)))
        #expect(try message(#"{"jsonrpc":"2.0","id":"r","result":[{"a":1}]}"#)
            == .response(id: .string("r"), outcome: .success([["a": 1]])))
        let failure = ResponseError(.methodNotFound, message: "nope", data: ["why": "x"])
        #expect(try message(#"{"jsonrpc":"2.0","id":4,"error":{"code":-32601,"message":"nope","data":{"why":"x"}}}"#)
            == .response(id: .integer(4), outcome: .failure(failure)))
        #expect(try message(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}"#)
            == .response(id: nil, outcome: .failure(ResponseError(.parseError, message: "bad"))))
    }

    @Test("a body that is not JSON is a parse error with a null id", arguments: [
        "", "{", "not json", #"{"jsonrpc":"2.0","id":1,"method":"m""#, "{\"a\":\u{1}}",
    ])
    func parseError(body: String) {
        let rejected = rejection(body)
        #expect(rejected?.id == nil)
        #expect(rejected?.error.code == .parseError)
    }

    @Test("a body nested deeper than the limit is a parse error, even with a readable id")
    func nestedTooDeeply() {
        let depth = JSONValue.maximumNestingDepth
        let deepParams = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let rejected = rejection(#"{"jsonrpc":"2.0","id":1,"method":"m","params":"# + deepParams + "}")
        #expect(rejected?.id == nil)
        #expect(rejected?.error.code == .parseError)
        let shallowParams = String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
        #expect(throws: Never.self) {
            try message(#"{"jsonrpc":"2.0","id":1,"method":"m","params":"# + shallowParams + "}")
        }
    }

    @Test("invalid UTF-8 outside strings is a parse error, inside strings it is repaired")
    func invalidUTF8() throws {
        #expect(throws: RejectedMessage.self) { try IncomingMessage(body: [0xFF, 0xFE]) }
        let body = bytes(#"{"jsonrpc":"2.0","method":"m","params":{"t":""#) + [0xFF] + bytes(#""}}"#)
        #expect(try IncomingMessage(body: body) == .notification(method: "m", params: ["t": "\u{FFFD}"]))
    }

    @Test("JSON that is not one valid message is an invalid request", arguments: [
        // Not a single object
        ("[]", nil),
        (#"[{"jsonrpc":"2.0","id":1,"method":"m"}]"#, nil),
        ("1", nil),
        (#""text""#, nil),
        ("null", nil),
        // The jsonrpc member
        (#"{"id":1,"method":"m"}"#, RequestID.integer(1)),
        (#"{"jsonrpc":"1.0","id":"a","method":"m"}"#, .string("a")),
        (#"{"jsonrpc":2.0,"id":5,"method":"m"}"#, .integer(5)),
        (#"{"jsonrpc":null,"method":"m"}"#, nil),
        // The method member
        (#"{"jsonrpc":"2.0","id":7,"method":3}"#, .integer(7)),
        (#"{"jsonrpc":"2.0","id":7,"method":null}"#, .integer(7)),
        (#"{"jsonrpc":"2.0","method":["m"]}"#, nil),
        // The params member
        (#"{"jsonrpc":"2.0","id":8,"method":"m","params":3}"#, .integer(8)),
        (#"{"jsonrpc":"2.0","id":8,"method":"m","params":"p"}"#, .integer(8)),
        (#"{"jsonrpc":"2.0","method":"m","params":true}"#, nil),
        // The id member
        (#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#, nil),
        (#"{"jsonrpc":"2.0","id":1e30,"method":"m"}"#, nil),
        (#"{"jsonrpc":"2.0","id":true,"method":"m"}"#, nil),
        (#"{"jsonrpc":"2.0","id":{},"method":"m"}"#, nil),
        (#"{"jsonrpc":"2.0","id":[1],"method":"m"}"#, nil),
        (#"{"jsonrpc":"2.0","id":null,"method":"m"}"#, nil),
        // Neither a call nor a response
        (#"{"jsonrpc":"2.0"}"#, nil),
        (#"{"jsonrpc":"2.0","result":1}"#, nil),
        (#"{"jsonrpc":"2.0","id":3}"#, .integer(3)),
        (#"{"jsonrpc":"2.0","id":3,"result":1,"error":{"code":1,"message":"m"}}"#, .integer(3)),
        (#"{"jsonrpc":"2.0","id":3,"error":"failed"}"#, .integer(3)),
        (#"{"jsonrpc":"2.0","id":3,"error":{"code":"x","message":"m"}}"#, .integer(3)),
        (#"{"jsonrpc":"2.0","id":3,"error":{"code":1}}"#, .integer(3)),
        (#"{"jsonrpc":"2.0","id":null,"result":1}"#, nil),
    ] as [(String, RequestID?)])
    func invalidRequest(body: String, expectedID: RequestID?) {
        let rejected = rejection(body)
        #expect(rejected?.error.code == .invalidRequest)
        #expect(rejected?.id == expectedID)
    }

    @Test("a rejection comes with the framed error response to send")
    func rejectionResponse() throws {
        let rejected = try #require(rejection(#"{"jsonrpc":"2.0","id":9,"method":4}"#))
        let expectedBody = #"{"jsonrpc":"2.0","id":9,"error":{"code":-32600,"#
            + #""message":"Invalid request: \"method\" must be a string"}}"#
        #expect(rejected.errorResponse == framed(expectedBody))

        let unparsable = try #require(rejection("{"))
        let parseErrorBody = #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"#
            + #""message":"Parse error: unexpected end of input at byte 1"}}"#
        #expect(unparsable.errorResponse == framed(parseErrorBody))
    }

    @Test("request ids print as they appear in JSON")
    func requestIDDescription() {
        #expect(RequestID.integer(12).description == "12")
        #expect(RequestID.string("12").description == #""12""#)
    }
}
